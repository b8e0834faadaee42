import type {
  Selector,
  Maintenance,
  MaintenanceCreate,
  MaintenanceUpdate,
  Silence,
  SilenceCreate,
  SilenceUpdate,
} from '@homehub/contracts';
import { MaintenanceCreate as MaintenanceSchema } from '@homehub/contracts';
import { iso, type Clock } from '../../platform/clock.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { parseNested } from '../../platform/validation.ts';
import type { AlertMaintenanceRow, AlertSilenceRow } from '../../db/schema.ts';
import { isInWindow, type Window } from './maintenance.window.ts';
import type { RuleRepository } from './rule.repository.ts';
import { covers, selectorColumns, selectorOf, selectorPatch, subjectOf } from './selector.ts';

function toSilence(row: AlertSilenceRow, now: number): Silence {
  return {
    id: row.id,
    ...selectorOf(row),
    comment: row.comment,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    createdBy: row.createdBy,
    active: row.startsAt <= now && now < row.endsAt,
    createdAt: iso(row.createdAt),
  };
}

function windowOf(row: AlertMaintenanceRow) {
  return {
    kind: row.kind,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    days: JSON.parse(row.days) as string[],
    startTime: row.startTime,
    durationMinutes: row.durationMinutes,
    timezone: row.timezone,
  };
}

function toMaintenance(row: AlertMaintenanceRow, now: number): Maintenance {
  return {
    id: row.id,
    name: row.name,
    ...selectorOf(row),
    kind: row.kind as Maintenance['kind'],
    startsAt: row.startsAt === null ? null : iso(row.startsAt),
    endsAt: row.endsAt === null ? null : iso(row.endsAt),
    days: JSON.parse(row.days) as Maintenance['days'],
    startTime: row.startTime,
    durationMinutes: row.durationMinutes,
    timezone: row.timezone,
    active: isInWindow(windowOf(row), now),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const ms = (value: string | null | undefined) => (value ? Date.parse(value) : null);

/** A validated window as its row stores it, for a new one and a changed one alike. */
const windowColumns = (w: MaintenanceCreate) => ({
  name: w.name,
  ...selectorColumns(w),
  kind: w.kind,
  startsAt: ms(w.startsAt),
  endsAt: ms(w.endsAt),
  days: JSON.stringify(w.days),
  startTime: w.startTime,
  durationMinutes: w.durationMinutes,
  timezone: w.timezone,
});

/** Silences and maintenance windows: what mutes an alert for a while. */
export function createMuteService({
  rules,
  clock,
  labelsOf,
}: {
  rules: RuleRepository;
  clock: Clock;
  /** A service's group and tags, from memory. */
  labelsOf: (serviceId: number) => { group: string | null; tags: readonly string[] };
}) {
  const subjectWithLabels = (whom: { serviceId: number | null; checkId: number | null }) =>
    subjectOf(labelsOf, whom);

  /**
   * The windows in memory, for the state machine, which asks on every result and must not
   * wait for a query: reloaded on each change here and now and then for other hubs' changes.
   */
  let windows: Array<{ id: number; selector: Selector; window: Window }> = [];
  async function reloadWindows(): Promise<void> {
    windows = (await rules.listMaintenance()).map((row) => ({
      id: row.id,
      selector: selectorOf(row),
      window: windowOf(row),
    }));
  }

  async function findSilence(id: number) {
    const row = await rules.findSilence(id);
    if (!row) throw new NotFoundError('Silence');
    return row;
  }
  async function findWindow(id: number) {
    const row = await rules.findMaintenance(id);
    if (!row) throw new NotFoundError('Maintenance window');
    return row;
  }

  return {
    reloadWindows,

    /** Whether a check of a service is inside a maintenance window at that moment. */
    inMaintenance(check: { serviceId: number; checkId: number }, at: number): boolean {
      if (windows.length === 0) return false;
      const subject = subjectWithLabels(check);
      return windows.some((w) => covers(w.selector, subject) && isInWindow(w.window, at));
    },

    /**
     * The windows open at a moment, told by a key that changes when the set does, and a
     * test of whether they cover a check; for moving many checks at once.
     */
    windowsAt(at: number) {
      const open = windows.filter((w) => isInWindow(w.window, at));
      return {
        key: open.map((w) => w.id).join(','),
        covers: (check: { serviceId: number; checkId: number }) => {
          if (open.length === 0) return false;
          const subject = subjectWithLabels(check);
          return open.some((w) => covers(w.selector, subject));
        },
      };
    },

    /**
     * Why a subject is muted right now, in words for its trail, or null. Read fresh each
     * time: a silence added on another hub counts at once.
     */
    async mutedBy(subject: {
      serviceId: number | null;
      checkId: number | null;
    }): Promise<string | null> {
      const now = clock.now();
      const whom = subjectWithLabels(subject);
      for (const row of await rules.currentSilences(now)) {
        if (covers(selectorOf(row), whom)) {
          const why = row.comment ? ` (${row.comment})` : '';
          return `silenced by silence #${row.id}${why} until ${iso(row.endsAt)}`;
        }
      }
      for (const row of await rules.listMaintenance()) {
        if (isInWindow(windowOf(row), now) && covers(selectorOf(row), whom)) {
          return `in maintenance window "${row.name}"`;
        }
      }
      return null;
    },

    async listSilences(): Promise<Silence[]> {
      const now = clock.now();
      return (await rules.listSilences()).map((row) => toSilence(row, now));
    },
    async getSilence(id: number): Promise<Silence> {
      return toSilence(await findSilence(id), clock.now());
    },
    async createSilence(input: SilenceCreate, by: string): Promise<Silence> {
      const now = clock.now();
      const startsAt = ms(input.startsAt) ?? now;
      const endsAt = Date.parse(input.endsAt);
      if (endsAt <= startsAt) throw new ValidationError({ endsAt: 'Must be after the start' });
      const row = await rules.insertSilence({
        ...selectorColumns(input),
        comment: input.comment,
        startsAt,
        endsAt,
        createdBy: by,
        createdAt: now,
      });
      return toSilence(row, now);
    },
    async updateSilence(id: number, patch: SilenceUpdate): Promise<Silence> {
      const current = await findSilence(id);
      const startsAt = ms(patch.startsAt) ?? current.startsAt;
      const endsAt = ms(patch.endsAt) ?? current.endsAt;
      if (endsAt <= startsAt) throw new ValidationError({ endsAt: 'Must be after the start' });
      const row = await rules.updateSilence(id, {
        startsAt,
        endsAt,
        ...selectorPatch(patch),
        ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
      });
      if (!row) throw new NotFoundError('Silence');
      return toSilence(row, clock.now());
    },
    async deleteSilence(id: number): Promise<void> {
      if (!(await rules.deleteSilence(id))) throw new NotFoundError('Silence');
    },

    async listMaintenance(): Promise<Maintenance[]> {
      const now = clock.now();
      return (await rules.listMaintenance()).map((row) => toMaintenance(row, now));
    },
    async getMaintenance(id: number): Promise<Maintenance> {
      return toMaintenance(await findWindow(id), clock.now());
    },
    async createMaintenance(input: MaintenanceCreate): Promise<Maintenance> {
      const now = clock.now();
      const row = await rules.insertMaintenance({
        ...windowColumns(input),
        createdAt: now,
        updatedAt: now,
      });
      await reloadWindows();
      return toMaintenance(row, now);
    },
    async updateMaintenance(id: number, patch: MaintenanceUpdate): Promise<Maintenance> {
      const current = toMaintenance(await findWindow(id), clock.now());
      // The merged window is checked as a whole: a patch may only make sense with what is stored.
      const value = parseNested(MaintenanceSchema, {
        name: current.name,
        serviceIds: current.serviceIds,
        checkIds: current.checkIds,
        groups: current.groups,
        tags: current.tags,
        kind: current.kind,
        startsAt: current.startsAt,
        endsAt: current.endsAt,
        days: current.days,
        startTime: current.startTime,
        durationMinutes: current.durationMinutes,
        timezone: current.timezone,
        ...patch,
      });
      const row = await rules.updateMaintenance(id, {
        ...windowColumns(value),
        updatedAt: clock.now(),
      });
      if (!row) throw new NotFoundError('Maintenance window');
      await reloadWindows();
      return toMaintenance(row, clock.now());
    },
    async deleteMaintenance(id: number): Promise<void> {
      if (!(await rules.deleteMaintenance(id))) throw new NotFoundError('Maintenance window');
      await reloadWindows();
    },
  };
}

export type MuteService = ReturnType<typeof createMuteService>;
