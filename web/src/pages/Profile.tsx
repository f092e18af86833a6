import { useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { PasswordForm } from '../console/users/PasswordForm.tsx';
import { SignOutEverywhere } from '../console/users/SignOutEverywhere.tsx';
import '../console/console.css';
import { Name } from '../ui/Name.tsx';

export function Profile() {
  useTitle('Profile');
  const user = useUser();
  return (
    <div className="stack narrow">
      <PageHead title="Profile" />
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">Your details</h2>
        <dl className="pairs">
          <div>
            <dt>Name</dt>
            <dd>
              <Name text={user.name} wide />
            </dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{user.email && <Name text={user.email} wide />}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{user.role}</dd>
          </div>
        </dl>
      </section>
      <PasswordForm />
      <SignOutEverywhere />
    </div>
  );
}
