import {
  type ClipboardEvent,
  type CompositionEvent,
  createContext,
  type DragEvent,
  type FormEvent,
  useContext,
  useEffect,
  useMemo,
  useRef,
} from 'react';
import { createIntegrityMeter, type SignalsDelta, typedText } from './integrity-meter.ts';

/** Where the measurements of a form's answers go: the annotation view's signals store. */
export interface IntegritySink {
  add(question: string, delta: SignalsDelta): void;
}

/** Provided by AnnotationForm when its answers are being written; absent when read-only. */
export const IntegritySignalsContext = createContext<IntegritySink | undefined>(undefined);

/**
 * Measures the integrity signals of one written answer (a text question's box, a rewrite's text
 * area): characters pasted (the clipboard text's length), characters typed, active typing time
 * (gaps between keystrokes, pauses over 5 s left out) and focus changes (the window blurred or
 * hidden while the box had the focus). Spread `handlers` on the box:
 *
 *   const { handlers } = useIntegritySignals(q.name);
 *   return <textarea value={…} onChange={…} {...handlers} />;
 *
 * Each measurement goes to the form's IntegritySignalsContext at once; the annotation view keeps
 * them (in this browser's storage, so a reload loses nothing) and sends what has gathered with the
 * next draft save or with the submit, once (web/src/work/signals-store.ts). The server sums them
 * and flags answers mostly pasted or typed implausibly fast for reviewers. Outside an editable
 * form (read-only columns, the builder's preview) `handlers` is empty and nothing is measured.
 */
export function useIntegritySignals(question: string) {
  const sink = useContext(IntegritySignalsContext);
  const meter = useMemo(() => createIntegrityMeter(() => performance.now()), []);
  const box = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!sink) return;
    const report = (d: SignalsDelta | undefined) => d && sink.add(question, d);
    const left = () => {
      if (box.current && document.activeElement === box.current) report(meter.left());
    };
    const back = () => meter.returned();
    const visibility = () => (document.visibilityState === 'hidden' ? left() : back());
    window.addEventListener('blur', left);
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('blur', left);
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [sink, meter, question]);

  const handlers = useMemo(() => {
    if (!sink) return {};
    const report = (d: SignalsDelta | undefined) => d && sink.add(question, d);
    return {
      ref: (el: HTMLElement | null) => {
        box.current = el;
      },
      onInput: (e: FormEvent<HTMLElement>) => {
        const native = e.nativeEvent as Partial<InputEvent>;
        report(meter.typed(typedText(native.inputType ?? '', native.data ?? null)));
      },
      onCompositionEnd: (e: CompositionEvent<HTMLElement>) => report(meter.typed(e.data)),
      onPaste: (e: ClipboardEvent<HTMLElement>) =>
        report(meter.pasted(e.clipboardData.getData('text/plain'))),
      onDrop: (e: DragEvent<HTMLElement>) => report(meter.pasted(e.dataTransfer.getData('text/plain'))),
    };
  }, [sink, meter, question]);

  return { handlers };
}
