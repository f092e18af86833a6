import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { promptText } from './conversation.ts';
import { ItemView, messagesOf } from './item-view.ts';
import { elementRanges, memberRange, parseAt, scanObject, whole } from './raw-json.ts';
import { tutorInterface } from './testing.ts';

/** JSON text of a value as JSON.stringify writes it, compact or indented (spaces and line breaks). */
const texts = (value: unknown) => [
  JSON.stringify(value),
  JSON.stringify(value, null, 2),
  JSON.stringify(value, null, '\t'),
];

describe('raw-json', () => {
  it('finds every member of an object, whatever its spacing, as JSON.parse reads it', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        for (const text of texts(object)) {
          // The text's own reading is the reference (-0 is written 0).
          const parsed = JSON.parse(text) as Record<string, unknown>;
          expect(scanObject(text, 0)).toBe(Object.keys(parsed).length);
          for (const [key, value] of Object.entries(parsed))
            expect(parseAt(text, memberRange(text, whole(text), key)!)).toEqual(value);
          expect(memberRange(text, whole(text), '\u0000absent')).toBeUndefined();
        }
      }),
    );
  });

  it('finds the elements of an array', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (array) => {
        for (const text of texts(array))
          expect(elementRanges(text, whole(text))!.map((r) => parseAt(text, r))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('reads a key written with escapes as the key it is', () => {
    const text = '{"\\u0061b": 1, "c\\"d": [2]}';
    expect(parseAt(text, memberRange(text, whole(text), 'ab')!)).toBe(1);
    expect(parseAt(text, memberRange(text, whole(text), 'c"d')!)).toEqual([2]);
  });

  it('answers undefined rather than guess at what is not an object or an array', () => {
    expect(scanObject('[1]', 0)).toBe(-1);
    expect(memberRange('"text"', [0, 6], 'a')).toBeUndefined();
    expect(elementRanges('{"a":1}', [0, 7])).toBeUndefined();
  });
});

describe('ItemView over the data text', () => {
  const turn = fc.record({
    role: fc.constantFrom('system' as const, 'user' as const, 'assistant' as const),
    content: fc.string(),
  });
  const candidate = fc.record({ id: fc.string({ minLength: 1 }), content: fc.string() });

  it('gives the prompt and the candidates JSON.parse would give, for any data and spacing', () => {
    fc.assert(
      fc.property(
        fc.array(turn, { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(candidate, { selector: (c) => c.id, minLength: 2, maxLength: 4 }),
        (conversation, four) => {
          const data = { conversation, four, essay: 'x' };
          const question = { field: 'four' };
          const messages = messagesOf(conversation);
          for (const text of texts(data)) {
            const view = new ItemView(tutorInterface, {
              id: 1,
              externalId: null,
              dataJson: text,
              annotations: [],
            });
            const asText = view.promptJson(question, 'text');
            const asMessages = view.promptJson(question, 'messages');
            if (messages === undefined) {
              expect([asText, asMessages]).toEqual([undefined, undefined]);
            } else {
              expect(JSON.parse(asText!)).toBe(promptText(messages));
              expect(JSON.parse(asMessages!)).toEqual(messages);
              // Copied from indented text or not, the JSON is one line.
              expect(`${asText}${asMessages}`).not.toMatch(/[\r\n]/);
            }
            const byId = view.candidates('four');
            expect([...byId.keys()]).toEqual(four.map((c) => c.id));
            for (const c of four) {
              expect(JSON.parse(byId.get(c.id)!.contentJson)).toBe(c.content);
              expect(byId.get(c.id)!.content).toBe(c.content);
            }
          }
        },
      ),
    );
  });
});
