import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from '../app/router.tsx';
import { AnnotationForm, questionFields } from '../editors/AnnotationForm.tsx';
import { KeyHint } from '../editors/KeyHint.tsx';
import { applyDigit, type Command, digitQuestion } from '../editors/keymap.ts';
import { LiveWorkContext } from '../editors/live/live-work.ts';
import { ItemFields } from '../render/ItemFields.tsx';
import { shownIds } from '../render/shown.ts';
import { Name } from '../ui/Name.tsx';
import { type Project, serverAnswers, type Work } from './api.ts';
import { chooseAnswers, type DraftStore } from './draft-store.ts';
import { focusKind } from './focus-kind.ts';
import { Guidelines } from './Guidelines.tsx';
import { ReviewNotice } from './ReviewNotice.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { SkipDialog } from './SkipDialog.tsx';
import { SuggestionMark } from './SuggestionMark.tsx';
import type { Signals, SignalsStore } from './signals-store.ts';
import { suggestionMarks, withSuggestion } from './suggestion.ts';
import { useAnswers } from './useAnswers.ts';
import { useDraft } from './useDraft.ts';
import { useHotkeys } from './useHotkeys.ts';
import { WorkAlert } from './WorkAlert.tsx';

export type ViewMode = 'queue' | 'edit' | 'view';
type Answers = Record<string, unknown>;

export interface AnnotationViewProps {
  project: Project;
  work: Work;
  mode: ViewMode;
  drafts: DraftStore;
  /** Where the integrity signals of written answers gather until they are sent; none: not measured. */
  signals?: SignalsStore;
  /** A submit is on its way (`queued`: waiting in this browser for the connection). */
  sending: 'no' | 'sending' | 'queued';
  error: unknown;
  onSubmit: (answers: Answers, activeMs: number, signals: Signals | undefined) => void;
  onSkip: (reason: string) => void;
  /** Leave an item that can no longer be submitted (its lock went to someone else). */
  onNext?: () => void;
  /** The caller's counter on the project, once known. */
  progress?: { done: number; left: number } | undefined;
  /** Opens the caller's previous item (submitted or skipped); undefined when there is none. */
  onPrevious?: (() => void) | undefined;
}

const DEAD_ENDS = new Set(['LOCK_EXPIRED', 'ALREADY_SUBMITTED', 'ASSIGNMENT_CLOSED']);

/**
 * Answer checking (core/interface with its zod schemas, about a fifth of the view's code) is only
 * needed at submit, so it is fetched once the item is on screen and the browser is idle.
 */
// Not through core/interface/index.ts: loaded on demand, so the answer checks and the question
// schemas they use stay out of the first bundle.
const loadAnswerChecks = () => import('../../../core/interface/answers.ts');
const whenIdle = (fn: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(fn, { timeout: 2000 })
    : setTimeout(fn, 200);

/** The focused annotation screen: guidelines, the item, the questions, keyboard first. */
export function AnnotationView(props: AnnotationViewProps) {
  const { project, work, mode } = props;
  const iface = project.interface;
  const data = work.item.data;
  // The order each annotator sees candidates in, recorded with their answer (absent: item order).
  const { shown } = work;
  const omit = useMemo(() => questionFields(iface), [iface]);
  const readOnly = mode === 'view' || props.sending !== 'no';
  // A rework the queue hands back is submitted already: it can be resubmitted, not skipped.
  const canSkip = mode === 'queue' && work.assignment.status === 'locked';
  const [restored] = useState(() =>
    withSuggestion(
      chooseAnswers(props.drafts.read(work.assignment.id), serverAnswers(work)),
      work,
      mode === 'queue',
    ),
  );
  const draft = useDraft(work, props.drafts, props.signals);
  const signalsStore = props.signals;
  const assignmentId = work.assignment.id;
  const integrity = useMemo(
    () =>
      signalsStore && mode !== 'view'
        ? { add: (q: string, d: Parameters<SignalsStore['add']>[2]) => signalsStore.add(assignmentId, q, d) }
        : undefined,
    [signalsStore, assignmentId, mode],
  );
  // Live questions talk to the model only while the item is the caller's open work.
  const liveWork = useMemo(
    () => (mode !== 'view' && work.assignment.status === 'locked' ? { assignmentId } : undefined),
    [mode, work.assignment.status, assignmentId],
  );
  const { change } = draft;
  const onChange = useCallback((a: Answers) => mode !== 'view' && change(a), [change, mode]);
  const answers = useAnswers(restored.answers, onChange);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [focused, setFocused] = useState<string>();
  const [dialog, setDialog] = useState<'skip' | 'help'>();
  const mainRef = useRef<HTMLElement>(null);

  // A new item takes focus: its span text when there is one (keys work at once), else the item.
  useEffect(() => {
    const target =
      mainRef.current?.querySelector<HTMLElement>('[data-testid="span-text"][tabindex]') ?? mainRef.current;
    target?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    whenIdle(() => void loadAnswerChecks().catch(() => undefined));
  }, []);

  // Answers restored from this browser go to the server as soon as the view opens.
  useEffect(() => {
    if (restored.source === 'local' && mode !== 'view') change(restored.answers);
  }, [restored, mode, change]);

  const edit = (next: Answers, changed: string, coalesce = false) => {
    if (readOnly) return;
    answers.set(next, changed, coalesce);
    if (errors[changed]) setErrors(({ [changed]: _, ...rest }) => rest);
  };
  const onFormChange = (next: Answers) => {
    const changed = iface.questions.find((q) => next[q.name] !== answers.current()[q.name]);
    // Typing in any box (a text answer, a rewrite, a comment or correction) is one undo step per burst.
    const where = focusKind(document.activeElement);
    edit(next, changed?.name ?? '', where === 'text-entry' || where === 'textarea');
  };

  const submit = async () => {
    if (readOnly) return;
    // Without the checks (their chunk could not be fetched) the answers go as they are: the server
    // checks them too, and its refusal is shown as a sentence.
    const checks = await loadAnswerChecks().catch(() => undefined);
    const checked = checks
      ? checks.validateAnswers(iface, answers.current(), data, { partial: false })
      : { ok: true as const, value: answers.current() };
    if (!checked.ok) {
      const byQuestion: Record<string, string[]> = {};
      for (const e of checked.errors) {
        const name = e.path.split(/[.[]/)[0] ?? '';
        const text = e.message.startsWith(`${name}: `) ? e.message.slice(name.length + 2) : e.message;
        byQuestion[name] = [...(byQuestion[name] ?? []), text.charAt(0).toUpperCase() + text.slice(1)];
      }
      setErrors(byQuestion);
      const first = Object.keys(byQuestion)[0];
      mainRef.current
        ?.querySelector<HTMLElement>(
          `[data-question="${first}"] input, [data-question="${first}"] textarea, [data-question="${first}"] [tabindex="0"]`,
        )
        ?.focus();
      return;
    }
    setErrors({});
    await draft.settle();
    props.onSubmit(checked.value, draft.timer.take(), signalsStore?.take(assignmentId));
  };

  // Suggested questions confirmed with Accept; changing the answer makes it the tutor's own.
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(() => new Set());
  const suggestion = work.suggestion;
  // Cheap to recompute: a few questions, compared each render.
  const marks = (() => {
    if (!suggestion || mode === 'view') return undefined;
    const by =
      suggestion.agent === undefined ? undefined : { agent: suggestion.agent, score: suggestion.score };
    const found = suggestionMarks(suggestion.answers, answers.answers, accepted);
    const out: Record<string, ReactNode> = {};
    for (const [q, mark] of Object.entries(found)) {
      out[q] = (
        <SuggestionMark
          question={iface.questions.find((x) => x.name === q)?.label ?? q}
          mark={mark}
          by={by}
          readOnly={readOnly}
          onAccept={() => setAccepted((s) => new Set(s).add(q))}
          onRestore={() => {
            edit({ ...answers.current(), [q]: suggestion.answers[q] }, q);
            setAccepted((s) => new Set(s).add(q));
          }}
        />
      );
    }
    return out;
  })();

  const digitTarget = useMemo(() => digitQuestion(iface, focused)?.name, [iface, focused]);
  const run = (c: Command) => {
    if (c === 'help') return setDialog('help');
    if (c === 'undo') return answers.undo();
    if (c === 'redo') return answers.redo();
    if (c === 'skip' && canSkip && !readOnly) return setDialog('skip');
    if (c === 'previous') return props.onPrevious?.();
    if (c === 'submit') void submit();
  };
  useHotkeys({
    command: run,
    digit: (n) => {
      const q = iface.questions.find((x) => x.name === digitTarget);
      const pair = q?.type === 'pairwise' ? shownIds(data, q.field, shown?.[q.field]) : undefined;
      const next = q && applyDigit(q, answers.current()[q.name], n, pair);
      if (q && next !== undefined) edit({ ...answers.current(), [q.name]: next }, q.name);
    },
  });

  const status = props.sending === 'queued' ? 'offline' : draft.status;
  const itemName = work.item.externalId ?? `#${work.item.id}`;
  return (
    <div className="annotate">
      <header className="annotate-bar">
        <Link to={`/projects/${project.id}`} className="bar-project">
          ← <Name text={project.name} />
        </Link>
        <span className="muted bar-item">Item {itemName}</span>
        {mode !== 'queue' && (
          <span className="muted bar-mode">
            {mode === 'edit' ? '(editing your submission)' : '(view only)'}
          </span>
        )}
        {mode !== 'view' && <SaveStatus status={status} />}
        {props.progress && (
          <span className="bar-counter" data-testid="progress-counter">
            {props.progress.done.toLocaleString()} done · {props.progress.left.toLocaleString()} left
            <span className="counter-rest"> in this project</span>
          </span>
        )}
        <span className="spacer" />
        <Link to={`/projects/${project.id}/my-work`}>My work</Link>
        {mode !== 'queue' && <Link to={`/projects/${project.id}/annotate`}>Back to my queue</Link>}
        <button
          type="button"
          aria-keyshortcuts="P"
          disabled={!props.onPrevious || props.sending !== 'no'}
          onClick={props.onPrevious}
        >
          Previous <KeyHint>P</KeyHint>
        </button>
        {/* Each button's accessible name holds its visible words in every state (the key hint is
            hidden from assistive technology, which reads aria-keyshortcuts): a name written apart
            from the text drifts from what is shown ("Submitting…"). */}
        {mode !== 'view' && (
          <button
            type="button"
            aria-keyshortcuts="Control+Z"
            disabled={!answers.canUndo || readOnly}
            onClick={answers.undo}
          >
            Undo <KeyHint>Ctrl Z</KeyHint>
          </button>
        )}
        <button
          type="button"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          onClick={() => setDialog('help')}
        >
          Shortcuts <KeyHint>?</KeyHint>
        </button>
        {canSkip && (
          <button
            type="button"
            className="keep-hint"
            aria-keyshortcuts="S"
            disabled={readOnly}
            onClick={() => setDialog('skip')}
          >
            Skip <KeyHint>S</KeyHint>
          </button>
        )}
        {mode !== 'view' && (
          <button
            type="button"
            className="primary"
            aria-keyshortcuts="Enter"
            disabled={readOnly}
            onClick={() => void submit()}
          >
            {props.sending === 'sending' ? 'Submitting…' : 'Submit'} <KeyHint>Enter</KeyHint>
          </button>
        )}
      </header>
      <div className="annotate-notices">
        <WorkAlert error={props.error ?? draft.error} />
        {work.review && (
          <ReviewNotice review={work.review} iface={iface} answers={work.annotation?.answers ?? {}} />
        )}
        {mode === 'queue' &&
          props.onNext &&
          DEAD_ENDS.has((props.error as { code?: string })?.code ?? '') && (
            <button type="button" className="primary" onClick={props.onNext}>
              Open the next item
            </button>
          )}
        {props.sending === 'queued' && (
          <p className="alert" role="status">
            Your submission is kept in this browser and will be sent as soon as the server can be reached.
          </p>
        )}
        {restored.source === 'local' && mode !== 'view' && (
          <p className="muted small">Restored your latest answers from this browser.</p>
        )}
      </div>
      <div className="annotate-body">
        <Guidelines source={project.guidelines} />
        <main id="main" ref={mainRef} className="annotate-main" tabIndex={-1}>
          <h1 className="visually-hidden">Annotate item {itemName}</h1>
          {restored.source === 'suggestion' && (
            <p className="muted small" data-testid="suggestion-notice">
              Answers are filled in from a suggestion: check each one. Enter submits them as they stand.
            </p>
          )}
          <ItemFields iface={iface} data={data} omit={omit} shown={shown} level={2} itemId={work.item.id} />
          <LiveWorkContext value={liveWork}>
            <AnnotationForm
              iface={iface}
              data={data}
              answers={answers.answers}
              shown={shown}
              integrity={integrity}
              onChange={readOnly ? undefined : onFormChange}
              readOnly={readOnly}
              errors={errors}
              digitTarget={digitTarget}
              onFocusQuestion={setFocused}
              marks={marks}
              itemId={work.item.id}
            />
          </LiveWorkContext>
        </main>
      </div>
      <SkipDialog
        open={dialog === 'skip'}
        onCancel={() => setDialog(undefined)}
        onSkip={(reason) => {
          setDialog(undefined);
          void draft.settle().then(() => props.onSkip(reason));
        }}
      />
      <ShortcutsDialog open={dialog === 'help'} onClose={() => setDialog(undefined)} />
    </div>
  );
}
