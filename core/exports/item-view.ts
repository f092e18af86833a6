import { type InterfaceDefinition, promptFieldOf, type QuestionDefinition } from '../interface/index.ts';
import { type Message, normalisePrompt, promptText, turnsOf } from './conversation.ts';
import {
  isStringAt,
  keyAt,
  keyIs,
  members,
  parseAt,
  type Range,
  scanObject,
  skipSpace,
  stringAt,
} from './raw-json.ts';
import type { ExportedAnnotation, ExportedItem, ItemTransformer } from './record.ts';

/** The parts of an interface a transformer reads. */
export type ExportInterface = Pick<InterfaceDefinition, 'fields' | 'questions'>;

/** A question of one kind. */
export type QuestionOf<T extends QuestionDefinition['type']> = Extract<QuestionDefinition, { type: T }>;

/** The questions of these kinds, in the interface's order. */
export const questionsOf = <T extends QuestionDefinition['type']>(
  iface: ExportInterface,
  ...types: T[]
): QuestionOf<T>[] => iface.questions.filter((q): q is QuestionOf<T> => types.includes(q.type as T));

/** A question whose answers respond to a prompt (promptFieldOf) about a field. */
type Prompted = { field?: string | undefined; prompt?: string | undefined };

/** A field's value as prompt messages: a chat's turns normalised, a text as one user turn. */
export function messagesOf(value: unknown): Message[] | undefined {
  if (typeof value === 'string') return [{ role: 'user', content: value }];
  const turns = turnsOf(value);
  return turns && normalisePrompt(turns);
}

/** A candidate of a `responses` field, its content kept as the JSON text it is stored as. */
export class RawCandidate {
  #content: string | undefined;

  constructor(
    readonly id: string,
    /** The content as a JSON string literal, quotes included. */
    readonly contentJson: string,
  ) {}

  get content(): string {
    this.#content ??= JSON.parse(this.contentJson) as string;
    return this.#content;
  }
}

/**
 * One item as the transformers read it. Its data stays JSON text: a field is found in it
 * (raw-json.ts) and parsed only when a format needs its value, and a candidate's content is
 * copied into the line as the JSON it is stored as. What is written more than once (a prompt, the
 * candidates of a ranking of n, which give up to n(n-1)/2 lines) is made once.
 */
export class ItemView {
  // Made when first needed: most items need one or two of them.
  #fields: Map<string, Range> | undefined;
  #values: Map<string, unknown> | undefined;
  #prompts: Map<string, Message[] | null> | undefined;
  #json: Map<string, string> | undefined;
  #candidates: Map<string, Map<string, RawCandidate>> | undefined;

  constructor(
    readonly iface: ExportInterface,
    readonly item: ExportedItem,
  ) {}

  /** Where a field's value is in the item's data text; the data is scanned once. */
  #range(field: string): Range | undefined {
    if (this.#fields === undefined) {
      this.#fields = new Map();
      const text = this.item.dataJson;
      const count = scanObject(text, 0);
      for (let e = 0; e < count; e++)
        this.#fields.set(keyAt(text, e), [members.valueStarts[e]!, members.valueEnds[e]!]);
    }
    return this.#fields.get(field);
  }

  /** A field's value in the item, parsed; undefined when absent. */
  value(field: string | undefined): unknown {
    if (field === undefined) return undefined;
    this.#values ??= new Map();
    if (this.#values.has(field)) return this.#values.get(field);
    const range = this.#range(field);
    const value = range && parseAt(this.item.dataJson, range);
    this.#values.set(field, value);
    return value;
  }

  /**
   * The question's prompt as normalised messages, or undefined: the item has none, or its
   * conversation cannot make a prompt (conversation.ts).
   */
  prompt(question: Prompted): Message[] | undefined {
    const name = promptFieldOf(this.iface, question);
    if (name === undefined) return undefined;
    this.#prompts ??= new Map();
    let messages = this.#prompts.get(name);
    if (messages === undefined) {
      messages = messagesOf(this.value(name)) ?? null;
      this.#prompts.set(name, messages);
    }
    return messages ?? undefined;
  }

  /** The prompt as JSON: `text` one string (promptText), `messages` the list of messages. */
  promptJson(question: Prompted, as: 'text' | 'messages'): string | undefined {
    const name = promptFieldOf(this.iface, question);
    if (name === undefined) return undefined;
    const key = `${as}\u0000${name}`;
    this.#json ??= new Map();
    let json = this.#json.get(key);
    if (json === undefined) {
      json = this.#promptJson(question, name, as);
      if (json === undefined) return undefined;
      this.#json.set(key, json);
    }
    return json;
  }

  #promptJson(question: Prompted, name: string, as: 'text' | 'messages'): string | undefined {
    const text = this.item.dataJson;
    const range = this.#range(name);
    if (range === undefined) return undefined;
    // The prompt's text as stored serves when it is what would be written: a string (a text
    // field, or the content of a lone user turn), or a conversation with nothing to normalise
    // and no line break between its tokens (data written with indentation has them).
    const slice = (r: Range) => {
      const json = text.slice(r[0], r[1]);
      return isStringAt(text, r) || !/[\r\n]/.test(json) ? json : undefined;
    };
    // The common prompt, one user turn, is found without parsing it.
    const lone = loneUserTurn(text, range);
    const loneJson = lone && slice(as === 'text' ? lone : range);
    if (loneJson !== undefined) return loneJson;
    const messages = this.prompt(question);
    if (messages === undefined) return undefined;
    if (as === 'text' && isStringAt(text, range)) return slice(range);
    const kept = as === 'messages' && keptAsIs(this.value(name), messages) ? slice(range) : undefined;
    return kept ?? JSON.stringify(as === 'text' ? promptText(messages) : messages);
  }

  /** The candidates of a `responses` field, by id (empty when the item has none). */
  candidates(field: string): Map<string, RawCandidate> {
    this.#candidates ??= new Map();
    let byId = this.#candidates.get(field);
    if (byId === undefined) {
      byId = candidatesIn(this.item.dataJson, this.#range(field));
      this.#candidates.set(field, byId);
    }
    return byId;
  }
}

const ROLE = '"role"';
const USER = '"user"';

/**
 * The content's range when the chat at `range` is one user turn of role and content only (a
 * prompt as it is, with nothing to normalise); undefined otherwise.
 */
function loneUserTurn(text: string, range: Range): Range | undefined {
  if (text.charCodeAt(range[0]) !== 0x5b) return undefined;
  const at = skipSpace(text, range[0] + 1);
  if (scanObject(text, at) !== 2 || text.charCodeAt(skipSpace(text, members.end)) !== 0x5d) return undefined;
  let role = false;
  let content: Range | undefined;
  for (let e = 0; e < 2; e++) {
    const start = members.valueStarts[e]!;
    const end = members.valueEnds[e]!;
    if (keyIs(text, e, ROLE)) role = end - start === USER.length && text.startsWith(USER, start);
    else if (keyIs(text, e, CONTENT) && text.charCodeAt(start) === 0x22) content = [start, end];
  }
  return role ? content : undefined;
}

/** Whether a chat's turns are the normalised messages themselves: none merged, none with more keys. */
function keptAsIs(turns: unknown, messages: readonly Message[]): boolean {
  return (
    Array.isArray(turns) &&
    turns.length === messages.length &&
    turns.every((t) => Object.keys(t as object).length === 2)
  );
}

const ID = '"id"';
const CONTENT = '"content"';

/**
 * The candidates in the JSON array at `range`: each object's id and content, found in one scan of
 * each object (the content's text is passed once).
 */
function candidatesIn(text: string, range: Range | undefined): Map<string, RawCandidate> {
  const byId = new Map<string, RawCandidate>();
  if (range === undefined || text.charCodeAt(range[0]) !== 0x5b) return byId;
  let i = skipSpace(text, range[0] + 1);
  while (i < range[1] && text.charCodeAt(i) !== 0x5d) {
    const count = scanObject(text, i);
    if (count < 0) break;
    let id: string | undefined;
    let content: string | undefined;
    for (let e = 0; e < count; e++) {
      const start = members.valueStarts[e]!;
      if (text.charCodeAt(start) !== 0x22) continue;
      const end = members.valueEnds[e]!;
      if (keyIs(text, e, ID)) id = stringAt(text, start, end);
      else if (keyIs(text, e, CONTENT)) content = text.slice(start, end);
    }
    if (id !== undefined && content !== undefined) byId.set(id, new RawCandidate(id, content));
    i = skipSpace(text, members.end);
    if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
  }
  return byId;
}

/**
 * A training format's transformer: each submitted annotation of an item, with the item's view,
 * handed to `write`. The reader already leaves drafts out for these formats (`submittedOnly`);
 * the check here keeps the transformer right when it is fed directly.
 */
export function trainingTransformer(
  iface: ExportInterface,
  write: (view: ItemView, annotation: ExportedAnnotation, emit: (line: string) => void) => void,
): ItemTransformer {
  return {
    header: '',
    submittedOnly: true,
    item(item, emit) {
      if (item.annotations.length === 0) return;
      const view = new ItemView(iface, item);
      for (const annotation of item.annotations)
        if (annotation.status === 'submitted') write(view, annotation, emit);
    },
  };
}
