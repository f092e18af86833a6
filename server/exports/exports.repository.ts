/**
 * The export's reads. Each store writes the fixed part of the JSON text itself, quoting strings
 * with its own JSON function (which escapes exactly as JSON.stringify does), so a row reaches
 * JavaScript as two to five values rather than fifteen; format.ts adds the times. The
 * reads bypass Kysely: at a million items, compiling the queries and renaming every row's keys
 * (CamelCasePlugin) cost as much as running them.
 *
 * items (project, after, limit) -> [id, head], ordered by id; the head is the line up to its
 *   annotations: {"id":1,"externalId":"a","data":{…},"meta":{…},"priority":0,"annotations":[
 * annotations (project, after, last) of items (after, last] -> [itemId, opening, createdAt,
 *   updatedAt, submittedAt], ordered by item id, then id; the opening is the annotation up to
 *   its first time: {"id":7,"annotator":"a@example.org","userId":3,"status":"submitted",
 *   "answers":{…},"leadTimeMs":1200,"revision":1,"interfaceVersion":1,"importedBy":null,"createdAt":
 *   (`interfaceVersion`: the project's interface version the answers were written under;
 *   `importedBy`: the email, or name, of the account that imported the annotation; null if it
 *   was not imported, or was imported before importers were recorded.)
 * skips (project, after, last) of items (after, last] -> [itemId, opening, skippedAt], ordered by
 *   item id, then id, from the partial index of skips (migration 0008): the opening is the skip up
 *   to its time: {"userId":3,"annotator":"a@example.org","reason":"unclear","skippedAt":
 */

const head = (json: (text: string) => string) =>
  `'{"id":' || id || ',"externalId":' || coalesce(${json('external_id')}, 'null') || ',"data":' || data` +
  ` || ',"meta":' || meta || ',"priority":' || priority || ',"annotations":['`;

const opening = (label: string, importer: string) =>
  `'{"id":' || n.id || ',"annotator":' || ${label} || ',"userId":' || n.user_id || ',"status":"' || n.status` +
  ` || '","answers":' || n.answers || ',"leadTimeMs":' || n.lead_time_ms || ',"revision":' || n.revision` +
  ` || ',"interfaceVersion":' || n.interface_version` +
  ` || ',"importedBy":' || coalesce(${importer}, 'null') || ',"createdAt":'`;

/** The importer's label of an imported annotation: its first revision is the import. */
const importerOf = (json: (text: string) => string) =>
  `(select ${json('coalesce(u.email, u.name)')} from annotation_revisions r join users u on u.id = r.imported_by
    where r.annotation_id = n.id and r.revision = 1)`;

const skipOpening = (json: (text: string) => string) =>
  `'{"userId":' || s.user_id || ',"annotator":' || (select ${json('coalesce(u.email, u.name)')} from users u where u.id = s.user_id)` +
  ` || ',"reason":' || coalesce(${json('s.skip_reason')}, 'null') || ',"skippedAt":'`;

/** Parameters are named (bound from an object). */
export const sqliteQueries = {
  items: `select id, ${head((text) => `json_quote(${text})`)} from items
    where project_id = :project and id > :after order by id limit :limit`,
  annotations: `select n.item_id,
      ${opening(
        'json_quote((select coalesce(u.email, u.name) from users u where u.id = n.user_id))',
        importerOf((text) => `json_quote(${text})`),
      )},
      n.created_at, n.updated_at, n.submitted_at
    from annotations n
    where n.project_id = :project and n.item_id > :after and n.item_id <= :last order by n.item_id, n.id`,
  // A literal status: the planner uses the partial index of skips only then.
  skips: `select s.item_id, ${skipOpening((text) => `json_quote(${text})`)}, s.updated_at from assignments s
    where s.project_id = :project and s.status = 'skipped' and s.item_id > :after and s.item_id <= :last
    order by s.item_id, s.id`,
};

/**
 * The label comes from a lateral lookup (LIMIT 1 keeps it one): PostgreSQL runs it as a nested
 * loop, memoized per user, so rows leave in index order as they are read. Joined with users, it
 * hashed the join and sorted the whole page before sending a row.
 */
export const postgresQueries = {
  items: `select id, ${head((text) => `to_json(${text})::text`)} from items
    where project_id = $1 and id > $2 order by id limit $3`,
  annotations: `select n.item_id, ${opening(
    'a.label',
    importerOf((text) => `to_json(${text})::text`),
  )},
      n.created_at, n.updated_at, n.submitted_at
    from annotations n
    cross join lateral (
      select to_json(coalesce(u.email, u.name))::text as label from users u where u.id = n.user_id limit 1) a
    where n.project_id = $1 and n.item_id > $2 and n.item_id <= $3 order by n.item_id, n.id`,
  skips: `select s.item_id, ${skipOpening((text) => `to_json(${text})::text`)}, s.updated_at from assignments s
    where s.project_id = $1 and s.status = 'skipped' and s.item_id > $2 and s.item_id <= $3
    order by s.item_id, s.id`,
};
