import { roleAbilities, roles } from '../../../../core/api/users.ts';

/** What each global role may do, beside the role pickers (the text is core's, as in the docs). */
export function RoleGuide() {
  return (
    <section className="card stack-tight role-guide" aria-labelledby="role-guide-title">
      <h2 id="role-guide-title">What each role may do</h2>
      <dl className="pairs">
        {roles.map((r) => (
          <div key={r}>
            <dt>{r}</dt>
            <dd>{roleAbilities[r]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
