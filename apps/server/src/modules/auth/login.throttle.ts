import type { Clock } from '../../platform/clock.ts';

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/** Failures a key may have before each further one locks it out for longer. */
export interface ThrottleLimit {
  free: number;
}

const MAX_LOCK_MS = 15 * 60_000;
/** A key with no failure for this long starts over. */
const FORGET_MS = 15 * 60_000;
/** Bounds memory under a spray of addresses or names; the oldest are forgotten first. */
const MAX_KEYS = 10_000;

/**
 * Slows password guessing per address and per account: after the free failures, every
 * further one doubles the wait (1 s, 2 s, 4 s … up to 15 minutes). Kept in memory: a
 * restart forgives, which costs an attacker a restart they cannot cause.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds until any of the keys may try again; 0 when all may. */
  wait(keys: string[]): number {
    const now = this.clock.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.current(key, now);
      if (entry) wait = Math.max(wait, entry.lockedUntil - now);
    }
    return wait;
  }

  fail(keys: Array<[key: string, limit: ThrottleLimit]>): void {
    const now = this.clock.now();
    for (const [key, { free }] of keys) {
      const entry = this.current(key, now) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
      entry.failures += 1;
      entry.lastFailure = now;
      const over = entry.failures - free;
      if (over > 0) entry.lockedUntil = now + Math.min(1000 * 2 ** (over - 1), MAX_LOCK_MS);
      this.entries.delete(key); // re-insert: the map's order is oldest failure first
      this.entries.set(key, entry);
    }
    while (this.entries.size > MAX_KEYS) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.lastFailure > FORGET_MS && now >= entry.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
