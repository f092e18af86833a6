import { useEffect, useMemo, useState } from 'react';
import { parseInterface } from '../../../../core/interface/index.ts';
import { Field } from '../Field.tsx';
import { fromRaw, type InterfaceDraft, toRaw } from './draft.ts';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/**
 * The interface as JSON, for power users. Every edit that parses updates the form; an edit that
 * does not parse leaves the form as it was and says where the JSON breaks, once the person has
 * left the box (problems show after an input is touched, as in the form).
 */
export function JsonEditor({
  draft,
  onChange,
  onUnparsed,
}: {
  draft: InterfaceDraft;
  onChange(d: InterfaceDraft): void;
  /** Told when the text stops or starts parsing (null), so the page does not submit a stale draft. */
  onUnparsed?(problem: string | null): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(toRaw(draft), null, 2));
  // The draft this text shows. A draft changed from elsewhere (a template, a discarded draft)
  // replaces the text; the drafts this box made do not.
  const [source, setSource] = useState(draft);
  if (draft !== source) {
    setSource(draft);
    setText(JSON.stringify(toRaw(draft), null, 2));
  }
  const [touched, setTouched] = useState(false);
  const parsed = useMemo(() => parseJson(text), [text]);
  const problems = useMemo(() => {
    if (!parsed.ok) return [`The JSON does not parse: ${parsed.message}`];
    const checked = parseInterface(parsed.value);
    return checked.ok ? [] : checked.errors.map((e) => e.message);
  }, [parsed]);
  const edit = (next: string) => {
    setText(next);
    const p = parseJson(next);
    if (p.ok) {
      const d = fromRaw(p.value);
      setSource(d);
      onChange(d);
    }
    onUnparsed?.(p.ok ? null : `The JSON does not parse: ${p.message}`);
  };
  // Back in the form, the form (the last JSON that parsed) is what there is.
  useEffect(() => () => onUnparsed?.(null), [onUnparsed]);
  return (
    <Field
      label="Interface JSON"
      errors={touched ? problems : []}
      path=""
      hint="Edits here update the form; switch back to check them there."
    >
      {(c) => (
        <textarea
          {...c}
          className="json-editor"
          rows={Math.min(40, Math.max(12, text.split('\n').length + 1))}
          spellCheck={false}
          value={text}
          onChange={(e) => edit(e.target.value)}
          onBlur={() => setTouched(true)}
        />
      )}
    </Field>
  );
}
