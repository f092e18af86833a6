import { type InterfaceDefinition, MEDIA_FIELD_TYPES } from '../../core/interface/index.ts';
import { itemMediaPath } from '../../core/media/reference.ts';
import { rationalValue } from './probe-facts.ts';

/** The media fields of an interface, in its order (the names an export's media rows are read for). */
export const mediaFieldNames = (iface: Pick<InterfaceDefinition, 'fields'>): string[] =>
  iface.fields.filter((f) => MEDIA_FIELD_TYPES.includes(f.type)).map((f) => f.name);

/**
 * One media field of one item, as the export's media statement reads it (exports.repository.ts):
 * the item, the field, then the media row's id, type, size and probed facts.
 */
export type ExportMediaRow = [
  itemId: number,
  field: string,
  mediaId: number,
  contentType: string,
  size: number,
  durationSeconds: number | null,
  sampleRate: number | null,
  channels: number | null,
  frameRate: string | null,
  width: number | null,
  height: number | null,
  codecs: string | null,
  probeError: string | null,
];

/** A media row's `mediaFacts` entry: what item answers give as `media.<field>`, less the URLs. */
function factsText(row: ExportMediaRow): string {
  const [, , mediaId, contentType, size, durationSeconds, sampleRate, channels, frameRate, width, height] =
    row;
  const [codecs, probeError] = [row[11], row[12]];
  return JSON.stringify({
    mediaId: Number(mediaId),
    contentType,
    size: Number(size),
    durationSeconds,
    sampleRate,
    channels,
    frameRate,
    frameRateValue: rationalValue(frameRate),
    width,
    height,
    codecs: codecs === null ? null : (JSON.parse(codecs) as string[]),
    probeError,
  });
}

/**
 * The members a JSONL export line ends with for a project with media fields (docs/media.md,
 * "Export lines"): `"media"`, the path each field's media is served from (made from the item id
 * alone), and `"mediaFacts"`, each field's media file and its probed facts, or null when the item
 * has no media in it. The facts come from the page's media rows, handed over (`row`) before the
 * page's lines are written and forgotten with the page (`clear`), so memory stays one page's.
 */
export class ExportMedia {
  readonly #names: string[];
  readonly #keys: string[];
  /** The page's facts: item id -> field -> facts text. */
  readonly #facts = new Map<number, Map<string, string>>();

  constructor(names: readonly string[]) {
    this.#names = [...names];
    this.#keys = names.map((n) => `${JSON.stringify(n)}:`);
  }

  /** The export of this interface's media, or null when it has no media field (lines as before). */
  static of(iface: Pick<InterfaceDefinition, 'fields'>): ExportMedia | null {
    const names = mediaFieldNames(iface);
    return names.length === 0 ? null : new ExportMedia(names);
  }

  get fields(): readonly string[] {
    return this.#names;
  }

  clear(): void {
    this.#facts.clear();
  }

  row(row: ExportMediaRow): void {
    const itemId = Number(row[0]);
    let fields = this.#facts.get(itemId);
    if (!fields) {
      fields = new Map();
      this.#facts.set(itemId, fields);
    }
    fields.set(row[1], factsText(row));
  }

  /** `,"media":{…},"mediaFacts":{…}` for the item. */
  tail(itemId: number): string {
    const facts = this.#facts.get(itemId);
    const urls = this.#names.map((n, i) => `${this.#keys[i]}${JSON.stringify(itemMediaPath(itemId, n))}`);
    const known = this.#names.map((n, i) => `${this.#keys[i]}${facts?.get(n) ?? 'null'}`);
    return `,"media":{${urls.join(',')}},"mediaFacts":{${known.join(',')}}`;
  }
}
