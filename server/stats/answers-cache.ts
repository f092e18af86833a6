import type { Store } from '../db/store.ts';

/** How many projects' answers a server keeps; the least recently computed goes first. */
const PROJECTS_KEPT = 100;

/**
 * The distributions and burndown of a project as last computed, with what they were computed
 * from (`key`: the project's annotation count and last change, item count, settings). The
 * overview polls every 15 s from every open tab; while nothing has changed, the answers are not
 * read again. Kept per store (a test's server has its own), in this process only: another
 * process behind the same balancer computes its own.
 */
export class AnswersCache<T> {
  private readonly byStore = new WeakMap<Store, Map<number, { key: string; value: T }>>();

  get(store: Store, projectId: number, key: string): T | undefined {
    const hit = this.byStore.get(store)?.get(projectId);
    return hit?.key === key ? hit.value : undefined;
  }

  set(store: Store, projectId: number, key: string, value: T): void {
    let projects = this.byStore.get(store);
    if (!projects) {
      projects = new Map();
      this.byStore.set(store, projects);
    }
    projects.delete(projectId);
    projects.set(projectId, { key, value });
    if (projects.size > PROJECTS_KEPT) projects.delete(projects.keys().next().value!);
  }
}
