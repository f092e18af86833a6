import type { Page } from 'playwright-core';
import { everyKindInterface, mediaKindsInterface } from '../core/interface/testing.ts';
import type { Finding } from './axe.ts';

/**
 * The new-project page in the states a lead passes through: problems shown after a refused
 * submit (with their summary), the template question, the leave question, and a draft restored
 * after a reload with guidelines in its live preview, and the form holding one question of every
 * kind (every field picker, criteria list and option of the tutor's kinds), then the questions
 * over media. `check` runs axe on the page as it is.
 */
export async function builderStates(
  page: Page,
  check: (state: string) => Promise<Finding[]>,
): Promise<Finding[]> {
  const found: Finding[] = [];
  page.on('dialog', (d) => void d.accept()); // the browser's own question on reload
  await page.goto('/projects/new');
  await page.getByRole('heading', { name: 'New project' }).waitFor();
  await page.getByLabel('Guidelines (Markdown)').fill('# Guidelines\n\nMark every **claim**; maths: $x^2$.');
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('region', { name: /problems to fix/ }).waitFor();
  found.push(...(await check('new project, problems shown')));

  await page.getByRole('button', { name: 'Text classification' }).click();
  await page.getByRole('dialog', { name: /Replace your interface/ }).waitFor();
  found.push(...(await check('new project, template question')));
  await page.getByRole('button', { name: 'Keep my work' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('dialog', { name: 'Leave this page?' }).waitFor();
  found.push(...(await check('new project, leave question')));
  await page.getByRole('button', { name: 'Stay on this page' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });

  await page.reload();
  await page.getByText(/^Draft restored/).waitFor();
  await page
    .getByRole('region', { name: 'Guidelines as annotators see them' })
    .locator('.rich-text')
    .waitFor();
  found.push(...(await check('new project, draft restored')));

  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await page.getByLabel('Interface JSON').fill(JSON.stringify(everyKindInterface));
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await page.getByRole('group', { name: /^Criterion 2: cites/ }).waitFor();
  found.push(...(await check('new project, every kind of question')));

  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  await page.getByLabel('Interface JSON').fill(JSON.stringify(mediaKindsInterface));
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await page.getByLabel('Speakers to choose from, one per line').waitFor();
  found.push(...(await check('new project, the questions over media')));
  return found;
}
