import { type ComponentType, useEffect, useReducer, useState } from 'react';

/** A screen kept in its own chunk: the component once loaded, and a way to start loading it. */
export interface ScreenChunk<P> {
  loaded: ComponentType<P> | undefined;
  /** Starts fetching the chunk (once); resolves when the screen can render. */
  preload(): Promise<void>;
}

export function screenChunk<P extends object>(load: () => Promise<ComponentType<P>>): ScreenChunk<P> {
  let pending: Promise<void> | undefined;
  const chunk: ScreenChunk<P> = {
    loaded: undefined,
    preload: () => {
      pending ??= load().then((c) => {
        chunk.loaded = c;
      });
      return pending;
    },
  };
  return chunk;
}

/**
 * Renders a screen from its chunk, or "Loading…" until the chunk has arrived. Not React.lazy:
 * React holds back the reveal of a Suspense boundary until 300 ms after its fallback appeared, so
 * a chunk that arrives in 10 ms would still show the screen 300 ms late. Once loaded, a screen
 * renders at once, and App preloads the current screen's chunk while the session is checked.
 */
export function LazyScreen<P extends object>({ chunk, props }: { chunk: ScreenChunk<P>; props: P }) {
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState<{ error: unknown }>();
  const Screen = chunk.loaded;
  // Also when the chunk arrived between this render and the effect: render again with it.
  useEffect(() => {
    if (!Screen) chunk.preload().then(loaded, (error: unknown) => setFailed({ error }));
  }, [chunk, Screen]);
  // As with React.lazy, a chunk that cannot be loaded is an error of the whole app.
  if (failed) throw failed.error;
  return Screen ? <Screen {...props} /> : <p className="loading">Loading…</p>;
}
