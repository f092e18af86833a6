import { type ReactNode, useState } from 'react';
import { Link, useLocation } from '../app/router.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { Name } from './Name.tsx';
import { applyTheme, initialTheme, type Theme } from './theme.ts';

export function Layout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const { path } = useLocation();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    setTheme(next);
  };
  const nav = [
    { to: '/', label: 'Projects' },
    { to: '/my-work', label: 'My work' },
    ...(user.role === 'annotator' || user.role === 'reviewer'
      ? [{ to: '/assessments', label: 'Assessments' }]
      : []),
    ...(user.role === 'admin'
      ? [
          { to: '/users', label: 'Users' },
          { to: '/models', label: 'Models' },
          { to: '/audit', label: 'Audit' },
        ]
      : []),
    ...(user.role === 'admin' || user.role === 'manager'
      ? [
          { to: '/invites', label: 'Invites' },
          { to: '/jobs', label: 'Jobs' },
          { to: '/worklog', label: 'Work log' },
          { to: '/roster', label: 'Roster' },
          { to: '/skills', label: 'Skills' },
        ]
      : []),
    { to: '/profile', label: 'Profile' },
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Verity
        </Link>
        <nav aria-label="Main">
          {nav.map((n) => (
            <Link key={n.to} to={n.to} {...(path === n.to ? { 'aria-current': 'page' as const } : {})}>
              {n.label}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        <span className="who">
          <Name text={user.name} /> <small>({user.role})</small>
        </span>
        <button
          type="button"
          onClick={toggle}
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        >
          {theme === 'dark' ? 'Light' : 'Dark'} theme
        </button>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
