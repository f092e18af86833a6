import type { ReactNode } from 'react';
import { SignIn } from '../pages/SignIn.tsx';
import { Layout } from '../ui/Layout.tsx';
import { LazyScreen, type ScreenChunk, screenChunk } from './lazy-screen.tsx';
import { match, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

// Each screen is its own chunk: the annotation view loads none of the console's code.
const Annotate = screenChunk(() => import('../pages/Annotate.tsx').then((m) => m.Annotate));
const Assessments = screenChunk(() => import('../pages/Assessments.tsx').then((m) => m.Assessments));
const Review = screenChunk(() => import('../pages/Review.tsx').then((m) => m.Review));
const AcceptInvite = screenChunk(() => import('../pages/AcceptInvite.tsx').then((m) => m.AcceptInvite));
const Invites = screenChunk(() => import('../pages/Invites.tsx').then((m) => m.Invites));
const Adjudicate = screenChunk(() => import('../pages/Adjudicate.tsx').then((m) => m.Adjudicate));
const JobDetailPage = screenChunk(() => import('../pages/JobDetail.tsx').then((m) => m.JobDetailPage));
const Jobs = screenChunk(() => import('../pages/Jobs.tsx').then((m) => m.Jobs));
const ItemDetailPage = screenChunk(() => import('../pages/ItemDetail.tsx').then((m) => m.ItemDetailPage));
const Models = screenChunk(() => import('../pages/Models.tsx').then((m) => m.Models));
const MyWork = screenChunk(() => import('../pages/MyWork.tsx').then((m) => m.MyWork));
const MyWorkHome = screenChunk(() => import('../pages/MyWorkHome.tsx').then((m) => m.MyWorkHome));
const NotFound = screenChunk(() => import('../pages/NotFound.tsx').then((m) => m.NotFound));
const Profile = screenChunk(() => import('../pages/Profile.tsx').then((m) => m.Profile));
const ProjectPage = screenChunk(() => import('../pages/Project.tsx').then((m) => m.ProjectPage));
const ProjectNew = screenChunk(() => import('../pages/ProjectNew.tsx').then((m) => m.ProjectNew));
const Projects = screenChunk(() => import('../pages/Projects.tsx').then((m) => m.Projects));
const ResetPassword = screenChunk(() => import('../pages/ResetPassword.tsx').then((m) => m.ResetPassword));
const Roster = screenChunk(() => import('../pages/Roster.tsx').then((m) => m.Roster));
const Setup = screenChunk(() => import('../pages/Setup.tsx').then((m) => m.Setup));
const Users = screenChunk(() => import('../pages/Users.tsx').then((m) => m.Users));
const Audit = screenChunk(() => import('../pages/Audit.tsx').then((m) => m.Audit));
const Worklog = screenChunk(() => import('../pages/Worklog.tsx').then((m) => m.Worklog));
const Skills = screenChunk(() => import('../pages/Skills.tsx').then((m) => m.Skills));

type Params = Record<string, string>;
type Screen = {
  pattern: string;
  /** Starts fetching the screen's chunk. */
  preload: () => Promise<void>;
  render: (p: Params) => ReactNode;
  bare?: boolean;
};

function screen<P extends object>(
  pattern: string,
  chunk: ScreenChunk<P>,
  props: (p: Params) => P,
  opts: { bare?: boolean } = {},
): Screen {
  return {
    pattern,
    preload: chunk.preload,
    render: (p) => <LazyScreen chunk={chunk} props={props(p)} />,
    ...opts,
  };
}

/** Every screen and its path. The annotation view is "bare": full-screen, without the top bar. */
const screens: Screen[] = [
  screen('/', Projects, () => ({})),
  screen('/projects/new', ProjectNew, () => ({})),
  screen('/projects/:projectId/annotate', Annotate, (p) => ({ projectId: Number(p.projectId) }), {
    bare: true,
  }),
  screen('/projects/:projectId/review', Review, (p) => ({ projectId: Number(p.projectId) }), { bare: true }),
  screen('/projects/:projectId/adjudicate', Adjudicate, (p) => ({ projectId: Number(p.projectId) }), {
    bare: true,
  }),
  screen(
    '/projects/:projectId/adjudicate/:itemId',
    Adjudicate,
    (p) => ({ projectId: Number(p.projectId), itemId: Number(p.itemId) }),
    { bare: true },
  ),
  screen('/projects/:projectId/my-work', MyWork, (p) => ({ projectId: Number(p.projectId) })),
  screen('/projects/:projectId', ProjectPage, (p) => ({ projectId: Number(p.projectId), tab: 'overview' })),
  screen('/projects/:projectId/:tab', ProjectPage, (p) => ({
    projectId: Number(p.projectId),
    tab: p.tab ?? 'overview',
  })),
  screen('/items/:itemId', ItemDetailPage, (p) => ({ itemId: Number(p.itemId) })),
  screen('/my-work', MyWorkHome, () => ({})),
  screen('/assessments', Assessments, () => ({})),
  screen('/users', Users, () => ({})),
  screen('/invites', Invites, () => ({})),
  screen('/models', Models, () => ({})),
  screen('/jobs', Jobs, () => ({})),
  screen('/worklog', Worklog, () => ({})),
  screen('/roster', Roster, () => ({})),
  screen('/audit', Audit, () => ({})),
  screen('/skills', Skills, () => ({})),
  screen('/jobs/:jobId', JobDetailPage, (p) => ({ jobId: Number(p.jobId) })),
  screen('/profile', Profile, () => ({})),
];

/** Where a password reset link and the first-run setup link lead: shown to anyone, signed in or not, outside the layout. */
const RESET_PASSWORD_PATH = '/reset-password';
const SETUP_PATH = '/setup';
/** Where an invite link leads (docs/onboarding.md): shown signed in or not, outside the layout. */
const INVITE_PATH = '/invite';

const screenAt = (path: string) =>
  screens.map((s) => ({ s, params: match(s.pattern, path) })).find((m) => m.params !== null);

/** Starts fetching the code of the screen at `path`, so it can show as soon as the session is known. */
export function preloadScreen(path: string): void {
  const preload =
    path === RESET_PASSWORD_PATH
      ? ResetPassword.preload
      : path === INVITE_PATH
        ? AcceptInvite.preload
        : path === SETUP_PATH
          ? Setup.preload
          : screenAt(path)?.s.preload;
  (preload ?? NotFound.preload)().catch(() => undefined);
}

export function App() {
  const { user, loading } = useSession();
  const { path } = useLocation();
  const found = screenAt(path);
  if (path === RESET_PASSWORD_PATH) return <LazyScreen chunk={ResetPassword} props={{}} />;
  if (path === SETUP_PATH) return <LazyScreen chunk={Setup} props={{}} />;
  if (path === INVITE_PATH) return <LazyScreen chunk={AcceptInvite} props={{}} />;
  if (loading) return <p className="loading">Loading…</p>;
  if (!user) return <SignIn />;
  const content = found ? found.s.render(found.params!) : <LazyScreen chunk={NotFound} props={{}} />;
  return found?.s.bare ? content : <Layout>{content}</Layout>;
}
