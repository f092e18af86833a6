import type { Browser, Page } from 'playwright-core';
import { asSignedIn, type BrowserBenchServer, expectStatus } from './server.ts';

const LABELS = ['PERSON', 'PLACE', 'THING'];
const IFACE = {
  fields: [{ name: 'text', type: 'text' }],
  questions: [{ name: 'entities', type: 'spans', field: 'text', labels: LABELS }],
};
const WORDS = (
  'the river crossed a quiet valley where farmers grew barley and oats while merchants from the ' +
  'coast traded salt copper and wool for grain in a market that opened every seventh day'
).split(' ');

/** About `chars` characters of ASCII prose in paragraphs, the same every time. */
export function longText(chars: number): string {
  let text = '';
  let i = 0;
  while (text.length < chars) {
    const word = WORDS[(i * 7 + (i >> 3)) % WORDS.length]!;
    text += i > 0 && i % 120 === 0 ? `.\n\n${word}` : `${i > 0 ? ' ' : ''}${word}`;
    i += 1;
  }
  return text.slice(0, chars);
}

/** `count` spans spread evenly over a text of `chars` code points, none overlapping. */
export function evenSpans(chars: number, count: number): { start: number; end: number; label: string }[] {
  const step = Math.floor(chars / count);
  return Array.from({ length: count }, (_, k) => ({
    start: k * step,
    end: k * step + Math.max(1, Math.min(8, step - 1)),
    label: LABELS[k % LABELS.length]!,
  }));
}

/**
 * A project whose one item has `data`, claimed by an annotator whose draft (saved through the
 * API) gives question `question` `spans` spans spread over `chars` code points, and that
 * annotator signed in on a page in a 1280×800 window. `use` runs with the page; the window is
 * closed after it.
 */
export async function withSpansDraft<T>(
  server: BrowserBenchServer,
  browser: Browser,
  item: { iface: unknown; data: Record<string, string>; question: string; chars: number; spans: number },
  use: (page: Page, projectId: number) => Promise<T>,
): Promise<T> {
  const manager = await server.user('manager', 'Bench Manager');
  const annotator = await server.user('annotator', 'Bench Annotator');
  const projectId = await server.project(manager, item.iface, [annotator], [{ id: 'long', data: item.data }]);
  const next = await server.call(annotator, 'POST', `/api/projects/${projectId}/assignments/next`);
  expectStatus(next, 200, 'claim the long item');
  const draft = await server.call(annotator, 'PUT', `/api/assignments/${next.body.assignment.id}/draft`, {
    answers: { [item.question]: evenSpans(item.chars, item.spans) },
    activeMs: 0,
  });
  expectStatus(draft, 200, 'save the spans as a draft');

  return asSignedIn(browser, server, annotator, async (page) => {
    return await use(page, projectId);
  });
}

/**
 * Navigation start → the span text and the visible chips on screen, for one item of `chars`
 * characters whose draft (saved through the API first) holds `spans` spans. The median of `runs`
 * opens of the same assignment, each a full navigation with the app's files in the HTTP cache.
 */
export function measureOpenLong(
  server: BrowserBenchServer,
  browser: Browser,
  chars: number,
  spans: number,
  runs: number,
): Promise<number> {
  const item = { iface: IFACE, data: { text: longText(chars) }, question: 'entities', chars, spans };
  return withSpansDraft(server, browser, item, async (page, projectId) => {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      await page.goto(`/projects/${projectId}/annotate`, { waitUntil: 'commit' });
      times.push(await renderedAt(page, spans));
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  });
}

/**
 * Milliseconds since navigation start at the first frame painted after the span text shows its
 * marked spans and the chip list shows its window of chips for all `spans`.
 */
function renderedAt(page: Page, spans: number): Promise<number> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async (n) => {
    const deadline = performance.now() + 30_000;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (performance.now() > deadline) throw new Error('the long item did not show its spans within 30 s');
      const text = document.querySelector('[data-testid="span-text"]');
      const list = document.querySelector(`.span-list ul[aria-label$="(${n})"]`);
      if (text?.querySelector('.seg:not(.placeholder) .marked') && list?.querySelector('.span-chip')) break;
    }
    // The frame after the one that rendered them: they have been laid out and painted.
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now();
  }, spans);
}
