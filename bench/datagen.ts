import { once } from 'node:events';
import fs from 'node:fs';

const WORDS = (
  'prove that every bounded monotone sequence of real numbers converges and state the theorem used ' +
  'triangle angle bisector meets the opposite side in the ratio of the adjacent sides lemma ' +
  'integral polynomial prime divisor modulo congruence vector space basis dimension kernel image'
).split(' ');

/** A small fixed-seed generator: the same size always gives the same file. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Some 150 characters of words. */
const sentence = (next: () => number): string => words(next, 150);

/**
 * Writes `count` JSONL items of about 200 bytes each:
 * `{"id":"item-123","data":{"text":"…","source":"gen"},"meta":{"n":123}}`.
 */
export async function writeItemsFile(file: string, count: number): Promise<{ bytes: number }> {
  const next = mulberry32(42);
  const out = fs.createWriteStream(file);
  let buffer = '';
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    buffer += `${JSON.stringify({ id: `item-${n}`, data: { text: sentence(next), source: 'gen' }, meta: { n } })}\n`;
    if (buffer.length >= 1 << 20) {
      bytes += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  bytes += buffer.length;
  out.end(buffer);
  await once(out, 'close');
  return { bytes };
}

/** Some `length` characters of words. */
function words(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${text ? ' ' : ''}${WORDS[Math.floor(next() * WORDS.length)]}`;
  return text;
}

/** The interface of the preference export's project: a chat prompt, two candidates, a pairwise question. */
export const preferenceInterface = {
  fields: [
    { name: 'prompt', type: 'chat' },
    { name: 'answers', type: 'responses' },
  ],
  questions: [{ name: 'preference', type: 'pairwise', field: 'answers', prompt: 'prompt', required: true }],
};

/**
 * Writes `count` JSONL items of about 1.2 kB each for `preferenceInterface`: a one-turn prompt of
 * some 150 characters, two candidate answers of some 500 each, and one submitted pairwise answer
 * that prefers one of them (never a tie), so the preference export writes one pair per item.
 */
export async function writePreferenceFile(file: string, count: number): Promise<{ bytes: number }> {
  const next = mulberry32(7);
  const out = fs.createWriteStream(file);
  let buffer = '';
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const line = {
      id: `pair-${n}`,
      data: {
        prompt: [{ role: 'user', content: words(next, 150) }],
        answers: [
          { id: `a${n}`, content: words(next, 500) },
          { id: `b${n}`, content: words(next, 500) },
        ],
      },
      annotations: [
        {
          annotator: 'Bench Tutor',
          answers: { preference: { preferred: n % 2 === 0 ? `a${n}` : `b${n}`, strength: 1 + (n % 3) } },
        },
      ],
    };
    buffer += `${JSON.stringify(line)}\n`;
    if (buffer.length >= 1 << 20) {
      bytes += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  bytes += buffer.length;
  out.end(buffer);
  await once(out, 'close');
  return { bytes };
}
