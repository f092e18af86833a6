import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ItemFiles, ItemTransformer } from '../../core/exports/index.ts';

/**
 * A ZIP archive written as it goes (fflate's streaming Zip): each file is compressed when it is
 * added and its bytes are taken with `take`, so only the files of the page being written are held.
 * Entries are dated `mtime` (the export's time), so the same answers give the same archive.
 */
export class ZipArchive {
  readonly #zip: Zip;
  #out: Buffer[] = [];
  #error: Error | null = null;

  constructor(readonly mtime: Date) {
    this.#zip = new Zip((err, data) => {
      if (err) this.#error = err;
      else if (data.length > 0) this.#out.push(Buffer.from(data));
    });
  }

  add(name: string, text: string): void {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = this.mtime;
    this.#zip.add(file);
    file.push(strToU8(text), true);
  }

  /** Ends the archive: its central directory follows in the next `take`. */
  end(): void {
    this.#zip.end();
  }

  /** The archive's bytes written since the last call. */
  take(): Buffer[] {
    if (this.#error) throw this.#error;
    const out = this.#out;
    this.#out = [];
    return out;
  }
}

/** A ZIP format's files as a transformer the record reader feeds: each file goes into `zip`. */
export const zipTransformer = (files: ItemFiles, zip: ZipArchive): ItemTransformer => ({
  header: '',
  submittedOnly: true,
  item: (item) => files.item(item, (name, text) => zip.add(name, text)),
});
