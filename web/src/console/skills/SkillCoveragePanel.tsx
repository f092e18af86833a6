import type { SkillCoverage } from '../../../../core/api/skills.ts';
import { call } from '../../api/client.ts';
import { useLoad } from '../useLoad.ts';

/**
 * Per skill the project asks for: open items, those waiting for a qualified tutor, and the
 * qualified people in the organisation, among the members, active in the last 7 days
 * (docs/skills.md, "Coverage"). Shown to those who manage the project, when it asks any skill.
 */
export function SkillCoveragePanel({ projectId, refreshKey }: { projectId: number; refreshKey: string }) {
  const loaded = useLoad(
    (signal) => call('skillCoverage', { params: { projectId }, signal }),
    `${projectId}:${refreshKey}`,
  );
  const coverage: SkillCoverage | undefined = loaded.data;
  if (!coverage || coverage.rows.length === 0) return null;
  return (
    <section className="card stack-tight wide" aria-labelledby="skill-coverage-title">
      <h2 id="skill-coverage-title">Skills</h2>
      <p className="muted" data-testid="skills-waiting">
        {coverage.waiting === 0
          ? 'Every open item has a qualified member who can take it.'
          : `${coverage.waiting.toLocaleString()} open ${coverage.waiting === 1 ? 'item waits' : 'items wait'} for a qualified tutor.`}
      </p>
      <div className="table-wrap">
        <table className="annotator-table" data-testid="skill-coverage">
          <caption className="visually-hidden">Coverage of the required skills</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col" className="num">
                Level
              </th>
              <th scope="col" className="num">
                Open items
              </th>
              <th scope="col" className="num">
                Waiting
              </th>
              <th scope="col" className="num">
                Qualified
              </th>
              <th scope="col" className="num">
                Members
              </th>
              <th scope="col" className="num">
                Active (7 days)
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((r) => (
              <tr key={`${r.skill}:${r.level}`}>
                <th scope="row">
                  <code>{r.skill}</code>
                </th>
                <td className="num">{r.level}</td>
                <td className="num">{r.items.toLocaleString()}</td>
                <td className="num">{r.waiting.toLocaleString()}</td>
                <td className="num">{r.qualified.toLocaleString()}</td>
                <td className="num">{r.members.toLocaleString()}</td>
                <td className="num">{r.active.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
