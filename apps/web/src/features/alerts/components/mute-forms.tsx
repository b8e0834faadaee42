import { useState, type FormEvent, type ReactNode } from 'react';
import { WEEKDAYS, type Maintenance, type Selector, type Silence } from '@homehub/contracts';
import { fieldErrorOf, isApiError } from '../../../lib/api-error.ts';
import { FieldError } from '../../../ui/field-error.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import {
  useCreateMaintenance,
  useCreateSilence,
  useUpdateMaintenance,
  useUpdateSilence,
} from '../api/mutes.ts';
import { FormFooter } from './form-footer.tsx';
import { SelectorEditor } from './selector-editor.tsx';
import { SELECTOR_FIELDS, selectorOf } from './selector.ts';

type Weekday = (typeof WEEKDAYS)[number];

/** An instant as a datetime-local input shows it: the viewer's zone, to the minute. */
export function localInputOf(at: number | string): string {
  const date = new Date(at);
  date.setSeconds(0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
/** A datetime-local input's value (the viewer's zone) as an ISO instant. */
const isoOf = (local: string) => (local ? new Date(local).toISOString() : '');
const inHours = (hours: number) => localInputOf(Date.now() + hours * 3_600_000);

/**
 * What silences and windows share: the selector, the API's errors at their fields (the rest
 * on top), and Cancel / submit.
 */
function useMuteForm<T extends Selector>(item: T | null, error: unknown) {
  const [selector, setSelector] = useState<Selector>(() => selectorOf(item));
  const fields = isApiError(error) ? error.fields : {};
  const errorOf = (path: string) => fieldErrorOf(fields, path);
  const editor = (
    <SelectorEditor
      className="col-span-2"
      value={selector}
      onChange={setSelector}
      errorOf={errorOf}
    />
  );
  return { selector, errorOf, editor };
}

function MuteForm({
  onSubmit,
  error,
  claimed,
  pending,
  label,
  onClose,
  children,
}: {
  onSubmit: () => void;
  error: unknown;
  claimed: readonly string[];
  pending: boolean;
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError error={error} claimed={[...claimed, ...SELECTOR_FIELDS]} />
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">{children}</div>
      <FormFooter onCancel={onClose} pending={pending} label={label} />
    </form>
  );
}

export function SilenceForm({
  silence,
  onClose,
}: {
  silence: Silence | null;
  onClose: () => void;
}) {
  const [until, setUntil] = useState(() => (silence ? localInputOf(silence.endsAt) : inHours(2)));
  const [comment, setComment] = useState(silence?.comment ?? '');
  const create = useCreateSilence();
  const update = useUpdateSilence();
  const mutation = silence ? update : create;
  const { selector, errorOf, editor } = useMuteForm(silence, mutation.error);
  const submit = () => {
    const body = { ...selector, endsAt: isoOf(until), comment };
    if (silence) update.mutate({ id: silence.id, ...body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };
  return (
    <MuteForm
      onSubmit={submit}
      error={mutation.error}
      claimed={['endsAt', 'comment']}
      pending={mutation.isPending}
      label={silence ? 'Save silence' : 'Silence'}
      onClose={onClose}
    >
      {editor}
      <TextField
        id="silence-until"
        className="col-span-2 sm:col-span-1"
        label="Until"
        type="datetime-local"
        value={until}
        onChange={(e) => setUntil(e.target.value)}
        error={errorOf('endsAt')}
      />
      <TextField
        id="silence-comment"
        className="col-span-2 sm:col-span-1"
        label="Why"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={errorOf('comment')}
      />
    </MuteForm>
  );
}

function DaysField({
  value,
  onChange,
  error,
}: {
  value: readonly Weekday[];
  onChange: (days: Weekday[]) => void;
  error: string | undefined;
}) {
  return (
    <fieldset className="col-span-2" aria-describedby={error ? 'mw-days-error' : undefined}>
      <legend className="mb-1 text-[13px] font-medium">Days</legend>
      <div className="flex flex-wrap gap-x-3">
        {WEEKDAYS.map((day) => (
          <label key={day} className="flex min-h-10 items-center gap-1.5 text-sm sm:min-h-9">
            <input
              type="checkbox"
              className="size-4 accent-accent"
              checked={value.includes(day)}
              onChange={() =>
                onChange(value.includes(day) ? value.filter((d) => d !== day) : [...value, day])
              }
            />
            {day}
          </label>
        ))}
      </div>
      <FieldError id="mw-days-error" message={error} />
    </fieldset>
  );
}

export function MaintenanceForm({
  maintenance,
  onClose,
}: {
  maintenance: Maintenance | null;
  onClose: () => void;
}) {
  const [name, setName] = useState(maintenance?.name ?? '');
  const [kind, setKind] = useState<Maintenance['kind']>(maintenance?.kind ?? 'weekly');
  const [startsAt, setStartsAt] = useState(() =>
    maintenance?.startsAt ? localInputOf(maintenance.startsAt) : inHours(1),
  );
  const [endsAt, setEndsAt] = useState(() =>
    maintenance?.endsAt ? localInputOf(maintenance.endsAt) : inHours(3),
  );
  const [days, setDays] = useState<Weekday[]>(maintenance?.days ?? ['sun']);
  const [startTime, setStartTime] = useState(maintenance?.startTime ?? '03:00');
  const [duration, setDuration] = useState(String(maintenance?.durationMinutes ?? 60));
  const create = useCreateMaintenance();
  const update = useUpdateMaintenance();
  const mutation = maintenance ? update : create;
  const { selector, errorOf, editor } = useMuteForm(maintenance, mutation.error);
  // A window keeps the zone it was made in; a new one takes the viewer's.
  const timezone = maintenance?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const submit = () => {
    const when =
      kind === 'once'
        ? { kind, startsAt: isoOf(startsAt), endsAt: isoOf(endsAt) }
        : { kind, days, startTime, durationMinutes: Number(duration), timezone };
    const body = { name, ...selector, ...when };
    if (maintenance) update.mutate({ id: maintenance.id, ...body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };
  return (
    <MuteForm
      onSubmit={submit}
      error={mutation.error}
      claimed={['name', 'kind', 'startsAt', 'endsAt', 'days', 'startTime', 'durationMinutes']}
      pending={mutation.isPending}
      label={maintenance ? 'Save window' : 'Add window'}
      onClose={onClose}
    >
      <TextField
        id="mw-name"
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errorOf('name')}
      />
      <SelectField
        id="mw-kind"
        label="When"
        value={kind}
        onChange={(e) => setKind(e.target.value as Maintenance['kind'])}
        error={errorOf('kind')}
      >
        <option value="weekly">Every week</option>
        <option value="once">Once</option>
      </SelectField>
      {editor}
      {kind === 'once' ? (
        <>
          <TextField
            id="mw-start"
            className="col-span-2 sm:col-span-1"
            label="From"
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            error={errorOf('startsAt')}
          />
          <TextField
            id="mw-end"
            className="col-span-2 sm:col-span-1"
            label="Until"
            type="datetime-local"
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
            error={errorOf('endsAt')}
          />
        </>
      ) : (
        <>
          <DaysField value={days} onChange={setDays} error={errorOf('days')} />
          <TextField
            id="mw-time"
            label={`Start (${timezone})`}
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            error={errorOf('startTime')}
          />
          <TextField
            id="mw-duration"
            label="Minutes"
            type="number"
            min={1}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            error={errorOf('durationMinutes')}
          />
        </>
      )}
    </MuteForm>
  );
}
