import type { Db } from '../db/transaction.ts';

/**
 * The export's reads. Each store writes the fixed part of the JSON text itself, quoting strings
 * with its own JSON function (which escapes exactly as JSON.stringify does), so a row reaches
 * JavaScript as two to five values rather than fifteen; format.ts adds the times. The
 * reads bypass Kysely: at a million items, compiling the queries and renaming every row's keys
 * (CamelCasePlugin) cost as much as running them.
 *
 * items (project, after, limit) -> [id, head], ordered by id; the head is the line up to its
 *   annotations: {"id":1,"externalId":"a","data":{…},"meta":{…},"priority":0,"predictions":[…],
 *   "gold":{…},"final":{…},"skills":{…},"annotations":[ (`predictions`: the item's, by agent: agent, score, answers, source;
 *   `gold`: only on a gold item, its gold answers; `final`: only on an adjudicated item, its final answers;
 *   `skills`: only on an item with skills of its own, as its import line gave them)
 * annotations (project, after, last) of items (after, last] -> [itemId, opening, createdAt,
 *   updatedAt, submittedAt], ordered by item id, then id; the opening is the annotation up to
 *   its first time: {"id":7,"annotator":"a@example.org","annotatorKind":"human","userId":3,"status":"submitted",
 *   "answers":{…},"leadTimeMs":1200,"revision":1,"interfaceVersion":1,"shown":{…},"importedBy":null,
 *   "suggestedBy":null,"createdAt": (`interfaceVersion`: the project's interface version the answers were written under;
 *   `shown`: the candidates' order its annotator saw per `responses` field, null if not recorded;
 *   `importedBy`: the email, or name, of the account that imported the annotation; null if it
 *   was not imported, or was imported before importers were recorded; `suggestedBy`: the agent
 *   whose suggestion its annotator was shown, null if none.)
 * skips (project, after, last) of items (after, last] -> [itemId, opening, skippedAt], ordered by
 *   item id, then id, from the partial index of skips (migration 0008): the opening is the skip up
 *   to its time: {"userId":3,"annotator":"a@example.org","reason":"unclear","skippedAt":
 *
 * The other formats (docs/exports.md) read records instead (`rows: 'records'`), the columns as
 * they are, with no text put together: their transformers find what they need in the data.
 *
 * items -> [id, externalId, data]; annotations -> [itemId, id, annotator, status, answers,
 *   submittedAt]; no skips. From the consensus (`consensus`), items also carry their decided
 *   final answers and gold answers, [id, externalId, data, final, gold] (null when none), and
 *   each item read comes with all its submitted annotations, whatever the range or annotator:
 *   those narrow the items, and the consensus takes every answer.
 *
 * The filters (docs/data-model.md, "Export filters") add conditions: on items (`ids`, `complete`,
 * and for `from`/`to`/`annotator` an annotation submitted in the range, by the annotator) and on
 * annotations and skips (submitted, in the range, the annotator's). When the items are narrowed, a page's annotations and skips are read by the page's ids
 * (`page`) instead of (after, last]. Unfiltered, the statements are the ones above, unchanged.
 */

const head = (d: Dialect, s: ExportShape) =>
  `'{"id":' || id || ',"externalId":' || coalesce(${jsonOf(d)('external_id')}, 'null') || ',"data":' || data` +
  ` || ',"meta":' || meta || ',"priority":' || priority || ',"predictions":' || ${s.predictions ? predictionsOf(d) : `'[]'`}` +
  ` || ${goldOf} || ${finalOf} || ${skillsOf}` +
  ` || ',"annotations":['`;

/** A gold item's answers (docs/quality.md) as `,"gold":{…}`; nothing for other items. */
const goldOf = `coalesce((select ',"gold":' || g.answers from gold_items g where g.item_id = items.id), '')`;

/** An item's own required skills (docs/skills.md) as `,"skills":{…}`, as an import line gives them; nothing for others. */
const skillsOf = `coalesce((select ',"skills":' || sp.requirements from skill_profiles sp where sp.id = items.skill_profile_id), '')`;

/** An adjudicated item's final answers (docs/quality.md, "Adjudication") as `,"final":{…}`; nothing for others. */
const finalOf = `coalesce((select ',"final":' || j.answers from adjudications j where j.item_id = items.id and j.decided_at is not null), '')`;

/**
 * SQLite writes a real with a fraction always (`1.0`): a whole score is written as an integer, as
 * JSON.stringify and PostgreSQL write it. (A fraction keeps SQLite's 15 significant digits.)
 */
const sqliteScore = `cast(case when p.score = cast(p.score as integer) and abs(p.score) < 9007199254740992
  then cast(p.score as integer) else p.score end as text)`;

/**
 * The item's predictions (docs/suggestions.md) as a JSON array by agent, written like the rest of
 * the line: the stored answers spliced as they are. One probe of the (item_id, agent) index.
 */
const predictionsOf = (d: Dialect) => {
  const json = jsonOf(d);
  const score = d === 'sqlite' ? sqliteScore : 'to_json(p.score)::text';
  const one = `'{"agent":' || ${json('p.agent')} || ',"score":' || coalesce(${score}, 'null') ||
    ',"answers":' || p.answers || ',"source":' || ${json('p.source')} || '}'`;
  const list =
    d === 'sqlite'
      ? `group_concat(${one}, ',' order by p.agent)`
      : `string_agg(${one}, ',' order by p.agent)`;
  return `(select '[' || coalesce(${list}, '') || ']' from predictions p where p.item_id = items.id)`;
};

const opening = (label: string, importer: string, suggested: string) =>
  `'{"id":' || n.id || ',"annotator":' || ${label} || ',"userId":' || n.user_id || ',"status":"' || n.status` +
  ` || '","answers":' || n.answers || ',"leadTimeMs":' || n.lead_time_ms || ',"revision":' || n.revision` +
  ` || ',"interfaceVersion":' || n.interface_version || ',"shown":' || coalesce(n.shown, 'null')` +
  ` || ',"importedBy":' || coalesce(${importer}, 'null') || ',"suggestedBy":' || coalesce(${suggested}, 'null')` +
  ` || ',"createdAt":'`;

/** The importer's label of an imported annotation: its first revision is the import. */
const importerOf = (json: (text: string) => string) =>
  `(select ${json('coalesce(u.email, u.name)')} from annotation_revisions r join users u on u.id = r.imported_by
    where r.annotation_id = n.id and r.revision = 1)`;

const skipOpening = (json: (text: string) => string) =>
  `'{"userId":' || s.user_id || ',"annotator":' || (select ${json('coalesce(u.email, u.name)')} from users u where u.id = s.user_id)` +
  ` || ',"reason":' || coalesce(${json('s.skip_reason')}, 'null') || ',"skippedAt":'`;

/** Which filters an export applies: each one adds a condition, so each shape is its own statement. */
export interface ExportShape {
  /** What a row carries: the JSONL line's parts, or the columns as they are. */
  rows: 'lines' | 'records';
  submittedOnly: boolean;
  completeOnly: boolean;
  from: boolean;
  to: boolean;
  ids: boolean;
  /** Only one user's annotations and skips, on the items they annotated (`annotator`). */
  annotator: boolean;
  /** Leave out model judges' annotations (docs/judge.md): the training formats, unless asked. */
  humansOnly: boolean;
  /** The project has predictions: each line reads its item's; otherwise every line has `[]`. */
  predictions: boolean;
  /** Records for the consensus (core/exports/agreed.ts): items with their final and gold answers. */
  consensus: boolean;
  /**
   * The project has media fields (`fields`): each page's lines read their media rows (`media`);
   * records read them for the media formats (core/exports/media-answers.ts).
   */
  media: boolean;
}

/**
 * Whether the shape narrows the items (not only their annotations). Then a page's annotations and
 * skips are read by the page's ids (`page`) rather than by its id range, which may span many
 * items the filters left out.
 */
export const narrowsItems = (s: ExportShape): boolean =>
  s.completeOnly || s.from || s.to || s.ids || s.annotator;

/**
 * A statement with its parameters written `{name}`: `:name` on SQLite (bound from an object),
 * `$n` on PostgreSQL, bound from `names` in order.
 */
export interface ExportStatement {
  text: string;
  names: ExportParam[];
}

/** Every parameter any statement takes; lists (`ids`, `page`) as JSON on SQLite, arrays on PostgreSQL. */
export type ExportParam =
  | 'project'
  | 'after'
  | 'last'
  | 'limit'
  | 'overlap'
  | 'from'
  | 'to'
  | 'ids'
  | 'page'
  | 'annotator'
  | 'fields';

type Dialect = 'sqlite' | 'postgres';
const jsonOf = (d: Dialect) => (text: string) =>
  d === 'sqlite' ? `json_quote(${text})` : `to_json(${text})::text`;
const inList = (d: Dialect, column: string, list: ExportParam) =>
  d === 'sqlite'
    ? `${column} in (select value from json_each({${list}}))`
    : `${column} = any({${list}}::bigint[])`;

/**
 * The conditions on annotations: submitted, in the range, and people's only when asked. `all`:
 * the annotations read with an item for the consensus, every submitted one (the range and the
 * annotator chose the item).
 */
function annotationConditions(s: ExportShape, all = false): string {
  let text = s.submittedOnly || s.from || s.to ? ` and n.status = 'submitted'` : '';
  if (s.annotator && !all) text += ' and n.user_id = {annotator}';
  if (s.from && !all) text += ' and n.submitted_at >= {from}';
  if (s.to && !all) text += ' and n.submitted_at < {to}';
  if (s.humansOnly)
    text += ' and n.user_id not in (select id from users where model_connection_id is not null)';
  return text;
}

function itemsText(d: Dialect, s: ExportShape): string {
  let where = 'project_id = {project} and id > {after}';
  if (s.ids) where += ` and ${inList(d, 'id', 'ids')}`;
  // An item's own target (adaptive overlap, docs/quality.md) when it has one.
  if (s.completeOnly) where += ' and submitted_count >= coalesce(target, {overlap})';
  if (s.from || s.to || s.annotator)
    where += ` and exists (select 1 from annotations n where n.project_id = {project} and n.item_id = items.id${annotationConditions(s)})`;
  const columns =
    s.rows === 'lines'
      ? `id, ${head(d, s)}`
      : `id, external_id, data${s.consensus ? `, ${finalAndGold}` : ''}`;
  return `select ${columns} from items where ${where} order by id limit {limit}`;
}

/** An item's decided final answers and gold answers as they are stored (null: none). */
const finalAndGold =
  '(select j.answers from adjudications j where j.item_id = items.id and j.decided_at is not null),' +
  ' (select g.answers from gold_items g where g.item_id = items.id)';

/** The page's items: by id range, or by the page's ids when the items are narrowed. */
const pageItems = (d: Dialect, s: ExportShape, column: string) =>
  narrowsItems(s) ? inList(d, column, 'page') : `${column} > {after} and ${column} <= {last}`;

/**
 * The JSONL line's `annotatorKind` after `annotator`, from the same lookup of the user: `model`
 * for a model judge's account (docs/judge.md), `human` for everyone else.
 */
const KIND = `case when u.model_connection_id is null then ',"annotatorKind":"human"' else ',"annotatorKind":"model"' end`;

function annotationsText(d: Dialect, s: ExportShape): string {
  // PostgreSQL: the label comes from a lateral lookup (LIMIT 1 keeps it one), which it runs as a
  // nested loop, memoized per user, so rows leave in index order as they are read. Joined with
  // users, it hashed the join and sorted the whole page before sending a row.
  const label =
    d === 'sqlite'
      ? `(select json_quote(coalesce(u.email, u.name)) || ${KIND} from users u where u.id = n.user_id)`
      : 'a.label';
  const lateral =
    d === 'sqlite'
      ? ''
      : `
    cross join lateral (
      select ${s.rows === 'records' ? 'coalesce(u.email, u.name)' : `to_json(coalesce(u.email, u.name))::text || ${KIND}`} as label
      from users u where u.id = n.user_id limit 1) a`;
  const columns =
    s.rows === 'records'
      ? `n.item_id, n.id, ${d === 'sqlite' ? '(select coalesce(u.email, u.name) from users u where u.id = n.user_id)' : 'a.label'}, n.status, n.answers, n.submitted_at`
      : `n.item_id, ${opening(label, importerOf(jsonOf(d)), jsonOf(d)('n.suggested_by'))},
      n.created_at, n.updated_at, n.submitted_at`;
  return `select ${columns}
    from annotations n${lateral}
    where n.project_id = {project} and ${pageItems(d, s, 'n.item_id')}${annotationConditions(s, s.consensus)}
    order by n.item_id, n.id`;
}

// A literal status: the planner uses the partial index of skips only then.
const skipsText = (d: Dialect, s: ExportShape) =>
  `select s.item_id, ${skipOpening(jsonOf(d))}, s.updated_at from assignments s
    where s.project_id = {project} and s.status = 'skipped' and ${pageItems(d, s, 's.item_id')}${s.annotator ? ' and s.user_id = {annotator}' : ''}
    order by s.item_id, s.id`;

/**
 * The media rows of the page's items (docs/media.md, "Export lines"): for each media field
 * (`fields`, identifiers, as a list) whose value is `media:<id>`, the project's media row of that
 * id, as [itemId, field, id, type, size, facts…] (server/media/export-media.ts), by item id.
 */
function mediaText(d: Dialect, s: ExportShape): string {
  const [members, field, id] =
    d === 'sqlite'
      ? [
          'json_each(i.data) v',
          'v.key in (select value from json_each({fields}))',
          `case when v.value glob 'media:[0-9]*' then cast(substr(v.value, 7) as integer) end`,
        ]
      : [
          'json_each_text(i.data::json) v',
          'v.key = any({fields}::text[])',
          `case when v.value ~ '^media:[0-9]{1,18}$' then substr(v.value, 7)::bigint end`,
        ];
  return `select i.id, v.key, m.id, m.content_type, m.size, m.duration_seconds, m.sample_rate,
      m.channels, m.frame_rate, m.width, m.height, m.codecs, m.probe_error
    from items i cross join ${members}
    join media m on m.project_id = {project} and m.id = ${id}
    where i.project_id = {project} and ${pageItems(d, s, 'i.id')} and ${field}
    order by i.id`;
}

function statement(d: Dialect, text: string): ExportStatement {
  const names: ExportParam[] = [];
  const bound = text.replace(/\{(\w+)\}/g, (_, name: ExportParam) => {
    if (d === 'sqlite') return `:${name}`;
    let at = names.indexOf(name);
    if (at === -1) at = names.push(name) - 1;
    return `$${at + 1}`;
  });
  return { text: bound, names };
}

/** The statements of an export of this shape on this store (records read no skips). */
export function exportStatements(d: Dialect, s: ExportShape) {
  return {
    items: statement(d, itemsText(d, s)),
    annotations: statement(d, annotationsText(d, s)),
    skips: s.rows === 'records' ? undefined : statement(d, skipsText(d, s)),
    media: s.media ? statement(d, mediaText(d, s)) : undefined,
  };
}
export type ExportStatements = ReturnType<typeof exportStatements>;

/** The ids among `ids` that are not items of the project. */
export async function itemIdsOutside(db: Db, projectId: number, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('items')
    .select('id')
    .where('projectId', '=', projectId)
    .where('id', 'in', ids)
    .execute();
  const inProject = new Set(found.map((r) => Number(r.id)));
  return ids.filter((id) => !inProject.has(id));
}
