import type { Alert } from '@homehub/contracts';
import { Button } from '../../../ui/button.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { CheckIcon } from '../../../ui/icons.tsx';
import { EmptyState, ErrorState, RowsLoading } from '../../../ui/states.tsx';
import { useAcknowledgeAlert, useAlertHistory, useOpenAlerts } from '../api/alerts.ts';

const STATE_STYLE: Record<Alert['state'], string> = {
  firing: 'bg-down-soft text-down',
  pending: 'bg-degraded-soft text-degraded',
  resolved: 'bg-up-soft text-up',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Delivery({ alert }: { alert: Alert }) {
  if (alert.notifications.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-xs">
      {alert.notifications.map((n) => (
        <li key={n.id} className="flex flex-wrap gap-x-2">
          <span className="font-medium">
            {n.kind} → {n.channelName}
          </span>
          <span
            className={
              n.status === 'failed' ? 'text-down' : n.status === 'sent' ? 'text-up' : 'text-muted'
            }
          >
            {n.status}
          </span>
          <span className="text-faint">
            {n.attempts.length} attempt{n.attempts.length === 1 ? '' : 's'}
            {n.attempts.at(-1)?.error ? ` · last: ${n.attempts.at(-1)?.error}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function AlertRow({ alert, canAck }: { alert: Alert; canAck: boolean }) {
  const ack = useAcknowledgeAlert();
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
        <span
          className={`mt-0.5 rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${STATE_STYLE[alert.state]}`}
        >
          {alert.state}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">{alert.title}</p>
          <p className="text-xs text-muted">
            {alert.message} · since <RelativeTime at={alert.startedAt} />
            {alert.resolvedAt && (
              <>
                {' '}
                · resolved <RelativeTime at={alert.resolvedAt} />
              </>
            )}
            {' · '}
            {alert.ruleName}
          </p>
          {alert.acknowledgedBy && (
            <p className="text-xs text-muted">Acknowledged by {alert.acknowledgedBy}</p>
          )}
        </div>
        {canAck && alert.state !== 'resolved' && !alert.acknowledgedAt && (
          <Button onClick={() => ack.mutate(alert.id)} disabled={ack.isPending}>
            <CheckIcon size={14} /> Acknowledge
          </Button>
        )}
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-muted select-none hover:text-ink">
          Why: {plural(alert.trail.length, 'decision')},{' '}
          {plural(alert.notifications.length, 'message')}
        </summary>
        <ol className="mt-2 space-y-0.5 border-l border-line pl-3 text-xs">
          {alert.trail.map((entry, i) => (
            <li key={i}>
              <span className="text-faint tabular">{new Date(entry.at).toLocaleTimeString()}</span>{' '}
              {entry.text}
            </li>
          ))}
        </ol>
        <Delivery alert={alert} />
      </details>
    </li>
  );
}

const isResolved = (alert: Alert) => alert.state === 'resolved';

function History() {
  const history = useAlertHistory();
  if (history.isPending) return <RowsLoading label="Loading the history" rowClass="h-12" />;
  // A failed "load older" keeps what was loaded: only a failed first page has nothing to show.
  if (history.isError && !history.data) {
    return (
      <div className="p-4">
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      </div>
    );
  }
  // A live change may resolve or reopen an alert before the refetch moves it.
  const past = history.data.pages.flatMap((page) => page.results).filter(isResolved);
  if (past.length === 0)
    return <p className="px-4 py-6 text-sm text-muted">No resolved alert yet.</p>;
  return (
    <>
      <ul className="divide-y divide-line">
        {past.map((alert) => (
          <AlertRow key={alert.id} alert={alert} canAck={false} />
        ))}
      </ul>
      {history.hasNextPage && (
        <div className="flex justify-center border-t border-line p-3">
          <Button
            onClick={() => void history.fetchNextPage()}
            disabled={history.isFetchingNextPage}
          >
            {history.isFetchingNextPage ? 'Loading…' : 'Load older alerts'}
          </Button>
        </div>
      )}
      {history.isFetchNextPageError && (
        <p role="alert" className="px-4 pb-3 text-center text-xs text-down">
          Could not load older alerts: {history.error.message}
        </p>
      )}
    </>
  );
}

/** Firing now on top, then the history page by page; each with why it was (not) sent. */
export function AlertList({ canAck }: { canAck: boolean }) {
  const alerts = useOpenAlerts();
  const history = useAlertHistory();
  if (alerts.isPending) return <RowsLoading label="Loading alerts" rowClass="h-12" />;
  if (alerts.isError) {
    return <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />;
  }
  const open = alerts.data.filter((a) => !isResolved(a));
  const loaded = history.data?.pages.flatMap((page) => page.results).filter(isResolved);
  return (
    <div className="space-y-5">
      {open.length === 0 ? (
        <EmptyState icon={<CheckIcon size={20} />} title="Nothing is firing">
          Alerts show here the moment a rule matches.
        </EmptyState>
      ) : (
        <Panel title="Firing now" count={open.length}>
          <ul className="divide-y divide-line">
            {open.map((alert) => (
              <AlertRow key={alert.id} alert={alert} canAck={canAck} />
            ))}
          </ul>
        </Panel>
      )}
      <Panel title="History" {...(loaded && !history.hasNextPage ? { count: loaded.length } : {})}>
        <History />
      </Panel>
    </div>
  );
}
