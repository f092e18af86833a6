import { visibleName } from '../../../core/names.ts';

/**
 * A name someone typed (a user, an annotator, a project), shown safely: isolated from the text
 * around it (`<bdi>`), so a right-to-left name or a stored bidi override cannot reorder what
 * follows; with any invisible or direction-changing character written out as its code point
 * (`[U+202E]`); and no wider than its container allows (an ellipsis, the whole name in the
 * tooltip). Every name in the app goes through this.
 */
export function Name({ text, wide = false }: { text: string; wide?: boolean }) {
  const shown = visibleName(text);
  return (
    <bdi className={wide ? 'name name-wide' : 'name'} title={shown}>
      {shown}
    </bdi>
  );
}
