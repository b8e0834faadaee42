import type { Clock } from '../../platform/clock.ts';

interface Entry {
  key: number;
  dueAt: number;
  intervalMs: number;
}

export interface SchedulerOptions {
  clock: Clock;
  /** Runs one due job; the scheduler counts it until the promise settles. */
  run: (key: number) => Promise<void>;
  concurrency: number;
  /** Where a job's first run falls within its first interval, in [0, 1). */
  random?: () => number;
  /** The longest the scheduler sleeps, so a changed clock is noticed. */
  maxSleepMs?: number;
}

/**
 * Runs each job every `intervalMs`, first at a random point of its first interval so that
 * jobs added together do not fire together. One timer for all jobs (a min-heap on due
 * time), a global concurrency limit, and a job never overlaps itself.
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private readonly entries = new Map<number, Entry>();
  private readonly running = new Set<number>();
  private readonly queue: number[] = [];
  private readonly queued = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Adds a job or changes its interval; a changed interval restarts its phase. `now` runs
   * it at once (a check just created or edited), otherwise its first run is spread.
   */
  upsert(key: number, intervalMs: number, { now = false } = {}): void {
    const existing = this.entries.get(key);
    if (existing && existing.intervalMs === intervalMs && !now) return;
    if (existing) this.remove(key);
    const random = this.options.random ?? Math.random;
    const delay = now ? 0 : random() * intervalMs;
    const entry = { key, intervalMs, dueAt: this.options.clock.now() + delay };
    this.entries.set(key, entry);
    this.push(entry);
    this.arm();
  }

  remove(key: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const index = this.heap.indexOf(entry);
    if (index >= 0) this.removeAt(index);
    this.arm();
  }

  /** Stops timing and waits for the runs in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.queue.length = 0;
    this.queued.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private arm(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const next = this.heap[0];
    if (!next) return;
    const wait = Math.max(0, next.dueAt - this.options.clock.now());
    this.timer = setTimeout(() => this.tick(), Math.min(wait, this.options.maxSleepMs ?? 1000));
    this.timer.unref();
  }

  private tick(): void {
    const now = this.options.clock.now();
    while (this.heap[0] && this.heap[0].dueAt <= now) {
      const entry = this.heap[0];
      this.removeAt(0);
      // Keep the phase (no drift); after a long stall, resume from now instead of bursting.
      entry.dueAt += entry.intervalMs;
      if (entry.dueAt <= now) entry.dueAt = now + entry.intervalMs;
      this.push(entry);
      if (!this.running.has(entry.key) && !this.queued.has(entry.key)) {
        this.queue.push(entry.key);
        this.queued.add(entry.key);
      }
    }
    this.drain();
    this.arm();
  }

  private drain(): void {
    while (!this.stopped && this.running.size < this.options.concurrency && this.queue.length) {
      const key = this.queue.shift()!;
      this.queued.delete(key);
      if (!this.entries.has(key)) continue;
      this.running.add(key);
      const run = this.options
        .run(key)
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(key);
          this.inFlight.delete(run);
          this.drain();
        });
      this.inFlight.add(run);
    }
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.dueAt <= entry.dueAt) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  private removeAt(index: number): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (index === heap.length) return;
    heap[index] = last;
    // Sift up, then down: the moved entry may belong either way.
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.dueAt <= last.dueAt) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = last;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && heap[left]!.dueAt < heap[smallest]!.dueAt) smallest = left;
      if (right < heap.length && heap[right]!.dueAt < heap[smallest]!.dueAt) smallest = right;
      if (smallest === i) break;
      heap[i] = heap[smallest]!;
      heap[smallest] = last;
      i = smallest;
    }
  }
}
