import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { ItemFiles, ItemTransformer } from '../../core/exports/index.ts';

/**
 * A ZIP archive written as it goes (fflate's streaming Zip): each file is compressed when it is
 * added and its bytes handed to `write` at once, so nothing but the file being added is held.
 * Entries are dated `mtime` (the export's time).
 */
export class ZipArchive {
  readonly #zip: Zip;

  constructor(
    readonly mtime: Date,
    write: (bytes: Buffer) => void,
  ) {
    this.#zip = new Zip((err, data) => {
      if (err) throw err;
      if (data.length > 0) write(Buffer.from(data.buffer, data.byteOffset, data.length));
    });
  }

  add(name: string, text: string): void {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = this.mtime;
    this.#zip.add(file);
    file.push(strToU8(text), true);
  }

  /** Ends the archive: writes its central directory. */
  end(): void {
    this.#zip.end();
  }
}

/** A ZIP format's files as a transformer the record reader feeds: each file goes into `zip`. */
export const zipTransformer = (files: ItemFiles, zip: ZipArchive): ItemTransformer => ({
  header: '',
  submittedOnly: true,
  item: (item) => files.item(item, (name, text) => zip.add(name, text)),
});
