import type { Browser } from 'playwright-core';
import { asSignedIn, type BrowserBenchServer, expectStatus } from './server.ts';
import { longConversation } from './tutoring-data.ts';

const IFACE = {
  fields: [{ name: 'chat', label: 'Conversation', type: 'chat' }],
  questions: [{ name: 'helpful', type: 'choice', options: ['yes', 'no'] }],
};

/**
 * Opening a conversation of `turns` turns and `chars` characters: navigation start → its first
 * turns formatted (maths typeset) and painted, the median of `runs` full navigations with the
 * app's files in the HTTP cache. Then scrolling the conversation's box from top to bottom, 120
 * pixels a frame (7,200 px/s at 60 frames a second, a fast fling): the 95th percentile and the
 * longest interval between frames.
 */
export async function measureOpenChat(
  server: BrowserBenchServer,
  browser: Browser,
  opts: { turns: number; chars: number; runs: number },
): Promise<{ openMs: number; frameP95Ms: number; frameMaxMs: number }> {
  const manager = await server.user('manager', 'Bench Manager');
  const annotator = await server.user('annotator', 'Bench Annotator');
  const data = { chat: longConversation(opts.turns, opts.chars) };
  const projectId = await server.project(manager, IFACE, [annotator], [{ id: 'chat', data }]);
  const next = await server.call(annotator, 'POST', `/api/projects/${projectId}/assignments/next`);
  expectStatus(next, 200, 'claim the conversation');
  return asSignedIn(browser, server, annotator, async (page) => {
    const times: number[] = [];
    for (let r = 0; r < opts.runs; r++) {
      await page.goto(`/projects/${projectId}/annotate`, { waitUntil: 'commit' });
      times.push(
        // No named functions inside: tsx would wrap them in a helper the page does not have.
        await page.evaluate(async () => {
          const deadline = performance.now() + 30_000;
          for (;;) {
            await new Promise((r) => requestAnimationFrame(r));
            if (performance.now() > deadline) throw new Error('the conversation did not show within 30 s');
            if (document.querySelector('.turn[data-formatted] .rich-text:not([aria-busy]) .katex')) break;
          }
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now();
        }),
      );
    }
    const frames = await page.evaluate(async () => {
      const box = document.querySelector<HTMLElement>('.chat-box');
      if (!box) throw new Error('no conversation box');
      const gaps: number[] = [];
      let last = performance.now();
      while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
        box.scrollTop += 120;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
      }
      return gaps.sort((a, b) => a - b);
    });
    return {
      openMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!,
      frameP95Ms: frames[Math.min(frames.length - 1, Math.floor(frames.length * 0.95))] ?? 0,
      frameMaxMs: frames.at(-1) ?? 0,
    };
  });
}
