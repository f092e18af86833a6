import {
  answerFlags,
  type IntegritySignals,
  type InterfaceDefinition,
  SIGNAL_QUESTION_TYPES,
  sumSignals,
} from '../../core/interface/index.ts';
import { AppError } from '../http/errors.ts';

type Signals = Readonly<Record<string, IntegritySignals>>;

/**
 * Refuses signals for a question the interface does not have, or whose answers are not written
 * text (only text and rewrite questions carry them), naming `body.signals.<name>`.
 */
export function checkSignals(iface: InterfaceDefinition, signals: Signals | undefined): void {
  if (!signals) return;
  const types = new Map(iface.questions.map((q) => [q.name, q.type as string]));
  for (const name of Object.keys(signals)) {
    const type = types.get(name);
    const path = `body.signals.${name}`;
    const message =
      type === undefined
        ? `no question named "${name}"`
        : SIGNAL_QUESTION_TYPES.includes(type)
          ? undefined
          : `question "${name}" is a ${type} question; signals are only for text and rewrite questions`;
    if (message) throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
  }
}

/** What an answer write stores of the signals: their new sums, and the flags those raise (null: none). */
export interface IntegrityWrite {
  signals: string;
  flags: string | null;
}

/**
 * The annotation's signals after this save (`prior`, as stored, plus `incoming`) and their flags
 * against the answers written; undefined when it has none, so the write leaves both columns alone.
 * Flags are recomputed on every save, since a later edit of the text can raise or clear them.
 */
export function integrityWrite(
  prior: string | null,
  incoming: Signals | undefined,
  answers: Readonly<Record<string, unknown>>,
): IntegrityWrite | undefined {
  const hasIncoming = incoming !== undefined && Object.keys(incoming).length > 0;
  if (prior === null && !hasIncoming) return undefined;
  const before = prior === null ? {} : (JSON.parse(prior) as Record<string, IntegritySignals>);
  const signals = hasIncoming ? sumSignals(before, incoming) : before;
  const flags = answerFlags(signals, answers);
  return {
    signals: JSON.stringify(signals),
    flags: Object.keys(flags).length === 0 ? null : JSON.stringify(flags),
  };
}
