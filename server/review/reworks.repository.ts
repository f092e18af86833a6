import { type RawBuilder, sql } from 'kysely';

/**
 * What a rework is, in one place for every report that counts them (the quality dashboard's
 * review outcomes, the work log): for every rejection, the first submit or edit of the annotation
 * by its own annotator at or after it. A reviewer's fix is an edit by the reviewer, not counted; a
 * rejection not yet reworked has `at` null. One row per rejection that `where` keeps (aliases:
 * `e` the review event, `r` the annotation's review): `uid` the annotator, `pid` the project,
 * `at` the rework's time (epoch ms).
 */
export const reworkMoments = (where: RawBuilder<unknown>) => sql<{
  uid: number | string;
  pid: number | string;
  at: number | string | null;
}>`
  select r.annotator_id as uid, e.project_id as pid,
    (select min(v.created_at) from annotation_revisions v
      where v.annotation_id = e.annotation_id and v.user_id = r.annotator_id
        and v.kind in ('submit', 'edit') and v.created_at >= e.created_at) as at
  from review_events e join reviews r on r.annotation_id = e.annotation_id
  where e.outcome = 'rejected' and ${where}`;
