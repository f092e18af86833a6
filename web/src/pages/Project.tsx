export function ProjectPage({ projectId, tab }: { projectId: number; tab: string }) {
  return (
    <h1>
      Project {projectId} {tab}
    </h1>
  );
}
