import {
  Lexer,
  type MarkedExtension,
  type MarkedOptions,
  Tokenizer,
  type TokenizerAndRendererExtension,
} from 'marked';
import { MAX_NESTING, MAX_PARSE_COST } from './limits.ts';

/** Thrown inside marked to abandon a parse that went over a limit; markdown.ts turns it into a value. */
export class OverLimit extends Error {
  constructor(readonly reason: 'too-deep' | 'too-complex') {
    super(reason);
  }
}

/**
 * What marked's steps cost, in nanoseconds on the reference machine (docs/web.md), rounded up from
 * timings of ~1,000 generated texts. Counting steps rather than timing them gives the same text
 * the same answer on every machine and under any load. The estimate is meant to catch what grows
 * faster than a text's length (deep re-reading, searches that restart at every opener); costs that
 * only grow with length are bounded by MAX_RICH_TEXT_CHARS and MAX_ELEMENTS.
 */
export const COST = {
  /** Reading one character of a block or inline run (again for each enclosing quote or list). */
  read: 50,
  /** One position where the lexer tries its block tokenizers, or one nested block run. */
  blockStep: 2_500,
  /** One position where the lexer tries its inline tokenizers, or one nested inline run. */
  inlineStep: 1_000,
  /** One character an emphasis or strikethrough opener reads looking for its closer. */
  closerSearch: 50,
  /** One character of e-mail address a text token or URL reads ahead over, looking for an `@`. */
  emailLookahead: 3,
  /** One character a `[` reads looking for its `]`, when marked masks reference links. */
  bracketSearch: 5,
} as const;

/** One inline run being lexed (a paragraph's text, an emphasis' inside), and where its next `$` is. */
interface InlineRun {
  src: string;
  nextDollar: number;
}

/**
 * How deep marked has recursed and what it has cost so far in this parse. Every nested block (a
 * quote, a list item) goes through the lexer's blockTokens and every nested inline (emphasis,
 * strikethrough, a link's text) through inlineTokens, so `depth` is the text's real nesting, not
 * an estimate from a pre-scan.
 */
class Meter {
  depth = 0;
  cost = 0;
  readonly runs: InlineRun[] = [];
  spend(ns: number): void {
    this.cost += ns;
    if (this.cost > MAX_PARSE_COST) throw new OverLimit('too-complex');
  }
  /** Runs one level deeper, over a run of `chars` characters, at the cost of one `step`. */
  nested<R>(step: number, chars: number, f: () => R): R {
    // The outermost call of each phase (blocks, then inlines) is level 0.
    if (this.depth > MAX_NESTING) throw new OverLimit('too-deep');
    this.spend(step + chars * COST.read);
    this.depth += 1;
    try {
      return f();
    } finally {
      this.depth -= 1;
    }
  }
}

/** The meter of the parse in progress (marked's tokenizer overrides cannot be handed one). */
let meter = new Meter();

/** Runs `parse` with a fresh meter. */
export function metered<R>(parse: () => R): R {
  meter = new Meter();
  return parse();
}

/**
 * The index of the first `$` in `src`, the rest of the inline run being lexed. marked asks before
 * every text token; searching afresh each time costs the square of a paragraph's length, so the
 * answer is kept per run and searched for again only once the lexer has passed it.
 */
export function nextDollar(src: string): number | undefined {
  const run = meter.runs.at(-1);
  if (!run || src.length > run.src.length) {
    const at = src.indexOf('$');
    return at >= 0 ? at : undefined;
  }
  const offset = run.src.length - src.length;
  if (run.nextDollar >= 0 && run.nextDollar < offset) run.nextDollar = run.src.indexOf('$', offset);
  return run.nextDollar >= 0 ? run.nextDollar - offset : undefined;
}

/**
 * Before lexing an inline run, marked masks its reference links (in every run, once emStrong is
 * overridden as below): from every `[` a search reads on to a closing `]`, up to about 1,000
 * characters, so `\[\[\[…` is slow. This is the sum of the distances from each `[` to the next
 * `]`, at most 1,000 each.
 */
function bracketSearch(s: string): number {
  if (!s.includes('[')) return 0;
  let chars = 0;
  let close = s.length;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 93) close = i;
    else if (c === 91) chars += Math.min(close - i, 1_000);
  }
  return chars;
}

function meteredLex<P = string, R = string>(src: string, options?: MarkedOptions<P, R>) {
  const lexer = new Lexer<P, R>(options);
  const blockTokens = lexer.blockTokens.bind(lexer);
  const inlineTokens = lexer.inlineTokens.bind(lexer);
  lexer.blockTokens = ((s: string, ...rest: [never, never]) =>
    meter.nested(COST.blockStep, s.length, () => blockTokens(s, ...rest))) as typeof lexer.blockTokens;
  lexer.inlineTokens = (s, tokens) =>
    meter.nested(COST.inlineStep, s.length, () => {
      meter.spend(bracketSearch(s) * COST.bracketSearch);
      meter.runs.push({ src: s, nextDollar: s.indexOf('$') });
      try {
        return inlineTokens(s, tokens);
      } finally {
        meter.runs.pop();
      }
    });
  return lexer.lex(src);
}

/**
 * Counts the lexer's positions: marked tries extensions first at every position, and these come
 * first among them (registered last), and never match.
 */
const stepCounters: TokenizerAndRendererExtension[] = [
  { name: 'meterBlockSteps', level: 'block', tokenizer: () => void meter.spend(COST.blockStep) },
  { name: 'meterInlineSteps', level: 'inline', tokenizer: () => void meter.spend(COST.inlineStep) },
];

/** The characters of an e-mail address: marked's text and URL rules read a run of them looking for an `@`. */
const EMAIL_RUN = /^[\w.!#$%&'*+/=?`{|}~-]*/;

/**
 * marked's own steps that read ahead, charged what they read:
 * - an emphasis or strikethrough opener searches the rest of its paragraph for a closer; one that
 *   finds none has read all of it, so a paragraph of unmatched openers (`_a_b _a_b …`) costs the
 *   square of its length. Charged: the token when one is found, else the rest of the paragraph
 *   whenever marked's own opener test passed (as in Tokenizer.emStrong: an intraword `_` is
 *   refused before any search, and costs nothing);
 * - each text token looks ahead over the e-mail characters after it for an `@`, so a long run of
 *   them cut into many tokens (`a*a*a*…`) costs the square of its length.
 */
export const meteredParsing: MarkedExtension = {
  extensions: stepCounters,
  hooks: { provideLexer: () => meteredLex },
  tokenizer: {
    emStrong(src, maskedSrc, prevChar = '') {
      const token = Tokenizer.prototype.emStrong.call(this, src, maskedSrc, prevChar);
      if (token) meter.spend(token.raw.length * COST.closerSearch);
      else {
        const open = this.rules.inline.emStrongLDelim.exec(src);
        const searched =
          open?.slice(1, 5).some(Boolean) &&
          !(open[4] && prevChar.match(this.rules.other.unicodeAlphaNumeric));
        if (searched) meter.spend(src.length * COST.closerSearch);
      }
      return token;
    },
    del(src, maskedSrc, prevChar) {
      const token = Tokenizer.prototype.del.call(this, src, maskedSrc, prevChar);
      if (token) meter.spend(token.raw.length * COST.closerSearch);
      else if (src.startsWith('~') && this.rules.inline.delLDelim.exec(src))
        meter.spend(src.length * COST.closerSearch);
      return token;
    },
    inlineText(src) {
      meter.spend((EMAIL_RUN.exec(src)?.[0].length ?? 0) * COST.emailLookahead);
      return Tokenizer.prototype.inlineText.call(this, src);
    },
  },
};
