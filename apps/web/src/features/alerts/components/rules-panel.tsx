import { useState, type FormEvent } from 'react';
import { ALERT_KINDS, type AlertKind, type Rule, type Selector } from '@homehub/contracts';
import { fieldErrorOf, isApiError } from '../../../lib/api-error.ts';
import { FieldError } from '../../../ui/field-error.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { TextField } from '../../../ui/form-field.tsx';
import { useChannels } from '../api/channels.ts';
import { useCreateRule, useDeleteRule, useRules, useUpdateRule } from '../api/rules.ts';
import { useServiceLabels } from '../api/services.ts';
import { FormFooter } from './form-footer.tsx';
import { ItemListPanel } from './item-list.tsx';
import { SelectorEditor } from './selector-editor.tsx';
import { describeSelector, SELECTOR_FIELDS, selectorOf, serviceNamesOf } from './selector.ts';

export const KIND_LABEL: Record<AlertKind, string> = {
  down: 'Down',
  degraded: 'Degraded',
  flapping: 'Flapping',
  recovered: 'Recovered (send a resolved message)',
  container_died: 'Container died',
  container_oom: 'Container out of memory',
  container_unhealthy: 'Container unhealthy',
  restart_loop: 'Restart loop',
  update_failed: 'Update failed',
  engine_unreachable: 'Docker engine unreachable',
};

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function Checkboxes<T extends string | number>({
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
}: {
  legend: string;
  options: { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <fieldset className="col-span-2">
      <legend className="mb-1 text-[13px] font-medium">{legend}</legend>
      {hint && <p className="mb-1 text-xs text-muted">{hint}</p>}
      <div className="grid max-h-40 grid-cols-1 gap-x-3 overflow-y-auto sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-accent"
              checked={selected.includes(option.value)}
              onChange={() => onChange(toggle(selected, option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${legend}-error`} message={error} />
    </fieldset>
  );
}

const TIMINGS = [
  ['forSeconds', 'Must last (s)', 'Before it fires; 0: at once.'],
  ['groupWaitSeconds', 'Group wait (s)', 'What fires within it goes out together.'],
  ['groupIntervalSeconds', 'Group interval (s)', 'Least time between two messages.'],
  ['repeatIntervalSeconds', 'Remind every (s)', 'While firing and not acknowledged; 0: never.'],
] as const;

function RuleForm({ rule, onClose }: { rule: Rule | null; onClose: () => void }) {
  const channels = useChannels();
  const [name, setName] = useState(rule?.name ?? '');
  const [events, setEvents] = useState<AlertKind[]>(rule?.events ?? ['down', 'recovered']);
  const [channelIds, setChannelIds] = useState<number[]>(rule?.channelIds ?? []);
  const [selector, setSelector] = useState<Selector>(() => selectorOf(rule));
  const [timings, setTimings] = useState<Record<string, string>>({
    forSeconds: String(rule?.forSeconds ?? 0),
    groupWaitSeconds: String(rule?.groupWaitSeconds ?? 30),
    groupIntervalSeconds: String(rule?.groupIntervalSeconds ?? 300),
    repeatIntervalSeconds: String(rule?.repeatIntervalSeconds ?? 14_400),
  });
  const create = useCreateRule();
  const update = useUpdateRule();
  const mutation = rule ? update : create;
  const fields = isApiError(mutation.error) ? mutation.error.fields : {};
  const errorOf = (path: string) => fieldErrorOf(fields, path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      events,
      channelIds,
      ...selector,
      forSeconds: Number(timings.forSeconds),
      groupWaitSeconds: Number(timings.groupWaitSeconds),
      groupIntervalSeconds: Number(timings.groupIntervalSeconds),
      repeatIntervalSeconds: Number(timings.repeatIntervalSeconds),
    };
    if (rule) update.mutate({ id: rule.id, ...body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormError
        error={mutation.error}
        claimed={['name', 'events', 'channelIds', ...SELECTOR_FIELDS, ...TIMINGS.map((t) => t[0])]}
      />
      <div className="grid grid-cols-2 gap-x-3 gap-y-4">
        <TextField
          id="rule-name"
          label="Name"
          className="col-span-2"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
        />
        <Checkboxes
          legend="When"
          options={ALERT_KINDS.map((kind) => ({ value: kind, label: KIND_LABEL[kind] }))}
          selected={events}
          onChange={setEvents}
          error={fields.events}
        />
        <Checkboxes
          legend="Send to"
          options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          selected={channelIds}
          onChange={setChannelIds}
          error={fields.channelIds}
        />
        <SelectorEditor
          className="col-span-2"
          value={selector}
          onChange={setSelector}
          errorOf={errorOf}
        />
        {TIMINGS.map(([key, label, hint]) => (
          <TextField
            key={key}
            id={`rule-${key}`}
            label={label}
            hint={hint}
            type="number"
            min={0}
            value={timings[key]}
            onChange={(e) => setTimings((t) => ({ ...t, [key]: e.target.value }))}
            error={fields[key]}
          />
        ))}
      </div>
      <FormFooter
        onCancel={onClose}
        pending={mutation.isPending}
        label={rule ? 'Save rule' : 'Add rule'}
      />
    </form>
  );
}

/** Which events go where, and how often; admins change them. */
export function RulesPanel({ admin }: { admin: boolean }) {
  const rules = useRules();
  const channels = useChannels();
  const services = useServiceLabels();
  const remove = useDeleteRule();
  const channelName = (id: number) =>
    channels.data?.find((c) => c.id === id)?.name ?? `channel #${id}`;
  return (
    <ItemListPanel
      title="Rules"
      noun="rule"
      query={rules}
      canEdit={admin}
      empty="No rule: nothing is sent."
      describe={(rule) => (
        <>
          <p className="text-xs text-muted">
            {rule.events.map((e) => e.replaceAll('_', ' ')).join(', ')} →{' '}
            {rule.channelIds.map(channelName).join(', ')}
          </p>
          <p className="text-xs text-muted" title={serviceNamesOf(rule, services.data)}>
            <span className="text-faint">For </span>
            {describeSelector(rule)}
          </p>
          <p className="text-xs text-faint">
            wait {rule.groupWaitSeconds} s · interval {rule.groupIntervalSeconds} s · remind{' '}
            {rule.repeatIntervalSeconds > 0 ? `${rule.repeatIntervalSeconds} s` : 'never'}
            {rule.forSeconds > 0 ? ` · after ${rule.forSeconds} s` : ''}
          </p>
        </>
      )}
      form={(rule, close) => <RuleForm rule={rule} onClose={close} />}
      remove={remove}
      deleteNote="Its alerts stay in the history; nothing new is sent for it."
    />
  );
}
