import fs from 'node:fs';

/**
 * Peak memory of this process. A 50 ms sampler reads RSS and the V8 heap; on Linux the kernel's
 * own RSS high-water mark (VmHWM, reset through /proc/self/clear_refs) also catches peaks inside
 * long synchronous stretches the sampler cannot see. Peak RSS is the larger of the two.
 */
export class PeakMemory {
  private rss = 0;
  private heap = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly kernel = canResetKernelPeak();

  constructor(intervalMs = 50) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }

  /** Starts a new measurement window at the current sizes. */
  reset(): void {
    if (this.kernel) fs.writeFileSync('/proc/self/clear_refs', '5');
    this.rss = 0;
    this.heap = 0;
    this.sample();
  }

  peakRssBytes(): number {
    this.sample();
    return Math.max(this.rss, this.kernel ? kernelPeakBytes() : 0);
  }

  peakHeapBytes(): number {
    this.sample();
    return this.heap;
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
