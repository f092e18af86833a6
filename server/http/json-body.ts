import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH } from '../../core/api/route.ts';
import { AppError } from './errors.ts';

/**
 * The JSON body parser of every non-streamed route. An empty body (a POST with no payload) means
 * "no fields", not a parse error. Nesting deeper than MAX_JSON_DEPTH is refused before parsing:
 * JSON.parse copes with any depth, but JSON.stringify and recursive validation overflow the stack
 * on a few thousand levels, which would answer 500 instead of naming the problem.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    const deep = firstTooDeep(text, MAX_JSON_DEPTH);
    if (deep >= 0) {
      const where = `character ${deep + 1}`;
      return done(
        new AppError(
          'BAD_REQUEST',
          `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels (at ${where}).`,
        ),
        undefined,
      );
    }
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new AppError('BAD_REQUEST', `The body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });
}

/**
 * The index of the first `[` or `{` that opens level `max + 1`, or -1. Brackets inside strings do
 * not count; invalid JSON is left for JSON.parse to describe. Linear, without recursion.
 */
export function firstTooDeep(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = closingQuote(text, i);
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return i;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return -1;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** The index of the quote closing the string opened at `open` (or the end of the text). */
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}
