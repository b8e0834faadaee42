import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { DOWN, quiet, quietCheck, startReceiver, UP, type HttpReceiver } from './receivers.ts';
import { newAccount } from './accounts.ts';

interface Trail {
  at: string;
  text: string;
}

/**
 * Rules, grouping, recoveries, silences, maintenance and acknowledgements, end to end: real
 * status changes through the state machine, a real webhook receiver, short timers.
 */
describe.each(backends())('alert rules on %s', (backend) => {
  let t: TestHub;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    t = await startTestHub(backend);
  });
  afterAll(() => t?.close());
  afterEach(() => receiver?.stop());

  async function webhook(extra: Record<string, unknown> = {}) {
    receiver = await startReceiver();
    const res = await t.api('POST', '/api/v1/channels', {
      name: `Hook ${Math.random()}`,
      type: 'webhook',
      config: { url: `${receiver.url}/hook` },
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }

  async function rule(body: Record<string, unknown>) {
    const res = await t.api('POST', '/api/v1/rules', {
      name: `Rule ${Math.random()}`,
      events: ['down', 'recovered'],
      groupWaitSeconds: 1,
      groupIntervalSeconds: 1,
      repeatIntervalSeconds: 0,
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  }

  async function alertsOf(serviceId: number) {
    const res = await t.api('GET', `/api/v1/alerts?serviceId=${serviceId}&limit=100`);
    expect(res.status).toBe(200);
    return res.body.results as {
      id: number;
      state: string;
      trail: Trail[];
      notifications: { kind: string; status: string; attempts: unknown[] }[];
      acknowledgedBy: string | null;
    }[];
  }
  const texts = (trail: Trail[]) => trail.map((e) => e.text).join('\n');

  it('sends what fires together as one message, and each recovery once', async () => {
    const channelId = await webhook();
    const a = await quietCheck(t);
    const b = await quietCheck(t);
    const c = await quietCheck(t);
    await rule({ channelIds: [channelId], serviceIds: [a.serviceId, b.serviceId, c.serviceId] });

    for (const check of [a, b, c]) t.hub.tracker.record(check.checkId, DOWN);
    const [firing] = await receiver.waitFor(1);
    expect(firing!.json.kind).toBe('firing');
    expect(firing!.json.alerts.map((x: { title: string }) => x.title).sort()).toEqual(
      [a, b, c].map((x) => `${x.name} is down`).sort(),
    );
    for (const check of [a, b, c]) t.hub.tracker.record(check.checkId, UP);
    const [, resolved] = await receiver.waitFor(2);
    expect(resolved!.json.kind).toBe('resolved');
    expect(resolved!.json.alerts).toHaveLength(3);
    expect(resolved!.json.alerts.every((x: { state: string }) => x.state === 'resolved')).toBe(
      true,
    );
    await quiet(2500);
    expect(receiver.requests).toHaveLength(2);

    const [alert] = await alertsOf(a.serviceId);
    expect(alert!.state).toBe('resolved');
    expect(alert!.notifications.map((n) => `${n.kind}:${n.status}`)).toEqual([
      'firing:sent',
      'resolved:sent',
    ]);
    expect(alert!.notifications[0]!.attempts).toHaveLength(1);
    expect(texts(alert!.trail)).toMatch(/grouped under .*waiting 1 s \(group wait\)/);
    expect(texts(alert!.trail)).toMatch(/with 2 other alerts/);
    expect(texts(alert!.trail)).toMatch(/Sent the firing message/);
    expect(texts(alert!.trail)).toMatch(/Sent the resolved message/);
  });

  it('waits for a state to last the rule’s `for` before firing', async () => {
    const channelId = await webhook();
    const check = await quietCheck(t);
    await rule({ channelIds: [channelId], checkIds: [check.checkId], forSeconds: 2 });

    t.hub.tracker.record(check.checkId, DOWN);
    await quiet(300);
    t.hub.tracker.record(check.checkId, UP);
    await quiet(3500);
    expect(receiver.requests).toHaveLength(0);
    const [short] = await alertsOf(check.serviceId);
    expect(texts(short!.trail)).toMatch(/before it was due to fire: nothing sent/);

    const downAt = Date.now();
    t.hub.tracker.record(check.checkId, DOWN);
    const [firing] = await receiver.waitFor(1, 8000);
    expect(Date.now() - downAt).toBeGreaterThanOrEqual(2000);
    expect(firing!.json.kind).toBe('firing');
  });

  it('mutes a silenced check, yet tells whoever heard it fire that it recovered', async () => {
    const channelId = await webhook();
    const quietOne = await quietCheck(t);
    const loud = await quietCheck(t);
    await rule({ channelIds: [channelId], serviceIds: [quietOne.serviceId, loud.serviceId] });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const silence = await t.api('POST', '/api/v1/silences', {
      serviceIds: [quietOne.serviceId],
      comment: 'upgrading',
      endsAt: until,
    });
    expect(silence.status).toBe(201);
    expect(silence.body).toMatchObject({ active: true, createdBy: 'admin@example.com' });

    t.hub.tracker.record(quietOne.checkId, DOWN);
    t.hub.tracker.record(loud.checkId, DOWN);
    const [firing] = await receiver.waitFor(1);
    expect(firing!.json.alerts.map((x: { serviceId: number }) => x.serviceId)).toEqual([
      loud.serviceId,
    ]);
    const [muted] = await alertsOf(quietOne.serviceId);
    expect(texts(muted!.trail)).toContain(
      `Not sent: silenced by silence #${silence.body.id} (upgrading)`,
    );

    // The loud one is silenced after it was told: its recovery still goes out.
    const late = await t.api('POST', '/api/v1/silences', {
      serviceIds: [loud.serviceId],
      endsAt: until,
    });
    expect(late.status).toBe(201);
    t.hub.tracker.record(loud.checkId, UP);
    const [, resolved] = await receiver.waitFor(2);
    expect(resolved!.json.kind).toBe('resolved');
    expect(resolved!.json.alerts[0].serviceId).toBe(loud.serviceId);
    // The muted one was never told: its recovery is not either.
    t.hub.tracker.record(quietOne.checkId, UP);
    await quiet(2500);
    expect(receiver.requests).toHaveLength(2);
  });

  it('mutes what a maintenance window covers, weekly or once, and says when one is active', async () => {
    const channelId = await webhook();
    const check = await quietCheck(t);
    await rule({ channelIds: [channelId], serviceIds: [check.serviceId] });
    const now = new Date();
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][now.getUTCDay()];
    const hhmm = (d: Date) =>
      `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    const weekly = await t.api('POST', '/api/v1/maintenance', {
      name: 'Nightly backup',
      kind: 'weekly',
      serviceIds: [check.serviceId],
      days: [day],
      startTime: hhmm(new Date(now.getTime() - 60_000)),
      durationMinutes: 30,
      timezone: 'UTC',
    });
    expect(weekly.status, JSON.stringify(weekly.body)).toBe(201);
    expect(weekly.body.active).toBe(true);
    const later = await t.api('POST', '/api/v1/maintenance', {
      name: 'Next week',
      kind: 'once',
      startsAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      endsAt: new Date(now.getTime() + 8 * 86_400_000).toISOString(),
    });
    expect(later.body.active).toBe(false);
    const bad = await t.api('POST', '/api/v1/maintenance', { name: 'x', kind: 'weekly' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['days', 'durationMinutes', 'startTime']);

    // Inside the window a failure is maintenance: the check and its service show it, the
    // result is kept as maintenance (outside uptime), and nothing fires.
    t.hub.tracker.record(check.checkId, DOWN);
    await eventually(
      async () =>
        (await t.api('GET', `/api/v1/services/${check.serviceId}`)).body.status === 'maintenance',
      5000,
      'the service to show maintenance',
    );
    expect(t.hub.tracker.statusOf(check.checkId)).toBe('maintenance');
    const results = await eventually(
      async () => {
        const res = await t.api('GET', `/api/v1/checks/${check.checkId}/results`);
        return res.body.results?.length === 2 && res.body.results;
      },
      5000,
      'both results',
    );
    expect(results[0]).toMatchObject({ status: 'maintenance', message: 'ECONNREFUSED' });
    // One up before the window, one failure inside it: uptime is untouched by the failure.
    const history = await t.api('GET', `/api/v1/checks/${check.checkId}/history?range=24h`);
    expect(history.body.uptime).toBe(100);
    const total = (key: 'count' | 'up' | 'down') =>
      (history.body.buckets as Record<string, number>[]).reduce((n, b) => n + b[key]!, 0);
    expect([total('count'), total('up'), total('down')]).toEqual([2, 1, 0]);
    await quiet(1000);
    expect(await alertsOf(check.serviceId)).toEqual([]);
    expect(receiver.requests).toHaveLength(0);

    // The window ends (deleted here): the next failure is one, and it goes out.
    await t.api('DELETE', `/api/v1/maintenance/${weekly.body.id}`);
    t.hub.tracker.record(check.checkId, DOWN);
    const [firing] = await receiver.waitFor(1, 5000);
    expect(firing!.json.kind).toBe('firing');
    expect(t.hub.tracker.statusOf(check.checkId)).toBe('down');
  });

  it('selects by group and tag: rules, silences and maintenance windows alike', async () => {
    const bad = await t.api('POST', '/api/v1/services', { name: 'x', tags: ['ok', 'not ok!'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['tags.1']);

    const channelId = await webhook();
    const tag = `critical-${Math.random().toString(36).slice(2, 6)}`;
    const group = `Media ${Math.random().toString(36).slice(2, 6)}`;
    const a = await quietCheck(t, undefined, { group, tags: [tag] });
    const b = await quietCheck(t, undefined, { group });
    const c = await quietCheck(t, undefined, { tags: [tag, 'nas'] });
    const d = await quietCheck(t);
    const service = await t.api('GET', `/api/v1/services/${a.serviceId}`);
    expect(service.body).toMatchObject({ group, tags: [tag] });
    const ruleId = await rule({ channelIds: [channelId], tags: [tag], forSeconds: 0 });
    const renamed = await t.api('PATCH', `/api/v1/rules/${ruleId}`, { name: 'Critical things' });
    expect(renamed.body).toMatchObject({ name: 'Critical things', tags: [tag], enabled: true });
    const off = await t.api('PATCH', `/api/v1/rules/${ruleId}`, { enabled: false });
    expect(
      (await t.api('PATCH', `/api/v1/rules/${ruleId}`, { name: 'Critical' })).body,
    ).toMatchObject({ enabled: false, tags: [tag], groupWaitSeconds: 1 });
    expect(off.status).toBe(200);
    await t.api('PATCH', `/api/v1/rules/${ruleId}`, { enabled: true });

    for (const check of [a, b, c, d]) t.hub.tracker.record(check.checkId, DOWN);
    const [firing] = await receiver.waitFor(1);
    expect(firing!.json.alerts.map((x: { serviceId: number }) => x.serviceId).sort()).toEqual(
      [a.serviceId, c.serviceId].sort(),
    );
    // The alert is on its service's timeline, beside the change that caused it.
    const timeline = await t.api('GET', `/api/v1/events?serviceId=${a.serviceId}&type=alert`);
    expect(timeline.body.results).toHaveLength(1);
    expect(timeline.body.results[0]).toMatchObject({
      type: 'alert',
      message: `Alert fired: ${a.name} is down`,
      data: { state: 'firing', kind: 'down' },
    });
    for (const check of [a, b, c, d]) t.hub.tracker.record(check.checkId, UP);
    await receiver.waitFor(2);
    await eventually(
      async () =>
        (await t.api('GET', `/api/v1/events?serviceId=${a.serviceId}&type=alert`)).body.results
          .length === 2,
      5000,
      'the resolved alert on the timeline',
    );

    // Regrouped and retagged, the service is selected by what it is now.
    await t.api('PATCH', `/api/v1/services/${d.serviceId}`, { tags: [tag] });
    const silence = await t.api('POST', '/api/v1/silences', {
      tags: ['nas'],
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(silence.body).toMatchObject({ tags: ['nas'], groups: [], active: true });
    t.hub.tracker.record(c.checkId, DOWN);
    t.hub.tracker.record(d.checkId, DOWN);
    const [, , second] = await receiver.waitFor(3);
    expect(second!.json.alerts.map((x: { serviceId: number }) => x.serviceId)).toEqual([
      d.serviceId,
    ]);
    const [muted] = await alertsOf(c.serviceId);
    expect(texts(muted!.trail)).toContain(`Not sent: silenced by silence #${silence.body.id}`);
    await t.api('DELETE', `/api/v1/silences/${silence.body.id}`);
    for (const check of [c, d]) t.hub.tracker.record(check.checkId, UP);
    // Only d's recovery: c was never told it fired.
    const [, , , recovered] = await receiver.waitFor(4);
    expect(recovered!.json.alerts.map((x: { serviceId: number }) => x.serviceId)).toEqual([
      d.serviceId,
    ]);

    // A window over the group moves its checks into maintenance as it begins, without
    // waiting for a result, and back to pending as it ends; neither raises an alert.
    const window = await t.api('POST', '/api/v1/maintenance', {
      name: 'Media upgrade',
      kind: 'once',
      groups: [group],
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(window.status, JSON.stringify(window.body)).toBe(201);
    expect(window.body).toMatchObject({ groups: [group], active: true });
    await eventually(
      () =>
        t.hub.tracker.statusOf(a.checkId) === 'maintenance' &&
        t.hub.tracker.statusOf(b.checkId) === 'maintenance',
      8000,
      'the group to enter maintenance',
    );
    expect(t.hub.tracker.statusOf(c.checkId)).toBe('up');
    const ended = await t.api('PATCH', `/api/v1/maintenance/${window.body.id}`, {
      startsAt: new Date(Date.now() - 120_000).toISOString(),
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(ended.body.active).toBe(false);
    // A change names what it changes: the rest of the window stays as it was.
    expect(ended.body).toMatchObject({ name: 'Media upgrade', groups: [group], kind: 'once' });
    await eventually(
      () => t.hub.tracker.statusOf(a.checkId) === 'pending',
      8000,
      'the group to leave maintenance',
    );
    // The status changes are written in order behind the state machine: wait for them.
    const messages = await eventually(
      async () => {
        const res = await t.api('GET', `/api/v1/events?serviceId=${b.serviceId}`);
        const latest = res.body.results.slice(0, 2).map((e: { message: string }) => e.message);
        return latest[0]?.includes('ended') && latest;
      },
      5000,
      'the window’s two changes on the timeline',
    );
    expect(messages).toEqual([
      'job: The maintenance window ended; waiting for the next result',
      'job: A maintenance window began',
    ]);
    t.hub.tracker.record(a.checkId, UP);
    expect(t.hub.tracker.statusOf(a.checkId)).toBe('up');
    await quiet(1500);
    expect(receiver.requests).toHaveLength(4);
  });

  it('reminds while firing until an operator acknowledges', async () => {
    const channelId = await webhook();
    const check = await quietCheck(t);
    await rule({ channelIds: [channelId], checkIds: [check.checkId], repeatIntervalSeconds: 1 });
    t.hub.tracker.record(check.checkId, DOWN);
    await receiver.waitFor(2, 6000);
    expect(receiver.requests[1]!.json.kind).toBe('reminder');

    const [alert] = await alertsOf(check.serviceId);
    const viewer = await newAccount(t, 'viewer');
    const operator = await newAccount(t, 'operator');
    const denied = await t.api('POST', `/api/v1/alerts/${alert!.id}/ack`, {}, viewer.token);
    expect(denied.status).toBe(403);
    const ack = await t.api('POST', `/api/v1/alerts/${alert!.id}/ack`, {}, operator.token);
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedBy).toBe(operator.email);
    expect(texts(ack.body.trail)).toContain(`Acknowledged by ${operator.email}`);
    await quiet(1500);
    const seen = receiver.requests.length;
    await quiet(2500);
    expect(receiver.requests).toHaveLength(seen);

    t.hub.tracker.record(check.checkId, UP);
    await receiver.waitFor(seen + 1);
    expect(receiver.requests.at(-1)!.json.kind).toBe('resolved');
    const again = await t.api('POST', `/api/v1/alerts/${alert!.id}/ack`, {}, operator.token);
    expect(again.status).toBe(409);
  });

  it('holds a channel to its hourly limit, recoveries excepted', async () => {
    const channelId = await webhook({ maxPerHour: 1 });
    const first = await quietCheck(t);
    const second = await quietCheck(t);
    await rule({ channelIds: [channelId], serviceIds: [first.serviceId, second.serviceId] });

    t.hub.tracker.record(first.checkId, DOWN);
    await receiver.waitFor(1);
    t.hub.tracker.record(second.checkId, DOWN);
    await eventually(
      async () =>
        texts((await alertsOf(second.serviceId))[0]?.trail ?? []).includes('Rate-limited'),
      5000,
      'the rate limit',
    );
    t.hub.tracker.record(first.checkId, UP);
    const [, resolved] = await receiver.waitFor(2);
    expect(resolved!.json.kind).toBe('resolved');
    expect(resolved!.json.alerts.map((x: { serviceId: number }) => x.serviceId)).toEqual([
      first.serviceId,
    ]);
    await quiet(1500);
    expect(receiver.requests).toHaveLength(2);
  });

  it('folds the alerts of everything on an unreachable engine into one', async () => {
    const channelId = await webhook();
    await rule({
      channelIds: [channelId],
      events: ['engine_unreachable', 'container_died', 'recovered'],
    });
    const engineId = 4242;
    const at = () => new Date().toISOString();
    const event = (id: number, type: string, message: string, data: Record<string, unknown>) =>
      t.hub.bus.publish({
        type: 'event',
        at: at(),
        data: {
          id,
          type: type as 'engine',
          serviceId: null,
          checkId: null,
          fromStatus: null,
          toStatus: null,
          message,
          data,
          at: at(),
        },
      });
    event(900_001, 'engine', 'Docker engine nas is unreachable: ECONNREFUSED', {
      engineId,
      state: 'unreachable',
    });
    for (let i = 0; i < 5; i++) {
      event(900_010 + i, 'container', `app-${i} exited with code 137`, {
        engineId,
        action: 'die',
        exitCode: 137,
        name: `app-${i}`,
      });
    }
    const [firing] = await receiver.waitFor(1);
    expect(firing!.json.alerts).toHaveLength(1);
    expect(firing!.json.alerts[0].title).toBe(`Docker engine #${engineId} is unreachable`);
    await quiet(1500);
    expect(receiver.requests).toHaveLength(1);
    const all = (await t.api('GET', '/api/v1/alerts?limit=50')).body.results as {
      kind: string;
      trail: Trail[];
    }[];
    const folded = all.filter((a) => a.kind === 'container_died');
    expect(folded).toHaveLength(5);
    for (const alert of folded) {
      expect(texts(alert.trail)).toContain(
        `Suppressed: folded into the alert that engine #${engineId} is unreachable`,
      );
    }

    event(900_100, 'engine', 'Docker engine nas connected', { engineId, state: 'connected' });
    const [, resolved] = await receiver.waitFor(2);
    expect(resolved!.json.kind).toBe('resolved');
    expect(resolved!.json.alerts).toHaveLength(1);
  });

  it('adds a container’s last output, read after its die was told, to the alert’s message', async () => {
    const channelId = await webhook();
    const check = await quietCheck(t);
    await rule({
      channelIds: [channelId],
      serviceIds: [check.serviceId],
      events: ['container_died'],
      groupWaitSeconds: 2,
    });
    const event = {
      id: 950_001,
      type: 'container' as const,
      serviceId: check.serviceId,
      checkId: null,
      fromStatus: null,
      toStatus: null,
      message: 'db exited with code 1',
      data: { action: 'die', exitCode: 1, name: 'db' } as Record<string, unknown>,
      at: new Date().toISOString(),
    };
    t.hub.bus.publish({ type: 'event', at: event.at, data: event });
    const logs = Array.from({ length: 14 }, (_, i) => `log line ${i + 1}`);
    t.hub.bus.publish({
      type: 'event_updated',
      at: event.at,
      data: { ...event, data: { ...event.data, logs } },
    });
    const [firing] = await receiver.waitFor(1, 8000);
    expect(firing!.json.alerts).toHaveLength(1);
    // The last ten lines, under the event's own words.
    expect(firing!.json.alerts[0].message).toBe(
      `db exited with code 1\nLast output:\n${logs.slice(-10).join('\n')}`,
    );
    const [alert] = await alertsOf(check.serviceId);
    expect(texts(alert!.trail)).toContain('Added the last 10 lines of output to the message');
  });

  it('ends the alerts of a deleted service, telling whoever heard them fire', async () => {
    const channelId = await webhook();
    const check = await quietCheck(t);
    const second = await t.api('POST', '/api/v1/checks', {
      serviceId: check.serviceId,
      name: 'second job',
      type: 'push',
      intervalSeconds: 86_400,
      config: {},
    });
    const secondId = second.body.id as number;
    await eventually(() => t.hub.tracker.statusOf(secondId) !== undefined, 3000, 'tracking');
    await rule({ channelIds: [channelId], serviceIds: [check.serviceId] });
    t.hub.tracker.record(check.checkId, DOWN);
    t.hub.tracker.record(secondId, DOWN);
    const [firing] = await receiver.waitFor(1);
    expect(firing!.json.alerts).toHaveLength(2);
    expect((await t.api('DELETE', `/api/v1/services/${check.serviceId}`)).status).toBe(204);
    const [, resolved] = await receiver.waitFor(2);
    expect(resolved!.json.kind).toBe('resolved');
    expect(resolved!.json.alerts).toHaveLength(2);
    const alerts = await alertsOf(check.serviceId);
    expect(alerts.map((a) => a.state)).toEqual(['resolved', 'resolved']);
    expect(texts(alerts[0]!.trail)).toContain('Resolved: its service was deleted');
  });

  it('forgets resolved alerts and their messages past the retention, never a firing one', async () => {
    const channelId = await webhook();
    const gone = await quietCheck(t);
    const firing = await quietCheck(t);
    await rule({ channelIds: [channelId], serviceIds: [gone.serviceId, firing.serviceId] });
    t.hub.tracker.record(gone.checkId, DOWN);
    t.hub.tracker.record(firing.checkId, DOWN);
    await receiver.waitFor(1);
    t.hub.tracker.record(gone.checkId, UP);
    await receiver.waitFor(2);
    const [resolved] = await alertsOf(gone.serviceId);
    expect(resolved!.state).toBe('resolved');
    const test = await t.api('POST', '/api/v1/alerts/test', { channelId });
    expect(test.body.ok).toBe(true);

    // Nothing is old enough yet.
    expect(await t.hub.alerts.sweep()).toEqual({ alerts: 0, notifications: 0 });
    const yearLater = Date.now() + 366 * 86_400_000;
    const deleted = await t.hub.alerts.sweep(yearLater);
    expect(deleted.alerts).toBeGreaterThanOrEqual(1);
    expect(await alertsOf(gone.serviceId)).toEqual([]);
    const [still] = await alertsOf(firing.serviceId);
    expect(still!.state).toBe('firing');
    // Its firing message stays with it; the resolved message, the test and their attempts go.
    expect(still!.notifications.map((n) => n.kind)).toEqual(['firing']);
    const tests = await t.database.db
      .selectFrom('alertNotifications')
      .where('kind', '=', 'test')
      .select('id')
      .execute();
    expect(tests).toEqual([]);
    const orphans = await t.database.db
      .selectFrom('alertTrail')
      .leftJoin('alerts', 'alerts.id', 'alertTrail.alertId')
      .where('alerts.id', 'is', null)
      .select('alertTrail.id')
      .execute();
    expect(orphans).toEqual([]);
    const attemptsLeft = await t.database.db
      .selectFrom('alertAttempts')
      .leftJoin('alertNotifications', 'alertNotifications.id', 'alertAttempts.notificationId')
      .where('alertNotifications.id', 'is', null)
      .select('alertAttempts.id')
      .execute();
    expect(attemptsLeft).toEqual([]);
    t.hub.tracker.record(firing.checkId, UP);
  });

  it('keeps rules to admins and silences to operators', async () => {
    const operator = await newAccount(t, 'operator');
    const viewer = await newAccount(t, 'viewer');
    const channelId = await webhook();
    const asOperator = await t.api(
      'POST',
      '/api/v1/rules',
      { name: 'x', events: ['down'], channelIds: [channelId] },
      operator.token,
    );
    expect(asOperator.status).toBe(403);
    const silence = await t.api(
      'POST',
      '/api/v1/silences',
      { endsAt: new Date(Date.now() + 60_000).toISOString() },
      operator.token,
    );
    expect(silence.status).toBe(201);
    const list = await t.api('GET', '/api/v1/silences', undefined, viewer.token);
    expect(list.body.results.some((s: { id: number }) => s.id === silence.body.id)).toBe(true);
    const unknownChannel = await t.api('POST', '/api/v1/rules', {
      name: 'x',
      events: ['down'],
      channelIds: [999999],
    });
    expect(unknownChannel.status).toBe(400);
    expect(unknownChannel.body.fields.channelIds).toBe('No channel with id 999999');
  });
});

describe.each(backends())('ALERT_WEBHOOK_URL on %s', (backend) => {
  it('makes one webhook channel and one rule, however often the hub starts', async () => {
    const url = 'http://127.0.0.1:9/default-hook';
    const t = await startTestHub(backend, { env: { ALERT_WEBHOOK_URL: url } });
    try {
      const { buildHub } = await import('../src/app.ts');
      const again = await buildHub({ config: t.config, database: t.database });
      await again.start();
      await again.close();
      const channels = (await t.api('GET', '/api/v1/channels')).body.results;
      expect(channels).toHaveLength(1);
      expect(channels[0]).toMatchObject({ type: 'webhook', secretsSet: ['url'] });
      const rules = (await t.api('GET', '/api/v1/rules')).body.results;
      expect(rules).toHaveLength(1);
      expect(rules[0].channelIds).toEqual([channels[0].id]);
      expect(rules[0].events).toContain('down');
      expect(rules[0].events).toContain('recovered');
    } finally {
      await t.close();
    }
  });
});
