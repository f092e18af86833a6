import type { ReactNode } from 'react';
import { Annotate } from '../pages/Annotate.tsx';
import { ItemDetailPage } from '../pages/ItemDetail.tsx';
import { MyWork } from '../pages/MyWork.tsx';
import { NotFound } from '../pages/NotFound.tsx';
import { Profile } from '../pages/Profile.tsx';
import { ProjectPage } from '../pages/Project.tsx';
import { ProjectNew } from '../pages/ProjectNew.tsx';
import { Projects } from '../pages/Projects.tsx';
import { SignIn } from '../pages/SignIn.tsx';
import { Users } from '../pages/Users.tsx';
import { Layout } from '../ui/Layout.tsx';
import { match, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

type Screen = { pattern: string; render: (p: Record<string, string>) => ReactNode; bare?: boolean };

/** Every screen and its path. The annotation view is "bare": full-screen, without the top bar. */
const screens: Screen[] = [
  { pattern: '/', render: () => <Projects /> },
  { pattern: '/projects/new', render: () => <ProjectNew /> },
  {
    pattern: '/projects/:projectId/annotate',
    render: (p) => <Annotate projectId={Number(p.projectId)} />,
    bare: true,
  },
  { pattern: '/projects/:projectId/my-work', render: (p) => <MyWork projectId={Number(p.projectId)} /> },
  {
    pattern: '/projects/:projectId',
    render: (p) => <ProjectPage projectId={Number(p.projectId)} tab="overview" />,
  },
  {
    pattern: '/projects/:projectId/:tab',
    render: (p) => <ProjectPage projectId={Number(p.projectId)} tab={p.tab ?? 'overview'} />,
  },
  { pattern: '/items/:itemId', render: (p) => <ItemDetailPage itemId={Number(p.itemId)} /> },
  { pattern: '/users', render: () => <Users /> },
  { pattern: '/profile', render: () => <Profile /> },
];

export function App() {
  const { user, loading } = useSession();
  const { path } = useLocation();
  if (loading) return <p className="loading">Loading…</p>;
  if (!user) return <SignIn />;
  for (const s of screens) {
    const params = match(s.pattern, path);
    if (params) return s.bare ? s.render(params) : <Layout>{s.render(params)}</Layout>;
  }
  return (
    <Layout>
      <NotFound />
    </Layout>
  );
}
