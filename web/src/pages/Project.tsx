import { useState } from 'react';
import type { Project } from '../../../core/api/projects.ts';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { DashboardsTab } from '../console/dashboards/DashboardsTab.tsx';
import { ItemsTab } from '../console/items/ItemsTab.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { AssessmentPanel } from '../console/project/AssessmentPanel.tsx';
import { loadAccess, type ProjectAccess, type TabId, visibleTabs } from '../console/project/access.ts';
import { ExportTab } from '../console/project/ExportTab.tsx';
import { GoldPanel } from '../console/project/GoldPanel.tsx';
import { ImportTab } from '../console/project/ImportTab.tsx';
import { InterfaceTab } from '../console/project/InterfaceTab.tsx';
import { MembersTab } from '../console/project/MembersTab.tsx';
import { OverviewTab } from '../console/project/OverviewTab.tsx';
import { SettingsTab } from '../console/project/SettingsTab.tsx';
import { ProjectTabs } from '../console/project/Tabs.tsx';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import { NotFound } from './NotFound.tsx';
import '../console/console.css';
import { isolatedName } from '../../../core/names.ts';
import { Name } from '../ui/Name.tsx';

/** A project's sections, each at its own address: /projects/:id/:tab. */
export function ProjectPage({ projectId, tab }: { projectId: number; tab: string }) {
  const user = useUser();
  const loaded = useLoad(async (signal) => {
    const [project, access] = await Promise.all([
      call('getProject', { params: { projectId }, signal }),
      loadAccess(user, projectId, signal),
    ]);
    return { project: project!, access };
  }, `${projectId}:${user.id}`);
  const [saved, setSaved] = useState<Project | null>(null);
  const project = saved?.id === projectId ? saved : loaded.data?.project;
  useTitle(project ? `${isolatedName(project.name)}: ${tab}` : 'Project');

  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!project || !loaded.data) return <p className="loading">Loading project…</p>;
  const { access } = loaded.data;
  if (!visibleTabs(access).some((t) => t.id === tab)) return <NotFound what="project section" />;
  const reload = () => {
    setSaved(null);
    loaded.reload();
  };
  return (
    <div className="stack">
      <PageHead title={<Name text={project.name} wide />}>
        {project.review.mode !== 'none' && (access.viewAll || user.role === 'reviewer') && (
          <Link to={`/projects/${projectId}/review`} className="button">
            Review
          </Link>
        )}
        {project.adjudication !== null &&
          (access.manage || project.adjudication.adjudicators.includes(user.id)) && (
            <Link to={`/projects/${projectId}/adjudicate`} className="button">
              Adjudicate
            </Link>
          )}
        {access.member && (
          <>
            <Link
              to={project.assessment ? '/assessments' : `/projects/${projectId}/annotate`}
              className="button primary"
            >
              {project.assessment ? 'Take the assessment' : 'Start annotating'}
            </Link>
            <Link to={`/projects/${projectId}/my-work`}>My work</Link>
          </>
        )}
      </PageHead>
      {visibleTabs(access).length > 1 && <ProjectTabs projectId={projectId} tab={tab} access={access} />}
      <TabBody tab={tab as TabId} project={project} access={access} onSaved={setSaved} reload={reload} />
    </div>
  );
}

function TabBody(props: {
  tab: TabId;
  project: Project;
  access: ProjectAccess;
  onSaved(p: Project): void;
  reload(): void;
}) {
  const { project: p } = props;
  switch (props.tab) {
    case 'overview':
      return (
        <>
          <OverviewTab project={p} viewAll={props.access.viewAll} manage={props.access.manage} />
          {props.access.viewAll && <GoldPanel projectId={p.id} manage={props.access.manage} />}
          {props.access.viewAll && p.assessment !== null && <AssessmentPanel projectId={p.id} />}
        </>
      );
    case 'items':
      return <ItemsTab project={p} manage={props.access.manage} />;
    case 'dashboards':
      return <DashboardsTab project={p} />;
    case 'import':
      return <ImportTab project={p} onImported={props.reload} />;
    case 'members':
      return <MembersTab projectId={p.id} manage={props.access.manage} />;
    case 'export':
      return <ExportTab projectId={p.id} name={p.name} />;
    case 'interface':
      return <InterfaceTab project={p} onSaved={props.onSaved} />;
    case 'settings':
      return <SettingsTab project={p} onSaved={props.onSaved} />;
  }
}
