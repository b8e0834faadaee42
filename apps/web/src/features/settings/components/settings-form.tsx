import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Settings } from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { formatBytes } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { Field, inputClass } from '../../../ui/form-field.tsx';
import { CheckIcon } from '../../../ui/icons.tsx';
import { Panel } from '../../../ui/panel.tsx';
import { useUpdateSettings } from '../api/update-settings.ts';
import {
  RETENTION_FIELDS,
  blankFields,
  isEmptyUpdate,
  toDraft,
  toSettingsUpdate,
  type RetentionField,
  type SettingsDraft,
} from './settings-draft.ts';

type Tier = Settings['storage']['tiers'][number]['tier'];

const TIERS: Record<RetentionField, { tier: Tier; label: string; hint: string }> = {
  rawDays: {
    tier: 'raw',
    label: 'Raw results',
    hint: 'Every run with its message, as the result log lists them',
  },
  minuteDays: {
    tier: 'minute',
    label: '1-minute rollups',
    hint: 'Counts and latency per minute: the 24-hour chart',
  },
  hourDays: { tier: 'hour', label: '1-hour rollups', hint: 'Per hour: week and month charts' },
  dayDays: { tier: 'day', label: '1-day rollups', hint: 'Per day: the long ranges and uptime' },
};

const CLAIMED = [
  ...RETENTION_FIELDS.map((f) => `retention.${f}`),
  'flapping.threshold',
  'flapping.windowMinutes',
];

function NumberInput({ unit, ...input }: { unit: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex items-center gap-2">
      {/* The wrapper sets the width: inputClass fills its container. */}
      <div className="w-24 shrink-0">
        <input
          type="number"
          inputMode="numeric"
          step={1}
          {...input}
          className={`${inputClass} text-right tabular`}
        />
      </div>
      <span className="text-sm text-muted">{unit}</span>
    </div>
  );
}

function Estimate({
  bytes,
  rows,
  stale,
  testId,
}: {
  bytes: number;
  rows?: number;
  stale: boolean;
  testId: string;
}) {
  return (
    <div
      data-testid={testId}
      title={stale ? 'For the saved retention; save to update' : undefined}
      className={`shrink-0 text-right transition-opacity ${stale ? 'opacity-50' : ''}`}
    >
      <p className="m-0 text-sm font-semibold tabular">{formatBytes(bytes)}</p>
      {rows !== undefined && (
        <p className="m-0 text-xs text-faint tabular">{rows.toLocaleString()} rows</p>
      )}
    </div>
  );
}

function Row({ children, aside }: { children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-4 px-4 py-3">
      <div className="min-w-0">{children}</div>
      {aside}
    </div>
  );
}

/**
 * Retention per history tier with the disk each takes, and the flapping rule. Only changed
 * fields are sent; the API answers the saved settings with a new estimate, shown as is.
 */
export function SettingsForm({ settings }: { settings: Settings }) {
  const id = useId();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings));
  const [blank, setBlank] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useUpdateSettings();

  const body = toSettingsUpdate(draft, settings);
  const dirty = !isEmptyUpdate(body);
  const fieldError = (path: string) =>
    blank[path] ?? (isApiError(save.error) ? save.error.fieldError(path) : undefined);
  const tierOf = (tier: Tier) => settings.storage.tiers.find((t) => t.tier === tier);

  function set(field: keyof SettingsDraft, value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setSaved(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing = blankFields(draft);
    setBlank(missing);
    if (Object.keys(missing).length > 0 || !dirty) return;
    save.mutate(body, {
      onSuccess: (next) => {
        setDraft(toDraft(next));
        setSaved(true);
      },
    });
  }

  function reset() {
    setDraft(toDraft(settings));
    setBlank({});
    save.reset();
  }

  const number = (field: keyof SettingsDraft) => ({
    value: draft[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
  });

  return (
    <form noValidate onSubmit={submit} aria-label="Settings" className="space-y-5">
      <FormError error={save.error} claimed={CLAIMED} />

      <Panel title="History retention">
        <p className="m-0 border-b border-line px-4 py-3 text-sm text-muted">
          How many days each tier of history is kept. Older raw results are rolled up before they
          go, so the long charts outlive the log.
        </p>
        <div className="divide-y divide-line">
          {RETENTION_FIELDS.map((field) => {
            const { tier, label, hint } = TIERS[field];
            const estimate = tierOf(tier);
            return (
              <Row
                key={field}
                aside={
                  estimate && (
                    <Estimate
                      testId={`estimate-${tier}`}
                      bytes={estimate.bytes}
                      rows={estimate.rows}
                      stale={dirty}
                    />
                  )
                }
              >
                <Field
                  id={`${id}-${field}`}
                  label={label}
                  hint={hint}
                  error={fieldError(`retention.${field}`)}
                >
                  {(control) => (
                    <NumberInput unit="days" min={1} max={3650} {...number(field)} {...control} />
                  )}
                </Field>
              </Row>
            );
          })}
        </div>
        <div className="flex items-center justify-between gap-4 border-t border-line bg-raised/50 px-4 py-3">
          <div>
            <p className="m-0 text-sm font-medium">Estimated disk use</p>
            <p className="m-0 text-xs text-muted">
              {dirty
                ? 'For the saved retention: save to see the new estimate.'
                : 'Once every tier is full, at the current checks and intervals.'}
            </p>
          </div>
          <Estimate testId="estimate-total" bytes={settings.storage.totalBytes} stale={dirty} />
        </div>
      </Panel>

      <Panel title="Flapping">
        <p className="m-0 border-b border-line px-4 py-3 text-sm text-muted">
          A check that changes state more than this many times within the window is shown as{' '}
          <span className="font-medium text-flapping">Flapping</span> rather than bouncing between
          up and down.
        </p>
        <div className="flex flex-wrap gap-x-8 gap-y-3 px-4 py-3">
          <Field
            id={`${id}-threshold`}
            label="State changes"
            error={fieldError('flapping.threshold')}
          >
            {(control) => (
              <NumberInput unit="changes" min={2} max={100} {...number('threshold')} {...control} />
            )}
          </Field>
          <Field id={`${id}-window`} label="Window" error={fieldError('flapping.windowMinutes')}>
            {(control) => (
              <NumberInput
                unit="minutes"
                min={1}
                max={1440}
                {...number('windowMinutes')}
                {...control}
              />
            )}
          </Field>
        </div>
      </Panel>

      <div className="flex flex-wrap items-center justify-end gap-3">
        {saved && !dirty && (
          <p role="status" className="mr-auto inline-flex items-center gap-1.5 text-sm text-up">
            <CheckIcon size={15} /> Saved. The estimate is for the new settings.
          </p>
        )}
        {dirty && (
          <Button variant="ghost" onClick={reset}>
            Discard changes
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={!dirty || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
