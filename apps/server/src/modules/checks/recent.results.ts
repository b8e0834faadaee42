import type { LiveMessage, Result } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';

/** Results published but maybe not yet written (the writer flushes every second). */
const UNWRITTEN = 2;

interface Entry {
  serviceId: number;
  /** How many it keeps; 0 while only the newest few from the bus are held. */
  cap: number;
  /** Oldest first. */
  results: Result[];
}

/**
 * Each check's newest results for the overview's bars, in memory: read from the database
 * once, then kept current from the bus, so listing services costs no query per check.
 * A cache only: the database stays the truth, and a restart simply reads it again.
 */
export class RecentResults {
  private readonly byCheck = new Map<number, Entry>();
  private readonly unsubscribe: () => void;

  constructor(
    bus: Bus,
    /** The newest `limit` stored results of a check, newest first. */
    private readonly load: (checkId: number, limit: number) => Promise<Result[]>,
  ) {
    this.unsubscribe = bus.subscribe((message) => this.onMessage(message));
  }

  /** A check's newest `cap` results, oldest first. */
  async get(checkId: number, serviceId: number, cap: number): Promise<Result[]> {
    let entry = this.byCheck.get(checkId);
    if (!entry || entry.cap < cap) {
      const stored = (await this.load(checkId, cap)).reverse();
      // What the bus brought meanwhile may not be written yet: keep it, once.
      const known = this.byCheck.get(checkId)?.results ?? [];
      const newer = known.filter((r) => !stored.some((s) => s.at === r.at));
      const results = [...stored, ...newer].sort((a, b) => a.at.localeCompare(b.at));
      entry = { serviceId, cap, results: results.slice(-cap) };
      this.byCheck.set(checkId, entry);
    }
    return entry.results.slice(-cap);
  }

  close(): void {
    this.unsubscribe();
    this.byCheck.clear();
  }

  private onMessage(message: LiveMessage): void {
    if (message.type === 'result') {
      const { serviceId, ...result } = message.data;
      this.add(serviceId, result);
    } else if (message.type === 'changed') {
      const { resource, action, id, serviceId } = message.data;
      // A check added or removed changes every sibling's share of the bar: read them anew.
      if (resource === 'check' && action !== 'updated') this.forgetService(serviceId);
      if (resource === 'service' && action === 'deleted') this.forgetService(id);
    }
  }

  private add(serviceId: number, result: Result): void {
    let entry = this.byCheck.get(result.checkId);
    if (!entry) {
      entry = { serviceId, cap: 0, results: [] };
      this.byCheck.set(result.checkId, entry);
    }
    const { results } = entry;
    if (results.some((r) => r.at === result.at)) return;
    results.push(result);
    if (results.length > 1 && results[results.length - 2]!.at > result.at) {
      results.sort((a, b) => a.at.localeCompare(b.at));
    }
    const keep = entry.cap || UNWRITTEN;
    if (results.length > keep) results.splice(0, results.length - keep);
  }

  private forgetService(serviceId: number): void {
    for (const [checkId, entry] of this.byCheck) {
      if (entry.serviceId === serviceId) this.byCheck.delete(checkId);
    }
  }
}
