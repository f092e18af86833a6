/** A problem with the bytes of an import, tied to the 1-based physical line it was found on. */
export class CodecError extends Error {
  override readonly name = 'CodecError';
  readonly line: number;

  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.line = line;
  }
}
