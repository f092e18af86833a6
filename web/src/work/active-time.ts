/**
 * Active time for `activeMs`: time the tab was visible and the annotator had interacted within the
 * last `windowMs`. Pure apart from the injected clock: events come in, `take` hands out the time
 * accrued since the previous take (and `giveBack` returns it if that save failed).
 */
export function createActiveTimer(now: () => number, windowMs = 30_000) {
  let visible = true;
  let lastInteraction = Number.NEGATIVE_INFINITY;
  let checkpoint = now();
  let accrued = 0;
  const accrue = (t: number) => {
    if (visible) {
      const until = Math.min(t, lastInteraction + windowMs);
      if (until > checkpoint) accrued += until - checkpoint;
    }
    checkpoint = t;
  };
  return {
    interact(): void {
      const t = now();
      accrue(t);
      lastInteraction = t;
    },
    setVisible(v: boolean): void {
      accrue(now());
      visible = v;
    },
    take(): number {
      accrue(now());
      const ms = Math.round(accrued);
      accrued = 0;
      return ms;
    },
    giveBack(ms: number): void {
      accrued += ms;
    },
  };
}
export type ActiveTimer = ReturnType<typeof createActiveTimer>;
