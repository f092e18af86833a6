import fs from 'node:fs';

/**
 * Peak resident set size of this process. A 50 ms sampler catches what the event loop lets it
 * see; on Linux the kernel's own high-water mark (VmHWM, reset through /proc/self/clear_refs)
 * also catches peaks inside long synchronous stretches. The peak is the larger of the two.
 */
export class PeakRss {
  private sampled = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly kernel = canResetKernelPeak();

  constructor(intervalMs = 50) {
    this.sampled = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.sampled) this.sampled = rss;
  }

  /** Starts a new measurement window at the current size. */
  reset(): void {
    if (this.kernel) fs.writeFileSync('/proc/self/clear_refs', '5');
    this.sampled = process.memoryUsage.rss();
  }

  peakBytes(): number {
    this.sample();
    return Math.max(this.sampled, this.kernel ? kernelPeakBytes() : 0);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function kernelPeakBytes(): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

function canResetKernelPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return kernelPeakBytes() > 0;
  } catch {
    return false;
  }
}
