import { useState, type FormEvent } from 'react';
import { WEEKDAYS } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { Button } from '../../../ui/button.tsx';
import { Dialog } from '../../../ui/dialog.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { PlusIcon } from '../../../ui/icons.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { RelativeTime } from '../../../ui/relative-time.tsx';
import { ErrorState, RowsLoading } from '../../../ui/states.tsx';
import {
  useCreateMaintenance,
  useCreateSilence,
  useDeleteMaintenance,
  useDeleteSilence,
  useMaintenance,
  useSilences,
} from '../api/mutes.ts';
import { useServiceNames } from '../api/rules.ts';

function ServiceSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const services = useServiceNames();
  return (
    <SelectField
      id={id}
      label="Services"
      hint="None selected: everything. Ctrl/⌘-click picks several."
      className="col-span-2"
      multiple
      value={value.map(String)}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => Number(o.value)))}
    >
      {(services.data ?? []).map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
}

/** A datetime-local input's value (the viewer's zone) as an ISO instant. */
const isoOf = (local: string) => (local ? new Date(local).toISOString() : '');
const inHours = (hours: number) => {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function SilenceForm({ onClose }: { onClose: () => void }) {
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const [until, setUntil] = useState(inHours(2));
  const [comment, setComment] = useState('');
  const create = useCreateSilence();
  const fields = isApiError(create.error) ? create.error.fields : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ serviceIds, endsAt: isoOf(until), comment }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError error={create.error} claimed={['endsAt', 'comment', 'serviceIds']} />
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">
        <ServiceSelect id="silence-services" value={serviceIds} onChange={setServiceIds} />
        <TextField
          id="silence-until"
          label="Until"
          type="datetime-local"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          error={fields.endsAt}
        />
        <TextField
          id="silence-comment"
          label="Why"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={fields.comment}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Silence
        </Button>
      </div>
    </form>
  );
}

function MaintenanceForm({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'once' | 'weekly'>('weekly');
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const [startsAt, setStartsAt] = useState(inHours(1));
  const [endsAt, setEndsAt] = useState(inHours(3));
  const [days, setDays] = useState<(typeof WEEKDAYS)[number][]>(['sun']);
  const [startTime, setStartTime] = useState('03:00');
  const [duration, setDuration] = useState('60');
  const create = useCreateMaintenance();
  const fields = isApiError(create.error) ? create.error.fields : {};
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      kind === 'once'
        ? { name, kind, serviceIds, startsAt: isoOf(startsAt), endsAt: isoOf(endsAt) }
        : { name, kind, serviceIds, days, startTime, durationMinutes: Number(duration), timezone },
      { onSuccess: onClose },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError
        error={create.error}
        claimed={['name', 'startsAt', 'endsAt', 'days', 'startTime', 'durationMinutes']}
      />
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">
        <TextField
          id="mw-name"
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
        />
        <SelectField
          id="mw-kind"
          label="When"
          value={kind}
          onChange={(e) => setKind(e.target.value as 'once' | 'weekly')}
        >
          <option value="weekly">Every week</option>
          <option value="once">Once</option>
        </SelectField>
        <ServiceSelect id="mw-services" value={serviceIds} onChange={setServiceIds} />
        {kind === 'once' ? (
          <>
            <TextField
              id="mw-start"
              label="From"
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              error={fields.startsAt}
            />
            <TextField
              id="mw-end"
              label="Until"
              type="datetime-local"
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
              error={fields.endsAt}
            />
          </>
        ) : (
          <>
            <fieldset className="col-span-2">
              <legend className="mb-1 text-[13px] font-medium">Days</legend>
              <div className="flex flex-wrap gap-3">
                {WEEKDAYS.map((day) => (
                  <label key={day} className="flex min-h-9 items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-accent"
                      checked={days.includes(day)}
                      onChange={() =>
                        setDays((d) => (d.includes(day) ? d.filter((x) => x !== day) : [...d, day]))
                      }
                    />
                    {day}
                  </label>
                ))}
              </div>
              {fields.days && <p className="mt-1 text-xs text-down">{fields.days}</p>}
            </fieldset>
            <TextField
              id="mw-time"
              label={`Start (${timezone})`}
              type="time"
              value={startTime}
              onChange={(e) => setStartTime(e.target.value)}
              error={fields.startTime}
            />
            <TextField
              id="mw-duration"
              label="Minutes"
              type="number"
              min={1}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              error={fields.durationMinutes}
            />
          </>
        )}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Add window
        </Button>
      </div>
    </form>
  );
}

const ActiveTag = ({ active }: { active: boolean }) =>
  active ? (
    <span className="ml-2 rounded bg-maintenance-soft px-1.5 py-0.5 text-xs font-medium text-maintenance">
      active
    </span>
  ) : null;

/** Silences (operators) and maintenance windows (admins): what keeps alerts quiet. */
export function MutesPanel({ operator, admin }: { operator: boolean; admin: boolean }) {
  const silences = useSilences();
  const windows = useMaintenance();
  const services = useServiceNames();
  const removeSilence = useDeleteSilence();
  const removeWindow = useDeleteMaintenance();
  const [adding, setAdding] = useState<'silence' | 'window' | null>(null);
  const names = (ids: number[]) =>
    ids.length === 0
      ? 'everything'
      : ids.map((id) => services.data?.find((s) => s.id === id)?.name ?? `#${id}`).join(', ');
  // Ended silences are history: compared with when the list was fetched, which it is again
  // whenever one is added or ended.
  const current = silences.data?.filter((s) => Date.parse(s.endsAt) > silences.dataUpdatedAt) ?? [];
  return (
    <Panel
      title="Silences and maintenance"
      action={
        <div className="flex gap-2">
          {operator && (
            <Button onClick={() => setAdding('silence')}>
              <PlusIcon size={14} /> Silence
            </Button>
          )}
          {admin && (
            <Button onClick={() => setAdding('window')}>
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
          <ErrorState error={silences.error ?? windows.error} />
        </div>
      ) : current.length === 0 && windows.data.length === 0 ? (
        <p className="px-4 py-6 text-sm text-muted">Nothing is muted.</p>
      ) : (
        <ul className="divide-y divide-line">
          {current.map((s) => (
            <li key={`s${s.id}`} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1 basis-56 text-sm">
                <p className="font-medium">
                  Silence: {names(s.serviceIds)}
                  <ActiveTag active={s.active} />
                </p>
                <p className="text-xs text-muted">
                  until <RelativeTime at={s.endsAt} /> · by {s.createdBy}
                  {s.comment ? ` · ${s.comment}` : ''}
                </p>
              </div>
              {operator && (
                <Button variant="ghost" onClick={() => removeSilence.mutate(s.id)}>
                  End
                </Button>
              )}
            </li>
          ))}
          {windows.data.map((w) => (
            <li key={`m${w.id}`} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <div className="min-w-0 flex-1 basis-56 text-sm">
                <p className="font-medium">
                  {w.name}
                  <ActiveTag active={w.active} />
                </p>
                <p className="text-xs text-muted">
                  {w.kind === 'weekly'
                    ? `${w.days.join(', ')} at ${w.startTime ?? ''} for ${w.durationMinutes ?? 0} min (${w.timezone})`
                    : `${new Date(w.startsAt ?? '').toLocaleString()} – ${new Date(w.endsAt ?? '').toLocaleString()}`}{' '}
                  · {names(w.serviceIds)}
                </p>
              </div>
              {admin && (
                <Button variant="ghost" onClick={() => removeWindow.mutate(w.id)}>
                  Delete
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={adding !== null}
        onClose={() => setAdding(null)}
        title={adding === 'window' ? 'Add a maintenance window' : 'Silence alerts'}
      >
        {adding === 'silence' && <SilenceForm onClose={() => setAdding(null)} />}
        {adding === 'window' && <MaintenanceForm onClose={() => setAdding(null)} />}
      </Dialog>
    </Panel>
  );
}
