/**
 * The (item id, line) pairs of an import, added in insertion order, as runs: a run is a first id
 * and line and a length, and a pair extends the last run when both its id and its line are one
 * past it. Consecutive valid lines get consecutive ids (a rowid past the largest, or the next
 * sequence values), so an import without gaps is a handful of runs however many items it holds;
 * a million pairs kept one by one cost 12 MB. Ids only grow within an import, so a lookup is a
 * binary search over the runs.
 */
export class ImportedLines {
  private ids = new Float64Array(64);
  private lines = new Int32Array(64);
  private lengths = new Int32Array(64);
  private runs = 0;

  add({ id, line }: { id: number; line: number }): void {
    const last = this.runs - 1;
    if (
      last >= 0 &&
      id === this.ids[last]! + this.lengths[last]! &&
      line === this.lines[last]! + this.lengths[last]!
    ) {
      this.lengths[last]! += 1;
      return;
    }
    if (this.runs === this.ids.length) this.grow();
    this.ids[this.runs] = id;
    this.lines[this.runs] = line;
    this.lengths[this.runs] = 1;
    this.runs += 1;
  }

  get runCount(): number {
    return this.runs;
  }

  lineOf(id: number): number | undefined {
    let lo = 0;
    let hi = this.runs - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const first = this.ids[mid]!;
      if (id < first) hi = mid - 1;
      else if (id >= first + this.lengths[mid]!) lo = mid + 1;
      else return this.lines[mid]! + (id - first);
    }
    return undefined;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Float64Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const lines = new Int32Array(size);
    lines.set(this.lines);
    this.lines = lines;
    const lengths = new Int32Array(size);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
