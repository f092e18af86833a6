export function Annotate({ projectId }: { projectId: number }) {
  return <h1>Annotate {projectId}</h1>;
}
