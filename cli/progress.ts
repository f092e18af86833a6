import { Transform } from 'node:stream';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];
export function formatBytes(n: number): string {
  let i = 0;
  while (n >= 1000 && i < UNITS.length - 1) {
    n /= 1000;
    i += 1;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${UNITS[i]}`;
}

/** The bar's text: `[#####-----]  50% 5.0 MB / 10.0 MB  2.5 MB/s`. Pure, for the renderer below. */
export function progressLine(
  { sent, total, elapsedMs }: { sent: number; total: number; elapsedMs: number },
  width = 30,
): string {
  const ratio = total > 0 ? Math.min(1, sent / total) : 1;
  const filled = Math.round(ratio * width);
  const rate = elapsedMs > 0 ? (sent / elapsedMs) * 1000 : 0;
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct} ${formatBytes(sent)} / ${formatBytes(total)}  ${formatBytes(rate)}/s`;
}

/**
 * A pass-through that counts the bytes flowing to the server and redraws a bar on `out` (a TTY)
 * at most every 100 ms. When the last byte has gone it says the server is still at work;
 * `done()` ends the line if the upload stopped early.
 */
export function byteProgress(total: number, out: NodeJS.WriteStream): { counter: Transform; done(): void } {
  const start = Date.now();
  let sent = 0;
  let drawnAt = 0;
  let finished = false;
  const draw = () => out.write(`\r${progressLine({ sent, total, elapsedMs: Date.now() - start })}\x1b[K`);
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      sent += chunk.length;
      if (Date.now() - drawnAt >= 100) {
        drawnAt = Date.now();
        draw();
      }
      cb(null, chunk);
    },
    flush(cb) {
      draw();
      out.write('\nSent; waiting for the server to check and store the items…\n');
      finished = true;
      cb();
    },
  });
  return {
    counter,
    done: () => {
      if (finished) return;
      draw();
      out.write('\n');
      finished = true;
    },
  };
}
