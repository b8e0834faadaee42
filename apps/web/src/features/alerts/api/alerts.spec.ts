import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Alert } from '@homehub/contracts';
import { applyLiveMessage } from '../../live/apply-live-message.ts';
import { alertKeys, replaceAlert, type AlertHistory } from './alerts.ts';

const AT = '2026-01-01T12:00:00.000Z';

function newAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 1,
    ruleId: 1,
    ruleName: 'Everything',
    kind: 'down',
    state: 'firing',
    title: 'Plex is down',
    message: 'ECONNREFUSED',
    serviceId: 1,
    checkId: 1,
    foldKey: null,
    startedAt: AT,
    firedAt: AT,
    resolvedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    trail: [{ at: AT, text: 'Fired' }],
    notifications: [],
    ...overrides,
  };
}

function cacheWith(open: Alert[], pages: Alert[][]) {
  const client = new QueryClient();
  client.setQueryData(alertKeys.open, open);
  client.setQueryData<AlertHistory>(alertKeys.history, {
    pages: pages.map((results, i) => ({ results, next: i < pages.length - 1 ? `?c=${i}` : null })),
    pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
  });
  return client;
}

const change = (alert: Alert) => {
  const { trail: _trail, notifications: _notifications, ...data } = alert;
  return { type: 'alert' as const, at: AT, data };
};

describe('live alert messages', () => {
  it('patch a listed alert in place, trail kept, without refetching', () => {
    const client = cacheWith([newAlert({ id: 5 })], [[newAlert({ id: 3, state: 'resolved' })]]);
    applyLiveMessage(client, change(newAlert({ id: 5, acknowledgedBy: 'ann', trail: [] })));
    const [open] = client.getQueryData<Alert[]>(alertKeys.open)!;
    expect(open).toMatchObject({ id: 5, acknowledgedBy: 'ann', trail: [{ text: 'Fired' }] });
    expect(client.getQueryState(alertKeys.open)?.isInvalidated).toBe(true);
  });

  it('patch an alert on a later history page', () => {
    const client = cacheWith(
      [],
      [[newAlert({ id: 9, state: 'resolved' })], [newAlert({ id: 2, state: 'resolved' })]],
    );
    applyLiveMessage(client, change(newAlert({ id: 2, state: 'resolved', title: 'Renamed' })));
    const history = client.getQueryData<AlertHistory>(alertKeys.history)!;
    expect(history.pages[1]!.results[0]!.title).toBe('Renamed');
    expect(history.pages[0]!.results[0]!.title).toBe('Plex is down');
  });
});

describe('replaceAlert', () => {
  it('swaps the alert in both lists and says whether it found it', () => {
    const client = cacheWith([newAlert({ id: 4 })], [[newAlert({ id: 4, state: 'resolved' })]]);
    const acked = newAlert({ id: 4, acknowledgedBy: 'bob' });
    expect(replaceAlert(client, 4, () => acked)).toBe(true);
    expect(client.getQueryData<Alert[]>(alertKeys.open)![0]).toEqual(acked);
    expect(replaceAlert(client, 99, () => acked)).toBe(false);
  });
});
