import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../../e2e/chromium.ts';
import { chromiumPage } from './chromium-page.ts';

/** RenderBoundary in real React and Chromium, around a child that throws while rendering. */
describe.skipIf(!chromiumPresent())('a text whose rendering throws', () => {
  const chromium = chromiumPage('./boundary.fixture.tsx', 'Boundary', (page) =>
    page.evaluate(() =>
      (window as unknown as { Boundary: { mount(e: HTMLElement): void } }).Boundary.mount(
        document.getElementById('out')!,
      ),
    ),
  );

  it('is shown as typed, as text, under a notice, and the rest of the page keeps working', async () => {
    const page = chromium.page();
    const broken = page.getByRole('region', { name: 'Broken' });
    await expect
      .poll(() => broken.getByRole('note').textContent())
      .toBe('This text could not be formatted; shown as typed.');
    expect(await broken.locator('.as-typed-text').textContent()).toBe('A <b>field</b> with *Markdown*');
    expect(await broken.locator('b').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Other' }).textContent()).toBe('The other field');
    await page.getByRole('button', { name: 'Clicked 0' }).click();
    await page.getByRole('button', { name: 'Clicked 1' }).waitFor();
  });

  it('is tried again when the text changes (the next item)', async () => {
    const page = chromium.page();
    await page.getByRole('button', { name: 'Next item' }).click();
    const broken = page.getByRole('region', { name: 'Broken' });
    await expect.poll(() => broken.textContent()).toBe('fine now');
    expect(await broken.getByRole('note').count()).toBe(0);
  });
});
