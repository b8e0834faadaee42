import { useState } from 'react';
import type { Maintenance, Silence } from '@homehub/contracts';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { ErrorState, RowsLoading } from '../../../ui/states.tsx';
import {
  useDeleteMaintenance,
  useDeleteSilence,
  useMaintenance,
  useSilences,
  useUpdateSilence,
} from '../api/mutes.ts';
import { useServiceLabels } from '../api/services.ts';
import { ClockTime, formatClock } from './clock-time.tsx';
import { EditDeleteButtons, ItemRow, RowBadge } from './item-list.tsx';
import { MaintenanceForm, SilenceForm } from './mute-forms.tsx';
import { describeSelector, serviceNamesOf } from './selector.ts';

/** What a dialog is open for; `item` null: adding one. */
type Open =
  { kind: 'silence'; item: Silence | null } | { kind: 'window'; item: Maintenance | null };

function scheduleOf(w: Maintenance): string {
  if (w.kind === 'weekly') {
    return `${w.days.join(', ')} at ${w.startTime ?? ''} for ${w.durationMinutes ?? 0} min (${w.timezone})`;
  }
  const at = (iso: string | null) => (iso ? formatClock(new Date(iso)) : '?');
  return `${at(w.startsAt)} – ${at(w.endsAt)}`;
}

/** Silences (operators) and maintenance windows (admins): what keeps alerts quiet. */
export function MutesPanel({ operator, admin }: { operator: boolean; admin: boolean }) {
  const silences = useSilences();
  const windows = useMaintenance();
  const services = useServiceLabels();
  const updateSilence = useUpdateSilence();
  const removeSilence = useDeleteSilence();
  const removeWindow = useDeleteMaintenance();
  const [editing, setEditing] = useState<Open | null>(null);
  const [deleting, setDeleting] = useState<Open | null>(null);
  const close = () => setEditing(null);
  const remove = deleting?.kind === 'window' ? removeWindow : removeSilence;
  // Ended silences are history: compared with when the list was fetched, which it is again
  // whenever one is added, changed or ended.
  const current = silences.data?.filter((s) => Date.parse(s.endsAt) > silences.dataUpdatedAt) ?? [];
  return (
    <Panel
      title="Silences and maintenance"
      action={
        <div className="flex flex-wrap gap-2">
          {operator && (
            <Button onClick={() => setEditing({ kind: 'silence', item: null })}>
              <PlusIcon size={14} /> Silence
            </Button>
          )}
          {admin && (
            <Button onClick={() => setEditing({ kind: 'window', item: null })}>
              <PlusIcon size={14} /> Maintenance window
            </Button>
          )}
        </div>
      }
    >
      {silences.isPending || windows.isPending ? (
        <RowsLoading label="Loading silences" />
      ) : silences.isError || windows.isError ? (
        <div className="p-4">
          <ErrorState
            error={silences.error ?? windows.error}
            onRetry={() => {
              void silences.refetch();
              void windows.refetch();
            }}
          />
        </div>
      ) : current.length === 0 && windows.data.length === 0 ? (
        <p className="px-4 py-6 text-sm text-muted">Nothing is muted.</p>
      ) : (
        <ul className="divide-y divide-line">
          {current.map((s) => {
            const what = describeSelector(s);
            return (
              <ItemRow
                key={`s${s.id}`}
                title={
                  <>
                    <span title={serviceNamesOf(s, services.data)}>Silence: {what}</span>
                    {s.active ? (
                      <RowBadge tone="maintenance">active</RowBadge>
                    ) : (
                      <RowBadge>
                        from <ClockTime at={s.startsAt} />
                      </RowBadge>
                    )}
                  </>
                }
                actions={
                  operator && (
                    <>
                      {s.active && (
                        <Button
                          variant="ghost"
                          aria-label={`End silence ${what} now`}
                          disabled={updateSilence.isPending}
                          onClick={() =>
                            updateSilence.mutate({ id: s.id, endsAt: new Date().toISOString() })
                          }
                        >
                          End now
                        </Button>
                      )}
                      <EditDeleteButtons
                        name={`silence ${what}`}
                        onEdit={() => setEditing({ kind: 'silence', item: s })}
                        onDelete={() => setDeleting({ kind: 'silence', item: s })}
                      />
                    </>
                  )
                }
              >
                <p className="text-xs text-muted">
                  until <ClockTime at={s.endsAt} /> · by {s.createdBy}
                  {s.comment ? ` · ${s.comment}` : ''}
                </p>
              </ItemRow>
            );
          })}
          {windows.data.map((w) => (
            <ItemRow
              key={`m${w.id}`}
              title={
                <>
                  {w.name}
                  {w.active && <RowBadge tone="maintenance">active</RowBadge>}
                </>
              }
              actions={
                admin && (
                  <EditDeleteButtons
                    name={w.name}
                    onEdit={() => setEditing({ kind: 'window', item: w })}
                    onDelete={() => setDeleting({ kind: 'window', item: w })}
                  />
                )
              }
            >
              <p className="text-xs text-muted">{scheduleOf(w)}</p>
              <p className="text-xs text-muted" title={serviceNamesOf(w, services.data)}>
                <span className="text-faint">For </span>
                {describeSelector(w)}
              </p>
            </ItemRow>
          ))}
        </ul>
      )}
      {updateSilence.error && (
        <p role="alert" className="border-t border-line px-4 py-2 text-xs text-down">
          Could not end the silence: {updateSilence.error.message}
        </p>
      )}
      <Dialog
        open={editing !== null}
        onClose={close}
        title={
          editing?.kind === 'window'
            ? editing.item
              ? `Edit ${editing.item.name}`
              : 'Add a maintenance window'
            : editing?.item
              ? 'Edit the silence'
              : 'Silence alerts'
        }
      >
        {editing?.kind === 'silence' && (
          <SilenceForm key={editing.item?.id ?? 'new'} silence={editing.item} onClose={close} />
        )}
        {editing?.kind === 'window' && (
          <MaintenanceForm
            key={editing.item?.id ?? 'new'}
            maintenance={editing.item}
            onClose={close}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={
          deleting?.kind === 'window'
            ? `Delete ${deleting.item?.name ?? 'window'}?`
            : 'Delete the silence?'
        }
        confirmLabel={deleting?.kind === 'window' ? 'Delete window' : 'Delete silence'}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() =>
          deleting?.item && remove.mutate(deleting.item.id, { onSuccess: () => setDeleting(null) })
        }
      >
        {deleting?.kind === 'window'
          ? 'Its checks no longer go into maintenance at its times.'
          : 'Its matching alerts are sent again. To keep a record, end it instead.'}
      </ConfirmDialog>
    </Panel>
  );
}
