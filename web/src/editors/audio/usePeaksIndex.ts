import { call } from '../../api/client.ts';
import { usePolling } from '../../console/usePolling.ts';

/** How often the player asks again while the server is still computing the peaks. */
export const PEAKS_POLL_MS = 2_000;

/**
 * An item's media field as its answer gives it (url, facts, peaks index), asked again every
 * PEAKS_POLL_MS until the peaks exist, failed, or never will (docs/media.md, "The player").
 */
export function usePeaksIndex(itemId: number, field: string) {
  const polled = usePolling(
    async (signal) => (await call('getItem', { params: { itemId }, signal }))?.media?.[field] ?? null,
    `${itemId}/${field}`,
    PEAKS_POLL_MS,
    { until: (m) => m === null || m.peaks !== null || m.peaksError !== null || noSound(m.facts) },
  );
  return polled;
}

/** The probe found no sound to draw (or could not read the file): no peaks will come. */
export const noSound = (facts: {
  probeError: string | null;
  durationSeconds: number | null;
  sampleRate: number | null;
}) => facts.probeError !== null || (facts.durationSeconds !== null && facts.sampleRate === null);
