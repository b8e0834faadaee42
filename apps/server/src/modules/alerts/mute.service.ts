import type {
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

const ids = (text: string) => JSON.parse(text) as number[];

/** Whom a silence or window covers: named services or checks, or everything when it names none. */
export function covers(
  matcher: { serviceIds: number[]; checkIds: number[] },
  subject: { serviceId: number | null; checkId: number | null },
): boolean {
  if (matcher.serviceIds.length === 0 && matcher.checkIds.length === 0) return true;
  return (
    (subject.serviceId !== null && matcher.serviceIds.includes(subject.serviceId)) ||
    (subject.checkId !== null && matcher.checkIds.includes(subject.checkId))
  );
}

function toSilence(row: AlertSilenceRow, now: number): Silence {
  return {
    id: row.id,
    serviceIds: ids(row.serviceIds),
    checkIds: ids(row.checkIds),
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
    serviceIds: ids(row.serviceIds),
    checkIds: ids(row.checkIds),
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
  serviceIds: JSON.stringify(w.serviceIds),
  checkIds: JSON.stringify(w.checkIds),
  kind: w.kind,
  startsAt: ms(w.startsAt),
  endsAt: ms(w.endsAt),
  days: JSON.stringify(w.days),
  startTime: w.startTime,
  durationMinutes: w.durationMinutes,
  timezone: w.timezone,
});

/** Silences and maintenance windows: what mutes an alert for a while. */
export function createMuteService({ rules, clock }: { rules: RuleRepository; clock: Clock }) {
  /**
   * The windows in memory, for the state machine, which asks on every result and must not
   * wait for a query: reloaded on each change here and now and then for other hubs' changes.
   */
  let windows: Array<{ matcher: { serviceIds: number[]; checkIds: number[] }; window: Window }> =
    [];
  async function reloadWindows(): Promise<void> {
    windows = (await rules.listMaintenance()).map((row) => ({
      matcher: { serviceIds: ids(row.serviceIds), checkIds: ids(row.checkIds) },
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
    inMaintenance(subject: { serviceId: number; checkId: number }, at: number): boolean {
      return windows.some((w) => covers(w.matcher, subject) && isInWindow(w.window, at));
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
      for (const row of await rules.currentSilences(now)) {
        if (covers({ serviceIds: ids(row.serviceIds), checkIds: ids(row.checkIds) }, subject)) {
          const why = row.comment ? ` (${row.comment})` : '';
          return `silenced by silence #${row.id}${why} until ${iso(row.endsAt)}`;
        }
      }
      for (const row of await rules.listMaintenance()) {
        if (
          isInWindow(windowOf(row), now) &&
          covers({ serviceIds: ids(row.serviceIds), checkIds: ids(row.checkIds) }, subject)
        ) {
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
        serviceIds: JSON.stringify(input.serviceIds),
        checkIds: JSON.stringify(input.checkIds),
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
        ...(patch.serviceIds ? { serviceIds: JSON.stringify(patch.serviceIds) } : {}),
        ...(patch.checkIds ? { checkIds: JSON.stringify(patch.checkIds) } : {}),
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
