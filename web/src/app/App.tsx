import { lazy, type ReactNode, Suspense } from 'react';
import { SignIn } from '../pages/SignIn.tsx';
import { Layout } from '../ui/Layout.tsx';
import { match, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// Each screen is its own chunk: the annotation view loads none of the console's code.
const Annotate = lazy(() => import('../pages/Annotate.tsx').then((m) => ({ default: m.Annotate })));
const ItemDetailPage = lazy(() =>
  import('../pages/ItemDetail.tsx').then((m) => ({ default: m.ItemDetailPage })),
);
const MyWork = lazy(() => import('../pages/MyWork.tsx').then((m) => ({ default: m.MyWork })));
const NotFound = lazy(() => import('../pages/NotFound.tsx').then((m) => ({ default: m.NotFound })));
const Profile = lazy(() => import('../pages/Profile.tsx').then((m) => ({ default: m.Profile })));
const ProjectPage = lazy(() => import('../pages/Project.tsx').then((m) => ({ default: m.ProjectPage })));
const ProjectNew = lazy(() => import('../pages/ProjectNew.tsx').then((m) => ({ default: m.ProjectNew })));
const Projects = lazy(() => import('../pages/Projects.tsx').then((m) => ({ default: m.Projects })));
const Users = lazy(() => import('../pages/Users.tsx').then((m) => ({ default: m.Users })));

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
  const screen = screens.map((s) => ({ s, params: match(s.pattern, path) })).find((m) => m.params !== null);
  const content = (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      {screen ? screen.s.render(screen.params!) : <NotFound />}
    </Suspense>
  );
  return screen?.s.bare ? content : <Layout>{content}</Layout>;
}
