import type { AuditAction, Event } from '@homehub/contracts';
import { useAudit } from '../api/audit.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { RowsLoading } from '../../../ui/states.tsx';

/** Failures and revocations stand out; routine sign-ins stay quiet. */
const TONE: Partial<Record<AuditAction, string>> = {
  login_failed: 'bg-down',
  refresh_reused: 'bg-down',
  token_revoked: 'bg-degraded',
  user_deleted: 'bg-degraded',
};

function Entry({ event }: { event: Event }) {
  const action = event.data?.action as AuditAction | undefined;
  const ip = typeof event.data?.ip === 'string' ? event.data.ip : null;
  return (
    <li className="flex items-start gap-3 px-4 py-2 text-sm">
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${(action && TONE[action]) ?? 'bg-line-strong'}`}
      />
      <span className="min-w-0 flex-1">
        <span className="block truncate">{event.message}</span>
        {ip && <span className="font-mono text-[11px] text-faint">{ip}</span>}
      </span>
      <RelativeTime at={event.at} className="shrink-0 text-xs text-muted tabular" />
    </li>
  );
}

/** Who signed in, who failed to, and who changed which account or token. */
export function AuditLog() {
  const audit = useAudit(true);
  return (
    <Panel title="Sign-ins and changes">
      {audit.isPending ? (
        <RowsLoading label="Loading the audit trail" rowClass="h-6" />
      ) : audit.isError ? (
        <div className="p-4">
          <FormError error={audit.error} />
        </div>
      ) : audit.data.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted">Nothing yet.</p>
      ) : (
        <ul aria-label="Audit trail" className="divide-y divide-line">
          {audit.data.map((event) => (
            <Entry key={event.id} event={event} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
