import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, eventually, startTestHub, type TestHub } from './harness.ts';
import { DOWN, quiet, quietCheck, startReceiver, UP, type HttpReceiver } from './receivers.ts';

/**
 * An alert storm: 500 failures across 50 checks in well under a minute, a fifth of them
 * flapping. The rules allow one message per channel when it starts and one when it ends,
 * and that is exactly what arrives.
 */
describe.each(backends())('an alert storm on %s', (backend) => {
  let t: TestHub;
  let open: HttpReceiver;
  let limited: HttpReceiver;

  beforeAll(async () => {
    t = await startTestHub(backend);
    open = await startReceiver();
    limited = await startReceiver();
  });
  afterAll(async () => {
    await t?.close();
    await open?.stop();
    await limited?.stop();
  });

  it('sends one message per channel when it breaks and one when it recovers', async () => {
    const settings = await t.api('PATCH', '/api/v1/settings', {
      flapping: { threshold: 3, windowMinutes: 10 },
    });
    expect(settings.status).toBe(200);
    const channel = async (name: string, url: string, maxPerHour: number) =>
      (
        await t.api('POST', '/api/v1/channels', {
          name,
          type: 'webhook',
          maxPerHour,
          config: { url },
        })
      ).body.id as number;
    const unlimited = await channel('Everything', `${open.url}/all`, 0);
    const onePerHour = await channel('Pager', `${limited.url}/pager`, 1);

    const checks: Awaited<ReturnType<typeof quietCheck>>[] = [];
    for (let i = 0; i < 50; i++) checks.push(await quietCheck(t, `storm-${i}`));
    const rule = await t.api('POST', '/api/v1/rules', {
      name: 'Storm',
      events: ['down', 'flapping', 'recovered'],
      serviceIds: checks.map((c) => c.serviceId),
      channelIds: [unlimited, onePerHour],
      groupWaitSeconds: 2,
      groupIntervalSeconds: 2,
      repeatIntervalSeconds: 0,
    });
    expect(rule.status).toBe(201);

    // 500 failures: forty checks fail ten times in a row, ten alternate and start flapping.
    const started = Date.now();
    let failures = 0;
    for (let round = 0; round < 10; round++) {
      for (const [i, check] of checks.entries()) {
        t.hub.tracker.record(check.checkId, DOWN);
        failures++;
        if (i >= 40 && round < 9) t.hub.tracker.record(check.checkId, UP);
      }
    }
    expect(failures).toBe(500);
    expect(Date.now() - started).toBeLessThan(60_000);
    for (const check of checks.slice(0, 40)) {
      expect(t.hub.tracker.statusOf(check.checkId)).toBe('down');
    }
    for (const check of checks.slice(40)) {
      expect(t.hub.tracker.statusOf(check.checkId)).toBe('flapping');
    }

    const [firing] = await open.waitFor(1);
    const [pagerFiring] = await limited.waitFor(1);
    expect(firing!.json.kind).toBe('firing');
    expect(firing!.json.alerts).toHaveLength(50);
    const kinds = firing!.json.alerts.map((a: { kind: string }) => a.kind);
    expect(kinds.filter((k: string) => k === 'down')).toHaveLength(40);
    expect(kinds.filter((k: string) => k === 'flapping')).toHaveLength(10);
    expect(pagerFiring!.json.alerts).toHaveLength(50);
    await quiet(3000);
    expect(open.requests).toHaveLength(1);
    expect(limited.requests).toHaveLength(1);

    // The brief downs of the flapping checks, cleared within the group wait, were never told.
    const alerts = (await t.api('GET', '/api/v1/alerts?limit=200')).body.results as {
      state: string;
      serviceId: number;
      trail: { text: string }[];
    }[];
    const ours = alerts.filter((a) => checks.some((c) => c.serviceId === a.serviceId));
    expect(ours.filter((a) => a.state === 'firing')).toHaveLength(50);
    const cleared = ours.filter((a) => a.state === 'resolved');
    expect(cleared.length).toBeGreaterThan(0);
    for (const alert of cleared) {
      expect(alert.trail.map((e) => e.text).join('\n')).toMatch(/nothing sent/);
    }

    // Everything recovers; the flapping checks once their changes have aged out.
    const later = Date.now() + 30 * 60_000;
    for (const [i, check] of checks.entries()) {
      t.hub.tracker.record(check.checkId, UP, i >= 40 ? later : Date.now());
    }
    const [, resolved] = await open.waitFor(2);
    const [, pagerResolved] = await limited.waitFor(2);
    expect(resolved!.json.kind).toBe('resolved');
    expect(resolved!.json.alerts).toHaveLength(50);
    // Recoveries pass the pager's hourly limit: it heard the storm begin, so it hears it end.
    expect(pagerResolved!.json.kind).toBe('resolved');
    expect(pagerResolved!.json.alerts).toHaveLength(50);
    await quiet(3000);
    expect(open.requests).toHaveLength(2);
    expect(limited.requests).toHaveLength(2);
    await eventually(
      async () =>
        ((await t.api('GET', '/api/v1/alerts?state=firing')).body.results as unknown[]).length ===
        0,
      5000,
      'no alert left firing',
    );
  });
});
