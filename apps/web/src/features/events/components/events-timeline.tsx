import { Result, type Check, type Event } from '@homehub/contracts';
import { useServiceEvents } from '../api/get-service-events.ts';
import { formatLatency } from '../../../lib/format.ts';
import { ArrowRightIcon, BellIcon } from '../../../ui/icons.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { StatusBadge } from '../../../ui/status-badge.tsx';
import { StatusDot } from '../../../ui/status-dot.tsx';
import { Skeleton } from '../../../ui/states.tsx';
import { Panel } from '../../../ui/panel.tsx';

const CausingResult = Result.pick({ status: true, latencyMs: true, message: true, at: true });

/** The result that caused a status change, when the event carries one (`data.result`). */
function causeOf(event: Event) {
  const parsed = CausingResult.safeParse(event.data?.result);
  return parsed.success ? parsed.data : null;
}

/** State changes of the service's checks, newest first, each with the result that caused it. */
export function EventsTimeline({
  serviceId,
  checks = [],
}: {
  serviceId: number;
  checks?: readonly Pick<Check, 'id' | 'name'>[];
}) {
  const events = useServiceEvents(serviceId);
  const checkName = (id: number | null) => checks.find((c) => c.id === id)?.name;
  return (
    <Panel title="Timeline">
      {events.isPending ? (
        <div className="space-y-3 p-4">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : events.isError ? (
        <p role="alert" className="px-4 py-6 text-sm text-down">
          Could not load the timeline: {events.error.message}
        </p>
      ) : events.data.length === 0 ? (
        <p className="px-4 py-6 text-sm text-muted">
          Nothing has happened yet. Status changes will show up here.
        </p>
      ) : (
        <ol className="m-0 list-none p-4">
          {events.data.map((event, index) => (
            <li key={event.id} className="relative flex gap-3 pb-4 last:pb-0">
              {index < events.data.length - 1 && (
                <span
                  aria-hidden="true"
                  className="absolute top-4 bottom-0 left-[4.5px] w-px bg-line"
                />
              )}
              <span className="mt-1.5">
                <StatusDot status={event.toStatus ?? dotOf(event)} />
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
                  {event.fromStatus && (
                    <>
                      <StatusBadge status={event.fromStatus} />
                      <ArrowRightIcon size={12} className="text-faint" />
                    </>
                  )}
                  {event.toStatus && <StatusBadge status={event.toStatus} />}
                  {event.type === 'alert' && <AlertMark event={event} />}
                  <RelativeTime at={event.at} className="ml-auto text-xs text-faint" />
                </div>
                <EventDetail event={event} check={checkName(event.checkId)} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

/** An alert's event shows as what it is: fired (red) or resolved (green). */
const dotOf = (event: Event) =>
  event.type !== 'alert' ? 'pending' : event.data?.state === 'resolved' ? 'up' : 'down';

function AlertMark({ event }: { event: Event }) {
  const resolved = event.data?.state === 'resolved';
  return (
    <span
      className={`inline-flex items-center gap-1 text-xs font-semibold ${resolved ? 'text-up' : 'text-down'}`}
    >
      <BellIcon size={12} />
      {resolved ? 'Alert resolved' : 'Alert fired'}
    </span>
  );
}

/** A container's last lines of output, when its event carries them (die, oom, unhealthy). */
function logsOf(event: Event): string[] {
  const logs = event.data?.logs;
  return Array.isArray(logs) ? logs.map(String) : [];
}

function LogTail({ lines }: { lines: string[] }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-muted select-none hover:text-ink">
        Last {lines.length === 1 ? 'line' : `${lines.length} lines`} of output
      </summary>
      <pre className="mt-1 max-h-60 overflow-auto rounded-md border border-line bg-raised p-2 font-mono text-[11px] leading-4 whitespace-pre-wrap text-ink">
        {lines.join('\n')}
      </pre>
    </details>
  );
}

function EventDetail({ event, check }: { event: Event; check: string | undefined }) {
  const cause = causeOf(event);
  const message = cause?.message || event.message;
  const logs = logsOf(event);
  if (!check && !message) return null;
  return (
    <>
      <EventLine check={check} message={message} cause={cause} />
      {logs.length > 0 && <LogTail lines={logs} />}
    </>
  );
}

function EventLine({
  check,
  message,
  cause,
}: {
  check: string | undefined;
  message: string;
  cause: ReturnType<typeof causeOf>;
}) {
  return (
    <p className="mt-0.5 text-xs break-words text-muted">
      {check && <span className="font-medium text-ink">{check}</span>}
      {check && message && <span aria-hidden="true"> · </span>}
      {message}
      {cause?.latencyMs !== null && cause?.latencyMs !== undefined && (
        <span className="tabular text-faint"> · {formatLatency(cause.latencyMs)}</span>
      )}
    </p>
  );
}
