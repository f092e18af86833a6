import type { FastifyInstance } from 'fastify';
import { firstTooDeep, MAX_JSON_DEPTH } from '../../core/json-depth.ts';
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
