import { Link, useTitle } from '../app/router.tsx';

export function NotFound({ what = 'page' }: { what?: string }) {
  useTitle('Not found');
  return (
    <div className="stack">
      <h1>Not found</h1>
      <p>
        There is no {what} at this address, or you cannot see it. Check the link, or ask a manager to add you
        to the project.
      </p>
      <p>
        <Link to="/">Go to your projects</Link>
      </p>
    </div>
  );
}
