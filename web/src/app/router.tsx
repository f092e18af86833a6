import { type MouseEvent, type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';

/** A tiny history router: the app has a handful of screens and needs no more. */
const listeners = new Set<() => void>();
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
};

/** Something that holds in-app navigation back (a form with unsaved changes); true stops it. */
type Blocker = (to: string) => boolean;
const blockers = new Set<Blocker>();

/**
 * Goes to `to` inside the app. A mounted blocker (useNavigationGuard) may stop it; `force` goes
 * anyway (after the person agreed to leave, or once the work is saved).
 */
export function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): void {
  if (!opts.force && [...blockers].some((block) => block(to))) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const fn of listeners) fn();
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

/**
 * While `active`, in-app navigation (links, navigate()) is held back and its target kept in
 * `target` for the page to ask about: `leave()` goes there, `stay()` forgets it. The browser's own
 * Back, reload and tab close are not in-app navigation (see useUnsavedGuard for the last two).
 */
export function useNavigationGuard(active: boolean): {
  target: string | null;
  leave(): void;
  stay(): void;
} {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    const block: Blocker = (to) => {
      setTarget(to);
      return true;
    };
    blockers.add(block);
    return () => {
      blockers.delete(block);
    };
  }, [active]);
  return {
    target,
    leave() {
      setTarget(null);
      if (target !== null) navigate(target, { force: true });
    },
    stay: () => setTarget(null),
  };
}

/** Matches `/projects/:id/items` style patterns; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (const [i, part] of p.entries()) {
    const seg = s[i]!;
    if (part.startsWith(':')) out[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return out;
}

export function Link(props: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page';
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} onClick={onClick} className={props.className} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Verity`;
  }, [title]);
}
