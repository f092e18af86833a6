import {
  type Candidate,
  candidatesOf,
  type InterfaceDefinition,
  promptFieldOf,
  type QuestionDefinition,
} from '../interface/index.ts';
import { type Message, normalisePrompt, promptText, turnsOf } from './conversation.ts';
import type { ExportedItem } from './record.ts';

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

/**
 * One item as the transformers read it, with what they write more than once (a prompt, a
 * candidate's text as JSON) made once: a ranking of n candidates gives up to n(n-1)/2 lines that
 * share them.
 */
export class ItemView {
  readonly #prompts = new Map<string, Message[] | null>();
  readonly #json = new Map<string, string>();
  readonly #candidates = new Map<string, Map<string, Candidate>>();

  constructor(
    readonly iface: ExportInterface,
    readonly item: ExportedItem,
  ) {}

  /** A field's value in the item, undefined when absent. */
  value(field: string | undefined): unknown {
    const { data } = this.item;
    return field !== undefined && Object.hasOwn(data, field) ? data[field] : undefined;
  }

  /**
   * The question's prompt as normalised messages, or undefined: the item has none, or its
   * conversation cannot make a prompt (conversation.ts).
   */
  prompt(question: Prompted): Message[] | undefined {
    const name = promptFieldOf(this.iface, question);
    if (name === undefined) return undefined;
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
    let json = this.#json.get(key);
    if (json === undefined) {
      const messages = this.prompt(question);
      if (messages === undefined) return undefined;
      json = JSON.stringify(as === 'text' ? promptText(messages) : messages);
      this.#json.set(key, json);
    }
    return json;
  }

  /** The candidates of a `responses` field, by id (empty when the item has none). */
  candidates(field: string): Map<string, Candidate> {
    let byId = this.#candidates.get(field);
    if (byId === undefined) {
      byId = new Map(candidatesOf(this.item.data, field).map((c) => [c.id, c]));
      this.#candidates.set(field, byId);
    }
    return byId;
  }

  /** A candidate's content as a JSON string. */
  contentJson(field: string, candidate: Candidate): string {
    const key = `c\u0000${field}\u0000${candidate.id}`;
    let json = this.#json.get(key);
    if (json === undefined) {
      json = JSON.stringify(candidate.content);
      this.#json.set(key, json);
    }
    return json;
  }
}
