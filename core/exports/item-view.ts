import { type Message, promptMessages, promptText, turnsOf } from './conversation.ts';
import type { ExportedItem } from './record.ts';

/** The parts of an interface a transformer reads. */
export interface ExportInterface {
  fields: readonly { name: string; type: string }[];
  questions: readonly ExportQuestion[];
}

/** A question as the transformers read it: its name, kind and the properties they use. */
export type ExportQuestion = { name: string; type: string } & Record<string, unknown>;

export interface Candidate {
  id: string;
  content: string;
  steps?: string[];
}

/** The questions of these kinds, in the interface's order. */
export const questionsOf = (iface: ExportInterface, ...types: string[]): ExportQuestion[] =>
  iface.questions.filter((q) => types.includes(q.type));

/**
 * The name of a question's prompt field: its `prompt` property, by default the item's first
 * `chat` or `text` field.
 */
export function promptFieldName(iface: ExportInterface, question: ExportQuestion): string | undefined {
  if (typeof question.prompt === 'string') return question.prompt;
  return iface.fields.find((f) => f.type === 'chat' || f.type === 'text')?.name;
}

/** A field's value as prompt messages: a chat's turns normalised, a text as one user turn. */
export function messagesOf(value: unknown): Message[] | undefined {
  if (typeof value === 'string') return [{ role: 'user', content: value }];
  const turns = turnsOf(value);
  return turns && promptMessages(turns);
}

/** The candidates of a `responses` field in the item, or undefined if it holds none. */
export function candidatesIn(data: Record<string, unknown>, field: unknown): Candidate[] | undefined {
  if (typeof field !== 'string') return undefined;
  const value = data[field];
  if (!Array.isArray(value)) return undefined;
  const ok = value.every(
    (c) =>
      typeof c === 'object' &&
      c !== null &&
      typeof (c as Candidate).id === 'string' &&
      typeof (c as Candidate).content === 'string',
  );
  return ok ? (value as Candidate[]) : undefined;
}

/**
 * One item as the transformers read it, with what they write more than once (a prompt, a
 * candidate's text as JSON) made once: a ranking of n candidates gives up to n(n-1)/2 lines that
 * share them.
 */
export class ItemView {
  readonly #prompts = new Map<string, Message[] | null>();
  readonly #json = new Map<string, string>();
  readonly #candidates = new Map<string, Map<string, Candidate> | null>();

  constructor(
    readonly iface: ExportInterface,
    readonly item: ExportedItem,
  ) {}

  /** The question's prompt as normalised messages, or undefined (none, or not a usable prompt). */
  prompt(question: ExportQuestion): Message[] | undefined {
    const name = promptFieldName(this.iface, question);
    if (name === undefined) return undefined;
    let messages = this.#prompts.get(name);
    if (messages === undefined) {
      messages = messagesOf(this.item.data[name]) ?? null;
      this.#prompts.set(name, messages);
    }
    return messages ?? undefined;
  }

  /** The prompt as JSON: `text` one string (promptText), `messages` the list of messages. */
  promptJson(question: ExportQuestion, as: 'text' | 'messages'): string | undefined {
    const name = promptFieldName(this.iface, question);
    if (name === undefined) return undefined;
    const key = `${as}\u0000${name}`;
    let json = this.#json.get(key);
    if (json === undefined) {
      const messages = this.prompt(question);
      if (messages === undefined) return undefined;
      json = JSON.stringify(as === 'text' ? promptText(messages) : messages);
      this.#json.set(key, json);
    }
    return json;
  }

  /** The candidates of the question's `field`, by id. */
  candidates(question: ExportQuestion): Map<string, Candidate> | undefined {
    const field = question.field;
    if (typeof field !== 'string') return undefined;
    let byId = this.#candidates.get(field);
    if (byId === undefined) {
      const list = candidatesIn(this.item.data, field);
      byId = list ? new Map(list.map((c) => [c.id, c])) : null;
      this.#candidates.set(field, byId);
    }
    return byId ?? undefined;
  }

  /** A candidate's content as a JSON string. */
  contentJson(question: ExportQuestion, candidate: Candidate): string {
    const key = `c\u0000${question.field}\u0000${candidate.id}`;
    let json = this.#json.get(key);
    if (json === undefined) {
      json = JSON.stringify(candidate.content);
      this.#json.set(key, json);
    }
    return json;
  }
}
