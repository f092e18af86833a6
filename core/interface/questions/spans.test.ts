import { describe, expect, it } from 'vitest';
import { check, interfaceWith } from '../testing.ts';

const question = { name: 'entities', type: 'spans', field: 'text', labels: ['THEOREM', 'DEFINITION'] };
const iface = interfaceWith(question);
const overlapping = interfaceWith({ ...question, allowOverlap: true });
const data = { text: 'A right triangle obeys Pythagoras.' };
const span = (start: number, end: number, label = 'THEOREM') => ({ start, end, label });

describe('spans answers', () => {
  it('accepts valid spans and sorts them by start, end', () => {
    const answer = [span(23, 33), span(2, 16, 'DEFINITION'), span(0, 1)];
    expect(check(iface, { entities: answer }, data)).toEqual({
      value: { entities: [span(0, 1), span(2, 16, 'DEFINITION'), span(23, 33)] },
    });
  });

  it('reports overlap naming both spans, at the later one', () => {
    expect(check(iface, { entities: [span(3, 7), span(5, 9)] }, data)).toEqual({
      messages: ['entities[1]: span 5-9 overlaps span 3-7 and this question does not allow overlap'],
    });
  });

  it('accepts touching spans (end is exclusive)', () => {
    expect(check(iface, { entities: [span(3, 7), span(7, 9)] }, data)).toEqual({
      value: { entities: [span(3, 7), span(7, 9)] },
    });
  });

  it('allows overlap when configured, but never identical duplicates', () => {
    expect(
      check(overlapping, { entities: [span(5, 9), span(3, 7), span(3, 7, 'DEFINITION')] }, data),
    ).toEqual({
      value: { entities: [span(3, 7, 'DEFINITION'), span(3, 7), span(5, 9)] },
    });
    expect(check(overlapping, { entities: [span(3, 7), span(0, 1), span(3, 7)] }, data)).toEqual({
      messages: ['entities[2]: span 3-7 THEOREM appears twice (also entities[0])'],
    });
  });

  it('reports bad offsets, order, labels and properties by path', () => {
    const answer = [
      { start: -1, end: 2.5, label: 'THEOREM' },
      span(9, 9),
      span(30, 99),
      { start: 0, end: 1, label: 'LEMMA', note: 'x' },
    ];
    expect(check(iface, { entities: answer }, data)).toEqual({
      messages: [
        'entities[0].start: expected a code point offset >= 0, got -1',
        'entities[0].end: expected a code point offset >= 0, got 2.5',
        'entities[1]: start 9 must be less than end 9',
        'entities[2].end: 99 is past the end of the text (34 code points)',
        'entities[3].note: unknown property; a span has start, end, label and optional text',
        'entities[3].label: "LEMMA" is not one of the labels THEOREM, DEFINITION',
      ],
    });
  });

  it('refuses a non-array answer and non-object spans', () => {
    expect(check(iface, { entities: {} }, data)).toEqual({
      messages: ['entities: expected an array of spans, got an object'],
    });
    expect(check(iface, { entities: [[1, 2]] }, data)).toEqual({
      messages: ['entities[0]: expected a span {start, end, label}, got an array'],
    });
  });

  it('reports when the item lacks the text field', () => {
    expect(check(iface, { entities: [] }, {})).toEqual({
      messages: ["entities: the item has no text in field 'text'"],
    });
  });
});

describe('spans over non-ASCII text use code point offsets', () => {
  // Code points: 👩‍👩‍👧 = 0-5, ' ' = 5, 🇫🇷 = 6-8, ' ' = 8, 'e\u0301' = 9-11, ' ' = 11, 'سلام' = 12-16
  const text = '👩‍👩‍👧 🇫🇷 e\u0301 سلام';
  const d = { text };

  it('accepts spans covering whole graphemes and checks their text', () => {
    const answer = [
      { ...span(0, 5), text: '👩‍👩‍👧' },
      { ...span(6, 8), text: '🇫🇷' },
      { ...span(9, 11), text: 'e\u0301' },
      { ...span(12, 16), text: 'سلام' },
    ];
    expect(check(overlapping, { entities: answer }, d)).toEqual({
      value: { entities: [span(0, 5), span(6, 8), span(9, 11), span(12, 16)] },
    });
  });

  it('refuses offsets that split a ZWJ sequence, a flag or a combining mark', () => {
    expect(check(overlapping, { entities: [span(0, 2), span(7, 8), span(9, 10)] }, d)).toEqual({
      messages: [
        'entities[0].end: offset 2 splits a character (grapheme cluster)',
        'entities[1].start: offset 7 splits a character (grapheme cluster)',
        'entities[2].end: offset 10 splits a character (grapheme cluster)',
      ],
    });
  });

  it('catches text computed with UTF-16 offsets', () => {
    // UTF-16 offsets of the flag would be 9-13; as code points they cover other characters.
    expect(check(overlapping, { entities: [{ ...span(11, 12), text: '🇫🇷' }] }, d)).toEqual({
      messages: [
        'entities[0].text: "🇫🇷" does not match the covered text " " (offsets count Unicode code points)',
      ],
    });
  });
});
