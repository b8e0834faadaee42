import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Event, NotificationKind, Rule } from '@homehub/contracts';
import type { Bus } from '../../platform/bus.ts';
import { iso, type Clock } from '../../platform/clock.ts';
import type { AlertGroupRow, AlertRow } from '../../db/schema.ts';
import type { AlertRepository } from './alert.repository.ts';
import { toAlertChange } from './alert.present.ts';
import { KIND_WORDS, signalOf, type Signal } from './alert.signals.ts';
import type { ChannelService, StoredChannel } from './channel.service.ts';
import type { MuteService } from './mute.service.ts';
import type { AlertMessage, MessageAlert } from './notifier.types.ts';
import type { RuleService } from './rule.service.ts';
import { HEADLINE } from './message.format.ts';
import { covers, subjectOf, type Subject } from './selector.ts';

/** The events area, as far as alerting writes to the timeline. */
export interface TimelineWriter {
  record(entry: {
    type: 'alert';
    serviceId: number | null;
    checkId: number | null;
    message: string;
    at: number;
    data: Record<string, unknown>;
  }): Promise<unknown>;
}

/** Names for titles, and which engine a service's container runs on; both may be unknown. */
export interface SubjectDirectory {
  serviceName(serviceId: number): Promise<string | null>;
  engineOf(serviceId: number): Promise<number | null>;
  /** A service's group and tags, from memory, for rules, silences and windows. */
  labelsOf(serviceId: number): { group: string | null; tags: readonly string[] };
}

interface Deps {
  alerts: AlertRepository;
  rules: RuleService;
  channels: ChannelService;
  mutes: MuteService;
  directory: SubjectDirectory;
  events: TimelineWriter;
  bus: Bus;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Told when notifications were queued, so they go out without waiting for a poll. */
  queued: () => void;
}

/** How often timers (a rule's `for`, group waits and intervals) are looked at. */
const TICK_MS = 250;
/** A group's interval is never shorter than this, so a zero does not spin. */
const MIN_INTERVAL_MS = 1000;
const HOUR_MS = 3_600_000;
/** How many of a container's last lines of output an alert's message carries. */
const OUTPUT_LINES = 10;

const noop = () => undefined;
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function matches(rule: Rule, kind: string, subject: Subject): boolean {
  return rule.enabled && (rule.events as string[]).includes(kind) && covers(rule, subject);
}

const isOneShot = (alert: AlertRow) => alert.subject.startsWith('event:');

/**
 * Turns events into alerts and alerts into notifications, with Alertmanager's timing: what
 * fires within a group's wait goes out together, later changes wait for the group's
 * interval, reminders come every repeat interval, each alert's recovery is told once.
 * Every decision is written to the alert's trail. Timers live in the database; work is done
 * one step at a time, in order, so an event and a flush never interleave.
 */
export class AlertEngine {
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private ticking = false;

  constructor(private readonly deps: Deps) {}

  start(): void {
    this.unsubscribe = this.deps.bus.subscribe((message) => {
      // A failure is logged by the queue; the bus only needs to hand the event over.
      if (message.type === 'event') this.enqueue(() => this.onEvent(message.data)).catch(noop);
      if (message.type === 'event_updated') {
        this.enqueue(() => this.onEventUpdated(message.data)).catch(noop);
      }
      // A deleted check or service will never recover: its alerts end with it.
      if (message.type === 'changed' && message.data.action === 'deleted') {
        const { resource, id } = message.data;
        this.enqueue(() => this.onDeleted(resource, id)).catch(noop);
      }
    });
    this.timer = setInterval(() => {
      // A tick that is still running (a slow database) is not stacked behind itself.
      if (this.ticking) return;
      this.ticking = true;
      this.enqueue(() => this.tick())
        .catch(noop)
        .finally(() => (this.ticking = false));
    }, TICK_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    clearInterval(this.timer);
    await this.queue;
  }

  /** Resolves when everything handed to the engine so far is done (tests, shutdown). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Acknowledged: reminders stop until it resolves. */
  acknowledge(alert: AlertRow, by: string): Promise<AlertRow> {
    return this.enqueue(async () => {
      const now = this.deps.clock.now();
      const row = await this.deps.alerts.updateAlert(alert.id, {
        acknowledgedAt: now,
        acknowledgedBy: by,
        updatedAt: now,
      });
      await this.trail([alert.id], `Acknowledged by ${by}: no reminders until it resolves`);
      this.publish(row!);
      return row!;
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.then(
      () => undefined,
      (error: unknown) => this.deps.logger.error({ err: error }, 'alerting step failed'),
    );
    return next;
  }

  private publish(row: AlertRow): void {
    this.deps.bus.publish({
      type: 'alert',
      at: iso(this.deps.clock.now()),
      data: toAlertChange(row),
    });
  }

  private async trail(alertIds: number[], text: string): Promise<void> {
    const at = this.deps.clock.now();
    await this.deps.alerts.addTrail(alertIds.map((alertId) => ({ alertId, at, text })));
  }

  /** Writes a decision that repeats at every flush (muted, folded) only when it changes. */
  private async trailOnce(entries: { id: number; text: string }[]): Promise<void> {
    const last = await this.deps.alerts.lastTrail(entries.map((e) => e.id));
    const at = this.deps.clock.now();
    await this.deps.alerts.addTrail(
      entries
        .filter((e) => last.get(e.id) !== e.text)
        .map((e) => ({ alertId: e.id, at, text: e.text })),
    );
  }

  private async titleOf(signal: Signal & { kind: string }): Promise<string> {
    const words = KIND_WORDS[signal.kind] ?? signal.kind;
    if (signal.subject.startsWith('engine:'))
      return `Docker engine #${signal.subject.slice(7)} ${words}`;
    if (signal.serviceId !== null) {
      const name = await this.deps.directory.serviceName(signal.serviceId).catch(() => null);
      return `${name ?? `Service #${signal.serviceId}`} ${words}`;
    }
    return `${signal.message.split(':')[0]} ${words}`;
  }

  private async onEvent(event: Event): Promise<void> {
    const signal = signalOf(event);
    if (!signal) return;
    if (
      signal.foldKey === null &&
      signal.serviceId !== null &&
      !signal.subject.startsWith('engine:')
    ) {
      const engineId = await this.deps.directory.engineOf(signal.serviceId).catch(() => null);
      if (engineId !== null) signal.foldKey = `engine:${engineId}`;
    }
    const open = signal.oneShot ? [] : await this.deps.alerts.openFor(signal.subject);
    if (signal.kind === null) {
      for (const alert of open) await this.resolve(alert, signal.message);
      return;
    }
    const active = { ...signal, kind: signal.kind };
    const subject = subjectOf((id) => this.deps.directory.labelsOf(id), signal);
    const rules = (await this.deps.rules.all()).filter((rule) =>
      matches(rule, active.kind, subject),
    );
    for (const alert of open) {
      if (!rules.some((rule) => rule.id === alert.ruleId)) {
        await this.resolve(
          alert,
          `${signal.message} (now ${signal.kind}, which its rule does not cover)`,
        );
      }
    }
    const title = await this.titleOf(active);
    for (const rule of rules) {
      const existing = open.find((alert) => alert.ruleId === rule.id);
      if (existing) {
        if (existing.kind !== active.kind) {
          const row = await this.deps.alerts.updateAlert(existing.id, {
            kind: active.kind,
            title,
            message: active.message,
            updatedAt: this.deps.clock.now(),
          });
          await this.trail([existing.id], `Now ${active.kind}: ${active.message}`);
          this.publish(row!);
        }
        continue;
      }
      await this.begin(rule, active, title);
    }
  }

  /**
   * A container's last output, read after its die or oom was told: added to the alert's
   * message while that message has not gone out yet (a group's wait is usually longer).
   */
  private async onEventUpdated(event: Event): Promise<void> {
    const logs = event.data?.logs;
    if (!Array.isArray(logs) || logs.length === 0) return;
    const tail = logs.slice(-OUTPUT_LINES).map((line) => String(line).slice(0, 200));
    for (const alert of await this.deps.alerts.openFor(`event:${event.id}`)) {
      // Once told, a one-off is resolved and no longer open: its lines stay on the timeline.
      if (alert.toldFiring === 1) continue;
      const row = await this.deps.alerts.updateAlert(alert.id, {
        message: `${alert.message}\nLast output:\n${tail.join('\n')}`,
        updatedAt: this.deps.clock.now(),
      });
      await this.trail([alert.id], `Added the last ${tail.length} lines of output to the message`);
      this.publish(row!);
    }
  }

  private async onDeleted(resource: 'service' | 'check', id: number): Promise<void> {
    const open =
      resource === 'check'
        ? await this.deps.alerts.openFor(`check:${id}`)
        : await this.deps.alerts.openForService(id);
    for (const alert of open) {
      await this.resolve(alert, `its ${resource} was deleted`, resource === 'service');
    }
  }

  private async begin(rule: Rule, signal: Signal & { kind: string }, title: string): Promise<void> {
    const now = this.deps.clock.now();
    const firesAt = signal.oneShot ? signal.at : signal.at + rule.forSeconds * 1000;
    const row = await this.deps.alerts.insertAlert({
      ruleId: rule.id,
      ruleName: rule.name,
      groupKey: `rule:${rule.id}`,
      subject: signal.subject,
      kind: signal.kind,
      state: 'pending',
      title,
      message: signal.message,
      serviceId: signal.serviceId,
      checkId: signal.checkId,
      foldKey: signal.foldKey,
      startedAt: signal.at,
      firesAt,
      firedAt: null,
      resolvedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      updatedAt: now,
    });
    await this.trail([row.id], `Began under rule "${rule.name}": ${signal.message}`);
    if (firesAt > now) {
      await this.trail(
        [row.id],
        `Waiting: the rule wants it to last ${rule.forSeconds} s before it fires`,
      );
      this.publish(row);
    } else {
      await this.fire(row, rule);
    }
  }

  private async fire(alert: AlertRow, rule: Rule): Promise<void> {
    const now = this.deps.clock.now();
    const row = await this.deps.alerts.updateAlert(alert.id, {
      state: 'firing',
      firedAt: now,
      updatedAt: now,
    });
    this.publish(row!);
    await this.schedule(rule, [alert.id]);
    await this.onTimeline(row!, `Alert fired: ${row!.title}`);
  }

  /** Puts alerts in their rule's group and says when the group's next message is due. */
  private async schedule(rule: Rule, alertIds: number[]): Promise<void> {
    const now = this.deps.clock.now();
    const key = `rule:${rule.id}`;
    const group = await this.deps.alerts.findGroup(key);
    if (!group) {
      const nextFlushAt = now + rule.groupWaitSeconds * 1000;
      await this.deps.alerts.saveGroup({
        key,
        ruleId: rule.id,
        nextFlushAt,
        lastFlushAt: null,
        lastRemindedAt: null,
        createdAt: now,
      });
      await this.trail(
        alertIds,
        `Fired; grouped under "${rule.name}": waiting ${rule.groupWaitSeconds} s (group wait) for others to join`,
      );
    } else if (group.nextFlushAt === null) {
      const nextFlushAt = Math.max(
        now,
        (group.lastFlushAt ?? now) + Math.max(MIN_INTERVAL_MS, rule.groupIntervalSeconds * 1000),
      );
      await this.deps.alerts.saveGroup({ ...group, nextFlushAt });
      await this.trail(
        alertIds,
        `Fired; grouped: next message at ${iso(nextFlushAt)} (group interval)`,
      );
    } else {
      await this.trail(
        alertIds,
        `Fired; grouped: joins the message due at ${iso(group.nextFlushAt)}`,
      );
    }
  }

  /** `serviceGone`: its service was deleted, so its timeline is gone with it. */
  private async resolve(alert: AlertRow, why: string, serviceGone = false): Promise<void> {
    const now = this.deps.clock.now();
    const wasFiring = alert.state === 'firing';
    const toldNobody = !wasFiring || alert.toldFiring === 0;
    const row = await this.deps.alerts.updateAlert(alert.id, {
      state: 'resolved',
      resolvedAt: now,
      updatedAt: now,
      // Nobody heard it fire: there is nobody to tell it is over.
      ...(toldNobody ? { toldResolved: 1 } : {}),
    });
    if (!wasFiring) {
      await this.trail(
        [alert.id],
        `Cleared after ${seconds(now - alert.startedAt)}, before it was due to fire: nothing sent. ${why}`,
      );
    } else if (toldNobody) {
      await this.trail(
        [alert.id],
        `Resolved before any message about it went out: nothing sent. ${why}`,
      );
    } else {
      await this.trail([alert.id], `Resolved: ${why}`);
    }
    this.publish(row!);
    // A one-off (a container died) is over once told: only a lasting condition recovers.
    if (wasFiring && !isOneShot(alert) && !serviceGone) {
      await this.onTimeline(row!, `Alert resolved: ${row!.title}`);
    }
  }

  /** A firing or resolved alert on its service's timeline, beside what caused it. */
  private async onTimeline(alert: AlertRow, message: string): Promise<void> {
    // Best effort: the alert's own state and messages must not hang on its timeline entry.
    await this.deps.events
      .record({
        type: 'alert',
        serviceId: alert.serviceId,
        checkId: alert.checkId,
        message,
        at: this.deps.clock.now(),
        data: { alertId: alert.id, state: alert.state, kind: alert.kind, ruleName: alert.ruleName },
      })
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error, alertId: alert.id }, 'alert not put on the timeline');
      });
  }

  private async tick(): Promise<void> {
    const now = this.deps.clock.now();
    const due = await this.deps.alerts.dueToFire(now);
    if (due.length > 0) {
      const rules = new Map((await this.deps.rules.all()).map((r) => [r.id, r]));
      for (const alert of due) {
        const rule = alert.ruleId === null ? undefined : rules.get(alert.ruleId);
        if (rule) await this.fire(alert, rule);
        else await this.resolve(alert, 'its rule was deleted');
      }
    }
    for (const group of await this.deps.alerts.dueGroups(now)) {
      if (await this.deps.alerts.claimGroup(group.key, group.nextFlushAt!)) await this.flush(group);
    }
  }

  private async flush(group: AlertGroupRow): Promise<void> {
    const { alerts } = this.deps;
    const now = this.deps.clock.now();
    const rule = (await this.deps.rules.all()).find((r) => r.id === group.ruleId);
    const rows = await alerts.ofGroup(group.key);
    if (!rule) {
      await alerts.deleteGroup(group.key);
      return;
    }
    const firing = rows.filter((a) => a.state === 'firing');
    const pending = rows.filter((a) => a.state === 'pending');
    const resolved = rows.filter((a) => a.state === 'resolved' && a.toldResolved === 0);

    // Who is left to tell: not folded into an engine's outage, not silenced or in maintenance.
    const parents = await alerts.firingSubjects([
      ...new Set(firing.flatMap((a) => (a.foldKey ? [a.foldKey] : []))),
    ]);
    const held: { id: number; text: string }[] = [];
    const active: AlertRow[] = [];
    for (const alert of firing) {
      if (alert.foldKey && parents.has(alert.foldKey)) {
        const [kind, id] = alert.foldKey.split(':');
        held.push({
          id: alert.id,
          text: `Suppressed: folded into the alert that ${kind} #${id} is unreachable`,
        });
        continue;
      }
      const muted = await this.deps.mutes.mutedBy(alert);
      if (muted) held.push({ id: alert.id, text: `Not sent: ${muted}` });
      else active.push(alert);
    }
    await this.trailOnce(held);

    const fresh = active.filter((a) => a.toldFiring === 0);
    const unacknowledged = active.filter((a) => a.toldFiring === 1 && a.acknowledgedAt === null);
    const repeatMs = rule.repeatIntervalSeconds * 1000;
    const remind =
      fresh.length === 0 &&
      repeatMs > 0 &&
      unacknowledged.length > 0 &&
      now - (group.lastRemindedAt ?? 0) >= repeatMs;

    const sendsRecoveries = rule.events.includes('recovered');
    const told = sendsRecoveries ? await alerts.toldChannels(resolved.map((a) => a.id)) : [];
    if (!sendsRecoveries && resolved.length > 0) {
      await this.trail(
        resolved.map((a) => a.id),
        'Resolved; the rule does not ask for recovery messages',
      );
    }

    const channels = new Map((await this.deps.channels.storedAll()).map((c) => [c.id, c]));
    const targets = new Set([...rule.channelIds, ...told.map((t) => t.channelId)]);
    let queued = 0;
    let remindedNow = false;
    for (const channelId of targets) {
      const channel = channels.get(channelId);
      const inRule = rule.channelIds.includes(channelId);
      const recovered = resolved.filter((a) =>
        told.some((t) => t.alertId === a.id && t.channelId === channelId),
      );
      let firingHere = !inRule ? [] : fresh.length > 0 ? active : remind ? unacknowledged : [];
      if (firingHere.length === 0 && recovered.length === 0) continue;
      if (!channel || !channel.enabled) {
        await this.trail(
          [...firingHere, ...recovered].map((a) => a.id),
          `Not sent to channel #${channelId}: ${channel ? `"${channel.name}" is disabled` : 'it was deleted'}`,
        );
        continue;
      }
      if (firingHere.length > 0 && (await this.overLimit(channel, now))) {
        await this.trail(
          firingHere.map((a) => a.id),
          `Rate-limited: "${channel.name}" has had its ${channel.maxPerHour} messages this hour`,
        );
        firingHere = [];
        if (recovered.length === 0) continue;
      }
      const kind: NotificationKind =
        firingHere.length === 0 ? 'resolved' : fresh.length > 0 ? 'firing' : 'reminder';
      await this.writeOutbox(channel, kind, rule, group.key, firingHere, recovered, now);
      if (kind === 'reminder') remindedNow = true;
      queued++;
    }

    await alerts.markTold(
      fresh.map((a) => a.id),
      { toldFiring: 1 },
    );
    await alerts.markTold(
      resolved.map((a) => a.id),
      { toldResolved: 1 },
    );
    // A one-off (a container died) has been told, or decided against (muted, or folded into
    // its engine's outage): either way it is over, and is not told later.
    let stillFiring = firing.length;
    for (const alert of firing.filter(isOneShot)) {
      const row = await alerts.updateAlert(alert.id, {
        state: 'resolved',
        resolvedAt: now,
        toldResolved: 1,
        updatedAt: now,
      });
      this.publish(row!);
      stillFiring--;
    }

    if (stillFiring + pending.length === 0) {
      // An empty group starts over: the next alert waits the group wait again.
      await alerts.deleteGroup(group.key);
    } else {
      await alerts.saveGroup({
        ...group,
        nextFlushAt: now + Math.max(MIN_INTERVAL_MS, rule.groupIntervalSeconds * 1000),
        lastFlushAt: now,
        lastRemindedAt: fresh.length > 0 || remindedNow ? now : group.lastRemindedAt,
      });
    }
    if (queued > 0) this.deps.queued();
  }

  private async overLimit(channel: StoredChannel, now: number): Promise<boolean> {
    if (channel.maxPerHour === 0) return false;
    return (await this.deps.alerts.countSince(channel.id, now - HOUR_MS)) >= channel.maxPerHour;
  }

  /** Writes one notification to the outbox, naming the alerts it tells of. */
  private async writeOutbox(
    channel: StoredChannel,
    kind: NotificationKind,
    rule: Rule,
    groupKey: string,
    firing: AlertRow[],
    recovered: AlertRow[],
    now: number,
  ): Promise<void> {
    const idempotencyKey = randomUUID();
    const message: AlertMessage = {
      kind,
      title: headline(kind, firing, recovered),
      rule: rule.name,
      alerts: [
        ...firing.map((a) => messageAlert(a, 'firing')),
        ...recovered.map((a) => messageAlert(a, 'resolved')),
      ],
      idempotencyKey,
      createdAt: iso(now),
    };
    const ids = [...firing, ...recovered].map((a) => a.id);
    const row = await this.deps.alerts.queue(
      {
        groupKey,
        channelId: channel.id,
        channelName: channel.name,
        kind,
        status: 'pending',
        idempotencyKey,
        payload: JSON.stringify(message),
        nextAttemptAt: now,
        leaseUntil: null,
        createdAt: now,
        sentAt: null,
      },
      ids,
    );
    const others = ids.length - 1;
    await this.trail(
      ids,
      `Queued ${kind} message #${row.id} to "${channel.name}"${others > 0 ? ` with ${others} other alert${others > 1 ? 's' : ''}` : ''}`,
    );
  }
}

function messageAlert(row: AlertRow, state: 'firing' | 'resolved'): MessageAlert {
  return {
    id: row.id,
    state,
    kind: row.kind,
    title: row.title,
    message: row.message,
    serviceId: row.serviceId,
    checkId: row.checkId,
    startedAt: iso(row.startedAt),
    resolvedAt: row.resolvedAt === null ? null : iso(row.resolvedAt),
  };
}

function headline(kind: NotificationKind, firing: AlertRow[], recovered: AlertRow[]): string {
  const list = (rows: AlertRow[]) =>
    rows.length === 1
      ? rows[0]!.title
      : `${rows.length} alerts: ${rows
          .slice(0, 3)
          .map((r) => r.title)
          .join(', ')}${rows.length > 3 ? ', …' : ''}`;
  const parts = [];
  if (firing.length > 0) parts.push(list(firing));
  if (recovered.length > 0)
    parts.push(`${firing.length > 0 ? 'resolved: ' : ''}${list(recovered)}`);
  return `[${HEADLINE[kind]}] ${parts.join('; ')}`;
}
