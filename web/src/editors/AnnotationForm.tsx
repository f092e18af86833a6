import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import type {
  InterfaceDefinition,
  LiveAnswer,
  RankingAnswer,
  RewriteAnswer,
  RubricAnswer,
  SegmentAnswer,
  SpanAnswer,
  StepsAnswer,
} from '../../../core/interface/index.ts';
import { shownCandidates } from './candidates.ts';
import { ChoiceEditor } from './choice/ChoiceEditor.tsx';
import { optionsOf } from './keymap.ts';
import { LiveEditor } from './live/LiveEditor.tsx';
import { MultiChoiceEditor } from './multi-choice/MultiChoiceEditor.tsx';
import { NumberEditor } from './number/NumberEditor.tsx';
import { PairwiseEditor } from './pairwise/PairwiseEditor.tsx';
import type { PairwiseDraft } from './pairwise/scale.ts';
import { descIdOf, Question, type QuestionDef } from './Question.tsx';
import { RankingChunk } from './ranking/RankingChunk.tsx';
import { RatingEditor } from './rating/RatingEditor.tsx';
import { RewriteEditor } from './rewrite/RewriteEditor.tsx';
import { RubricEditor } from './rubric/RubricEditor.tsx';
import { SegmentsEditor } from './segments/SegmentsEditor.tsx';
import { SpansEditor } from './spans/SpansEditor.tsx';
import { StepsEditor } from './steps/StepsEditor.tsx';
import { TextEditor } from './text/TextEditor.tsx';
import type { TurnsAnswer } from './turns/marks.ts';
import { TurnsEditor } from './turns/TurnsEditor.tsx';
import { IntegritySignalsContext, type IntegritySink } from './useIntegritySignals.ts';
import { videoClipsOf } from './video/clips.ts';
import { VideoClips } from './video/VideoClips.tsx';
import { VideoQuestion, videoQuestionOf } from './video/VideoQuestion.tsx';
import './editors.css';

export interface AnnotationFormProps {
  iface: InterfaceDefinition;
  data: Record<string, unknown>;
  answers: Record<string, unknown>;
  onChange?: (answers: Record<string, unknown>) => void;
  readOnly?: boolean;
  /** Messages per question name, shown under it (from validateAnswers). */
  errors?: Readonly<Record<string, readonly string[]>>;
  /** The question digit keys answer; its options show their digits. */
  digitTarget?: string;
  /** Called with the question name when focus enters a question. */
  onFocusQuestion?: (name: string) => void;
  /**
   * Per `responses` field, its candidate ids in the order to show them (first = "A"): the order the
   * server chose for this annotator (Work.shown, Annotation.shown). Absent: the item's order.
   */
  shown?: Record<string, string[]> | undefined;
  /** Where written answers report their integrity signals (useIntegritySignals); absent: not measured. */
  integrity?: IntegritySink | undefined;
  /** Per question name, what to show under its legend (the work view's suggestion marks). */
  marks?: Readonly<Record<string, ReactNode>> | undefined;
  /** The item's id, which its media fields are served by; without it (a preview) none plays. */
  itemId?: number | undefined;
}

/**
 * The questions of an interface, editable or read-only (an annotator's answers side by side, the
 * interface builder's live preview). Each question type is its own editor; a spans question shows
 * the raw text of its field, and beside it the rendering when the field is Markdown.
 */
export function AnnotationForm(props: AnnotationFormProps) {
  const readOnly = props.readOnly ?? !props.onChange;
  const formRef = useRef<HTMLDivElement>(null);
  const onFocusQuestion = useRef(props.onFocusQuestion);
  onFocusQuestion.current = props.onFocusQuestion;
  useEffect(() => {
    const el = formRef.current;
    const onFocusIn = (e: FocusEvent) => {
      const name = (e.target as HTMLElement).closest<HTMLElement>('[data-question]')?.dataset.question;
      if (name) onFocusQuestion.current?.(name);
    };
    el?.addEventListener('focusin', onFocusIn);
    return () => el?.removeEventListener('focusin', onFocusIn);
  }, []);
  // One clip (clock and picture) per video field, shared by the questions over it (editors/video/).
  const clips = useMemo(() => videoClipsOf(props.iface), [props.iface]);
  const set = (name: string, value: unknown) => {
    const next = { ...props.answers };
    if (value === null || value === undefined) delete next[name];
    else next[name] = value;
    props.onChange?.(next);
  };
  return (
    <IntegritySignalsContext value={readOnly ? undefined : props.integrity}>
      <div className={`annotation-form${readOnly ? ' readonly' : ''}`} ref={formRef}>
        <VideoClips itemId={props.itemId} clips={clips}>
          {props.iface.questions.map((q) => {
            const digits = !readOnly && props.digitTarget === q.name;
            const errors = props.errors?.[q.name];
            return (
              <Question
                key={q.name}
                q={q}
                errors={errors}
                active={digits}
                hint={digits ? <span className="muted small digit-hint"> · {digitHint(q)}</span> : undefined}
                mark={props.marks?.[q.name]}
              >
                {editorFor(q, props.answers[q.name], (v) => set(q.name, v), readOnly, digits, props)}
              </Question>
            );
          })}
        </VideoClips>
      </div>
    </IntegritySignalsContext>
  );
}

function editorFor(
  q: QuestionDef,
  value: unknown,
  onChange: (v: unknown) => void,
  readOnly: boolean,
  digits: boolean,
  { iface, data, shown, itemId }: Pick<AnnotationFormProps, 'iface' | 'data' | 'shown' | 'itemId'>,
) {
  const common = { onChange, readOnly, digits, describedBy: descIdOf(q.name) };
  // Questions over a video field play its shared clip, each in its player (editors/video/).
  const video = videoQuestionOf(q, iface);
  if (video) return <VideoQuestion {...video} itemId={itemId} value={value} {...common} />;
  const object = <T,>() => (value !== null && typeof value === 'object' ? (value as T) : undefined);
  switch (q.type) {
    case 'choice':
      return <ChoiceEditor q={q} value={typeof value === 'string' ? value : undefined} {...common} />;
    case 'multi_choice':
      return (
        <MultiChoiceEditor q={q} value={Array.isArray(value) ? (value as string[]) : undefined} {...common} />
      );
    case 'rating':
      return <RatingEditor q={q} value={typeof value === 'number' ? value : undefined} {...common} />;
    case 'number':
      return <NumberEditor q={q} value={typeof value === 'number' ? value : undefined} {...common} />;
    case 'text':
      return <TextEditor q={q} value={typeof value === 'string' ? value : undefined} {...common} />;
    case 'spans': {
      const text = data[q.field];
      const field = iface.fields.find((f) => f.name === q.field);
      return (
        <SpansEditor
          q={q}
          text={typeof text === 'string' ? text : ''}
          markdown={field?.type === 'text' && field.format === 'markdown'}
          fieldLabel={field?.label ?? q.field}
          value={Array.isArray(value) ? (value as SpanAnswer[]) : undefined}
          {...common}
        />
      );
    }
    case 'pairwise': {
      const candidates = shownCandidates(data, q.field, shown?.[q.field]);
      return <PairwiseEditor q={q} value={value as PairwiseDraft} candidates={candidates} {...common} />;
    }
    case 'ranking': {
      const candidates = shownCandidates(data, q.field, shown?.[q.field]);
      return <RankingChunk q={q} value={value as RankingAnswer} candidates={candidates} {...common} />;
    }
    case 'rubric':
      return (
        <RubricEditor q={q} value={object<RubricAnswer>()} data={data} shown={shown?.[q.field]} {...common} />
      );
    case 'steps':
      return (
        <StepsEditor q={q} value={object<StepsAnswer>()} data={data} shown={shown?.[q.field]} {...common} />
      );
    case 'rewrite': {
      const order = q.field === undefined ? undefined : shown?.[q.field];
      return <RewriteEditor q={q} value={object<RewriteAnswer>()} data={data} shown={order} {...common} />;
    }
    case 'turns':
      return <TurnsEditor q={q} value={object<TurnsAnswer>()} data={data} {...common} />;
    case 'live':
      return <LiveEditor q={q} value={object<LiveAnswer>()} data={data} {...common} />;
    case 'segments': {
      const field = iface.fields.find((f) => f.name === q.field);
      // Segments of a video are the video editor's (editors/video/).
      if (field?.type !== 'audio') return undefined;
      return (
        <SegmentsEditor
          q={q}
          value={Array.isArray(value) ? (value as SegmentAnswer[]) : undefined}
          itemId={itemId}
          fieldLabel={field.label ?? field.name}
          {...common}
        />
      );
    }
  }
}

/**
 * Fields a question shows itself, to leave out of ItemFields: a spans question's (raw, for exact
 * offsets), a live question's (the start of its conversation), the recording of a segments
 * question over audio (its player draws the regions) and a video question's video (its player).
 */
export function questionFields(iface: InterfaceDefinition): string[] {
  const audio = (name: string) => iface.fields.some((f) => f.name === name && f.type === 'audio');
  return iface.questions.flatMap((q) =>
    q.type === 'spans' || videoQuestionOf(q, iface)
      ? [(q as { field: string }).field]
      : q.type === 'live' && q.field !== undefined
        ? [q.field]
        : q.type === 'segments' && audio(q.field)
          ? [q.field]
          : [],
  );
}

/** The digits that answer a question: as many as it has options, nine at most. */
function digitHint(q: QuestionDef): string {
  const n = Math.min(9, optionsOf(q).length);
  return n <= 1 ? 'key 1' : `keys 1–${n}`;
}
