import { type KeyboardEvent, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { LiveAnswer, LiveQuestion } from '../../../../core/interface/index.ts';
import { LiveReplyError, streamLiveReply } from '../../api/live.ts';
import { Conversation } from '../../render/Conversation.tsx';
import { describeError } from '../../ui/errors.ts';
import type { EditorProps } from '../Question.tsx';
import { markOf, type TurnPatch, updateMark } from '../turns/marks.ts';
import { TurnReadOnly, TurnRow } from '../turns/TurnRow.tsx';
import {
  awaitingReply,
  conversationOf,
  needsReply,
  replies,
  tutorMessages,
  withMessage,
  withoutLast,
  withReply,
} from './conversation.ts';
import { LiveWorkContext } from './live-work.ts';
import '../tutoring.css';
import './live.css';

export interface LiveEditorProps extends EditorProps<LiveQuestion, LiveAnswer> {
  data: Record<string, unknown>;
}

type Phase =
  | { at: 'idle' }
  | { at: 'replied' }
  | { at: 'replying'; text: string }
  | { at: 'stopped' }
  | { at: 'failed'; error: unknown };

/**
 * A conversation with the project's model (docs/live.md): the item's turns and what was said
 * since, a composer (Enter sends, Shift+Enter starts a new line), the reply shown as it streams
 * in (a status line tells screen readers when it starts and ends, not each word), Stop, and
 * Retry after a failure; then, for each reply of the model, what the question asks of it, with
 * the turns editor's rows. Each change goes to the draft, which autosaves as any answer.
 */
export function LiveEditor(props: LiveEditorProps) {
  const { q, data, readOnly } = props;
  const work = useContext(LiveWorkContext);
  const { answer, prefix } = conversationOf(props.value, q, data);
  const latest = useRef({ answer, onChange: props.onChange });
  latest.current = { answer, onChange: props.onChange };
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [text, setText] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  // Focus goes where the tutor can go on: Retry after a failure or a stop (the Stop button and the
  // composer have left), the composer when a message is taken back.
  const retryRef = useRef<HTMLButtonElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const [focusNext, setFocusNext] = useState<'retry' | 'composer' | null>(null);
  useEffect(() => {
    if (focusNext === 'retry') retryRef.current?.focus();
    if (focusNext === 'composer') composerRef.current?.focus();
    if (focusNext) setFocusNext(null);
  }, [focusNext]);

  const change = useCallback((next: LiveAnswer) => {
    latest.current.answer = next;
    latest.current.onChange(next);
  }, []);
  const onUpdate = useCallback(
    (turn: number, patch: TurnPatch) => {
      const current = latest.current.answer;
      change({ ...current, turns: updateMark(current, turn, patch)?.turns ?? [] });
    },
    [change],
  );

  const ask = async (conversation: LiveAnswer) => {
    if (!work) return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ at: 'replying', text: '' });
    try {
      const rewrites = conversation.turns.flatMap((t) =>
        t.rewrite ? [{ turn: t.turn, rewrite: t.rewrite }] : [],
      );
      const turn = await streamLiveReply(
        work.assignmentId,
        { question: q.name, messages: conversation.messages, turns: rewrites },
        {
          signal: controller.signal,
          onDelta: (piece) =>
            setPhase((p) => (p.at === 'replying' ? { at: 'replying', text: p.text + piece } : p)),
        },
      );
      change(withReply(latest.current.answer, turn));
      setPhase({ at: 'replied' });
    } catch (err) {
      setPhase(controller.signal.aborted ? { at: 'stopped' } : { at: 'failed', error: err });
      setFocusNext('retry');
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  if (readOnly) return <LiveReadOnly q={q} answer={answer} prefix={prefix} />;
  const replying = phase.at === 'replying';
  const full = tutorMessages(answer, prefix) >= q.maxTurns;
  const send = () => {
    const message = text.trim();
    if (!message || replying || full || needsReply(answer) || !work) return;
    const next = withMessage(answer, text);
    change(next);
    setText('');
    void ask(next);
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    send();
  };
  const takeBack = () => {
    const back = withoutLast(answer, prefix);
    change(back.answer);
    setText(back.text);
    setPhase({ at: 'idle' });
    setFocusNext('composer');
  };
  const turns = replies(answer, prefix);
  return (
    <div className="live">
      <Conversation turns={answer.messages} label={`Conversation of ${q.label ?? q.name}`} />
      {replying && (
        <div className="live-streaming turn turn-assistant" aria-busy="true" data-testid="live-streaming">
          <p className="turn-role">Assistant (replying…)</p>
          <div className="item-text">{phase.text}</div>
        </div>
      )}
      <p role="status" className="muted small live-status">
        {statusLine(phase)}
      </p>
      {phase.at === 'failed' && (
        <div className="alert alert-error" role="alert">
          {phase.error instanceof LiveReplyError ? phase.error.message : describeError(phase.error)}
        </div>
      )}
      {!work ? (
        <p className="muted">
          The model answers in the annotation view; here the conversation is only shown.
        </p>
      ) : (
        <div className="live-composer">
          {needsReply(answer) && !replying ? (
            <p className="live-actions">
              <button type="button" className="primary" ref={retryRef} onClick={() => void ask(answer)}>
                {phase.at === 'failed' || phase.at === 'stopped' ? 'Retry' : "Get the model's reply"}
              </button>
              {awaitingReply(answer, prefix) && (
                <button type="button" onClick={takeBack}>
                  Edit my last message
                </button>
              )}
            </p>
          ) : (
            <label>
              <span>
                Your message{' '}
                <span className="muted small">
                  (Enter sends, Shift+Enter starts a new line; {tutorMessages(answer, prefix)} of {q.maxTurns}{' '}
                  sent)
                </span>
              </span>
              <textarea
                rows={3}
                value={text}
                maxLength={q.maxLength}
                ref={composerRef}
                // Read-only, not disabled, while the model replies: the focus stays in the box.
                readOnly={replying}
                disabled={full}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={onKey}
              />
            </label>
          )}
          <p className="live-actions">
            {replying ? (
              <button type="button" onClick={() => abort.current?.abort()}>
                Stop
              </button>
            ) : (
              !needsReply(answer) && (
                <button
                  type="button"
                  className="primary"
                  onClick={send}
                  disabled={full || text.trim() === ''}
                >
                  Send
                </button>
              )
            )}
            {full && (
              <span className="muted small"> This conversation has all the messages it may have.</span>
            )}
          </p>
        </div>
      )}
      {turns.length > 0 && (q.rating || q.flags || q.rewrite) && (
        <ol className="turns-list" aria-label="The model's replies">
          {turns.map((t, i) => (
            <TurnRow
              key={t}
              q={q}
              turn={t}
              reply={i + 1}
              content={answer.messages[t]?.content ?? ''}
              mark={markOf(answer, t)}
              onUpdate={onUpdate}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function statusLine(phase: Phase): string {
  switch (phase.at) {
    case 'replying':
      return 'The model is replying…';
    case 'stopped':
      return 'Stopped. Retry to ask again, or edit your message.';
    case 'replied':
      return 'The model replied.';
    case 'failed':
      return 'The reply failed.';
    default:
      return '';
  }
}

function LiveReadOnly(props: { q: LiveQuestion; answer: LiveAnswer; prefix: number }) {
  const { answer, prefix } = props;
  const turns = replies(answer, prefix);
  if (answer.messages.length <= prefix) return <p className="muted">—</p>;
  return (
    <div className="live">
      <Conversation turns={answer.messages} label={`Conversation of ${props.q.label ?? props.q.name}`} />
      {answer.turns.length > 0 && (
        <ol className="turns-list">
          {answer.turns.map((m) => (
            <TurnReadOnly
              key={m.turn}
              turn={m.turn}
              reply={turns.indexOf(m.turn) + 1}
              content={answer.messages[m.turn]?.content ?? ''}
              mark={m}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
