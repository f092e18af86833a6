export function MyWork({ projectId }: { projectId: number }) {
  return <h1>MyWork {projectId}</h1>;
}
