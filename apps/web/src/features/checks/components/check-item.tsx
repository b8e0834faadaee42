import { useId, useState } from 'react';
import type { Check, Result } from '@homehub/contracts';
import { useDeleteCheck } from '../api/delete-check.ts';
import { useRunCheck } from '../api/run-check.ts';
import { Button } from '../../../ui/button.tsx';
import { CheckKind } from '../../../ui/check-kind.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { PlayIcon, TrashIcon } from '../../../ui/icons.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { StatusBadge } from '../../../ui/status-badge.tsx';
import { CheckForm, PushUrl } from './check-form.tsx';
import { checkSchedule, checkTarget } from './check-summary.ts';
import { formatLatency } from '../../../lib/format.ts';

function ResultLine({ result, label }: { result: Result; label: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted">
      <span className="text-faint">{label}</span>
      <StatusBadge status={result.status} />
      <span className="tabular text-ink">{formatLatency(result.latencyMs)}</span>
      {result.message && <span className="min-w-0 truncate">{result.message}</span>}
      <RelativeTime at={result.at} className="text-faint" />
    </p>
  );
}

export function CheckItem({ check, canOperate }: { check: Check; canOperate: boolean }) {
  const run = useRunCheck();
  const remove = useDeleteCheck(check.serviceId);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const id = useId();
  const schedule = checkSchedule(check);

  return (
    <li
      data-testid="check-item"
      aria-label={check.name}
      className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start"
    >
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={check.status} variant="pill" />
          <span className="font-medium">{check.name}</span>
          <CheckKind type={check.type} />
          {!check.enabled && <span className="text-xs text-faint">(disabled)</span>}
        </div>
        <p className="truncate font-mono text-xs text-ink/80" title={checkTarget(check)}>
          {checkTarget(check)}
        </p>
        {schedule && <p className="text-xs text-faint">{schedule}</p>}
        {check.lastResult ? (
          <ResultLine result={check.lastResult} label="Last result" />
        ) : (
          <p className="text-xs text-faint">No result yet</p>
        )}
        {run.data && !(check.lastResult && check.lastResult.at > run.data.at) && (
          <div role="status" aria-label="Run result" className="rounded-md bg-raised px-2 py-1">
            <ResultLine result={run.data} label="Run now" />
          </div>
        )}
        {run.error && (
          <p role="alert" className="text-xs font-medium text-down">
            {run.error.message}
          </p>
        )}
        {/* The URL is as good as a password for this check: only those who may change it see it. */}
        {check.pushUrl && canOperate && (
          <div className="max-w-xl pt-1">
            <PushUrl path={check.pushUrl} id={`${id}-push-url`} usage={false} />
          </div>
        )}
      </div>
      {canOperate && (
        <div className="flex shrink-0 gap-2">
          {check.type !== 'docker' && (
            <Button
              onClick={() => run.mutate(check.id)}
              disabled={run.isPending}
              aria-label={`Run ${check.name} now`}
            >
              <PlayIcon size={13} /> {run.isPending ? 'Running…' : 'Run now'}
            </Button>
          )}
          <Button onClick={() => setEditing(true)} aria-label={`Edit check ${check.name}`}>
            Edit
          </Button>
          <Button
            variant="ghost"
            onClick={() => setConfirming(true)}
            aria-label={`Delete check ${check.name}`}
          >
            <TrashIcon size={15} />
          </Button>
        </div>
      )}
      {canOperate && (
        <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit ${check.name}`}>
          <CheckForm
            serviceId={check.serviceId}
            check={check}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Dialog>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete check "${check.name}"?`}
        confirmLabel="Delete check"
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(check.id, { onSuccess: () => setConfirming(false) })}
      >
        Its results go with it. The service stays.
      </ConfirmDialog>
    </li>
  );
}
