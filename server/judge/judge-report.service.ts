import type { z } from 'zod';
import type { JudgeReport, JudgeReportAnnotator } from '../../core/api/judge-report.ts';
import { migrateInterface } from '../../core/interface/index.ts';
import { AgreementBuilder } from '../../core/quality/agreement.ts';
import { scoreGoldAnswers } from '../../core/quality/gold-score.ts';
import { type ComparisonMethod, JudgeComparison } from '../../core/quality/judge-comparison.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { projectGoldAnswers } from '../gold/gold.repository.ts';
import { accuracyOf } from '../gold/gold.service.ts';
import { goldSettingsOf } from '../gold/gold-settings.ts';
import { forbidden } from '../http/errors.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { annotatorLabels } from '../quality/metrics.repository.ts';
import { forEachSubmittedItem } from '../quality/submitted-items.ts';

type Row = z.input<typeof JudgeReportAnnotator>;

/**
 * The model judges against the people (docs/quality.md, "The model judge against the experts"):
 * one pass over the project's submitted annotations feeds the agreement builder, which tells the
 * comparison every categorical unit, and scores each answer to a gold item with the gold scorer.
 */
export async function judgeReport(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  { method }: { method: ComparisonMethod },
): Promise<z.input<typeof JudgeReport>> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw forbidden('Only managers and reviewers of the project see the judges report.');
  const { goldItems, annotators } = await measureAnnotators(ctx, project, method);
  return { method, judgeInConsensus: project.judgeInConsensus === 1, goldItems, annotators };
}

/**
 * Every annotator of the project who submitted, model or person, against the people's consensus
 * (a person leave-one-out) and on gold: the judges report's rows, also the roster's agreement. The
 * caller decides who may see them.
 */
export async function measureAnnotators(
  ctx: AppContext,
  project: ProjectRow,
  method: ComparisonMethod,
): Promise<{ goldItems: number; annotators: Row[] }> {
  const projectId = project.id;
  const iface = migrateInterface(JSON.parse(project.interface));
  const [labels, gold] = await Promise.all([
    annotatorLabels(ctx.store.db, projectId),
    projectGoldAnswers(ctx.store.db, projectId),
  ]);
  const models = new Set([...labels.values()].filter((l) => l.model).map((l) => l.label));
  const comparison = new JudgeComparison((annotator) => !models.has(annotator));
  const builder = new AgreementBuilder(iface, comparison);
  const options = goldSettingsOf(project).questions;
  /** Per annotator label: gold items answered, and per question the scores. */
  const scores = new Map<string, { items: number; byQuestion: Map<string, number[]> }>();
  const submitted = new Set<string>();
  await forEachSubmittedItem(ctx.store, projectId, iface, { includeModels: true, labels }, (item) => {
    const { itemId, annotations, data } = item;
    builder.addItem(itemId, annotations, data);
    for (const a of annotations) submitted.add(a.annotator);
    const want = gold.get(itemId);
    if (!want) return;
    for (const a of annotations) {
      const mine = scores.get(a.annotator) ?? { items: 0, byQuestion: new Map<string, number[]>() };
      mine.items++;
      for (const [question, s] of Object.entries(
        scoreGoldAnswers(iface.questions, a.answers, want, options),
      )) {
        if (s.status !== 'scored') continue;
        const list = mine.byQuestion.get(question);
        if (list) list.push(s.score);
        else mine.byQuestion.set(question, [s.score]);
      }
      scores.set(a.annotator, mine);
    }
  });
  const agreement = comparison.result(method);
  const rows: Row[] = [];
  for (const [userId, who] of labels) {
    if (!submitted.has(who.label)) continue; // drafts only
    const vs = agreement[who.label];
    const mine = scores.get(who.label);
    const questions: Record<string, ReturnType<typeof accuracyOf>> = {};
    for (const [question, list] of mine?.byQuestion ?? []) questions[question] = accuracyOf(list);
    rows.push({
      userId,
      annotator: who.label,
      kind: who.model ? 'model' : 'human',
      consensus: vs ?? { overall: { agreed: 0, units: 0, rate: null }, questions: {} },
      gold: {
        items: mine?.items ?? 0,
        overall: accuracyOf([...(mine?.byQuestion.values() ?? [])].flat()),
        questions,
      },
    });
  }
  rows.sort((a, b) =>
    a.kind === b.kind ? a.annotator.localeCompare(b.annotator) : a.kind === 'model' ? -1 : 1,
  );
  return { goldItems: gold.size, annotators: rows };
}
