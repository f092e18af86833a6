import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read from the installed package (a devDependency, pinned). */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Where a check ran: the screen, the theme and the state it was in. */
export interface Where {
  page: string;
  theme: 'light' | 'dark';
  state?: string;
}

/** One element that breaks one rule, as a line a person can act on. */
export interface Finding extends Where {
  rule: string;
  impact: string;
  target: string;
  help: string;
}

/**
 * Runs every axe-core rule (WCAG 2.0/2.1/2.2 A and AA and axe's best practices, not the
 * experimental ones) on the page as it is now and returns each violation of any impact, one per
 * element. The app's CSP allows only its own scripts, so axe is evaluated through the DevTools
 * protocol (as a test's own code is), not added as a script tag; the page itself is not changed.
 */
export async function checkPage(page: Page, where: Where): Promise<Finding[]> {
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(`${AXE_SOURCE}\n;typeof window.axe === 'object'`);
  if (loaded !== true) throw new Error('axe-core did not load in the page');
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; impact: string | null }[];
      }[];
    };
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        impact: n.impact ?? v.impact ?? 'unknown',
        target: n.target.map(String).join(' '),
        help: v.help,
      })),
    );
  })) as Omit<Finding, keyof Where>[];
  return [...violations, ...(await labelsNotInNames(page))].map((v) => ({ ...v, ...where }));
}

/**
 * Our own, deterministic form of axe's `label-content-name-mismatch` (which applies only to an
 * element with an aria-label, and drops text it takes for an icon font, so it comes and goes with
 * font loading): every button, link, tab and option on screen must have its visible words, in
 * order, in its accessible name (as axe computes it). A key hint (`.key-hint`, hidden from
 * assistive technology, which reads aria-keyshortcuts instead) is not part of the label.
 */
async function labelsNotInNames(page: Page): Promise<Omit<Finding, keyof Where>[]> {
  return page.evaluate(() => {
    type Axe = {
      setup(node: Node): unknown;
      teardown(): void;
      commons: { text: { accessibleText(el: Element): string } };
      utils: { getSelector(el: Element): string };
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const visibleWords = (el: Element): string[] => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const hint of Array.from(copy.querySelectorAll('.key-hint, .visually-hidden, [hidden]')))
        hint.remove();
      return words(copy.textContent ?? '');
    };
    const contains = (name: string[], label: string[]) =>
      name.some((_, i) => label.every((w, j) => name[i + j] === w));
    const selector = 'button, a[href], [role="button"], [role="link"], [role="tab"], [role="option"]';
    const modal = document.querySelector('dialog:modal, [aria-modal="true"]');
    axe.setup(document);
    try {
      return (
        Array.from(document.querySelectorAll(selector))
          .filter((el) => (el as HTMLElement).getClientRects().length > 0)
          // What a modal dialog, inert or aria-hidden keeps from assistive technology has no name.
          .filter((el) => !el.closest('[inert], [aria-hidden="true"]') && (!modal || modal.contains(el)))
          .flatMap((el) => {
            const label = visibleWords(el);
            const name = words(axe.commons.text.accessibleText(el));
            if (label.length === 0 || contains(name, label)) return [];
            return [
              {
                rule: 'label-in-name',
                impact: 'serious',
                target: axe.utils.getSelector(el),
                help: `the accessible name "${name.join(' ')}" lacks the visible "${label.join(' ')}"`,
              },
            ];
          })
      );
    } finally {
      axe.teardown();
    }
  });
}

/** The findings as lines: rule (impact) at target on page, theme, state: help. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.rule} (${f.impact}) at ${f.target} on ${f.page}, ${f.theme}${f.state ? `, ${f.state}` : ''}: ${f.help}`,
    )
    .join('\n');
}
