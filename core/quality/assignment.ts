/**
 * The assignment of rows to columns that maximises the total weight (the Hungarian method with
 * potentials, O(n²·m) for n rows ≤ m columns). Each row gets at most one column and each column
 * at most one row; pairs of weight 0 are left unassigned in the answer.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): [row: number, col: number][] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : (weights[0] as readonly number[]).length;
  if (rows === 0 || cols === 0) return [];
  const flip = rows > cols;
  const n = flip ? cols : rows;
  const m = flip ? rows : cols;
  const w = (i: number, j: number) =>
    flip
      ? ((weights[j] as readonly number[])[i] as number)
      : ((weights[i] as readonly number[])[j] as number);
  // Minimise −weight; 1-based arrays as the method is usually written, index 0 a sentinel.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const owner = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = owner[j0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -w(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++)
        if (used[j]) {
          u[owner[j] as number] = (u[owner[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      owner[j0] = owner[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out: [number, number][] = [];
  for (let j = 1; j <= m; j++) {
    const i = owner[j] as number;
    if (i === 0 || w(i - 1, j - 1) <= 0) continue;
    out.push(flip ? [j - 1, i - 1] : [i - 1, j - 1]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}
