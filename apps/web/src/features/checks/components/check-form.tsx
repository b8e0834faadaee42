import { useId, useState, type FormEvent } from 'react';
import {
  CHECK_TYPES,
  CheckCreate,
  DEFAULT_INTERVAL_SECONDS,
  DEFAULT_TIMEOUT_SECONDS,
  MAX_RETRIES,
  type Check,
  type CheckType,
  type CheckUpdate,
} from '@homehub/contracts';
import { ApiError, isApiError, type FieldErrors } from '../../../lib/api-error.ts';
import { useCreateCheck, type CheckDraft } from '../api/create-check.ts';
import { useUpdateCheck } from '../api/update-check.ts';
import { Button } from '../../../ui/button.tsx';
import { CopyField } from '../../../ui/copy-field.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { CheckIcon } from '../../../ui/icons.tsx';
import {
  CheckboxField,
  ConfigFields,
  configDescriptionOf,
  configFieldsOf,
  configTitleOf,
  initialConfigValues,
  isShown,
  toConfigInput,
  type ConfigValue,
  type ConfigValues,
} from './config-fields.tsx';

/** Container checks come with discovered containers; people add the others. */
const ADDABLE_TYPES = CHECK_TYPES.filter((type) => type !== 'docker');

export interface CheckFormValues {
  type: CheckType;
  name: string;
  intervalSeconds: string;
  timeoutSeconds: string;
  retries: string;
  enabled: boolean;
  /** Per type, so switching type and back keeps what was typed. */
  configs: Partial<Record<CheckType, ConfigValues>>;
}

/** The request body before validation: numbers are numbers (NaN when not), config as typed. */
export interface CheckInput {
  serviceId: number;
  type: CheckType;
  name: string;
  intervalSeconds?: number;
  timeoutSeconds?: number;
  retries?: number;
  enabled: boolean;
  config: Record<string, unknown>;
}

type CheckFormProps = {
  serviceId: number;
  onCancel?: () => void;
  cancelLabel?: string;
} & (
  | { check?: undefined; onCreated: (check: Check) => void }
  | { check: Check; onSaved: (check: Check) => void }
);

/** The same words the hub answers a 400 with, so both kinds of error look alike. */
const INVALID_MESSAGE = 'Some fields are not valid';

export function initialValues(check?: Check): CheckFormValues {
  if (!check) {
    return {
      type: CHECK_TYPES[0],
      name: '',
      intervalSeconds: String(DEFAULT_INTERVAL_SECONDS),
      timeoutSeconds: '',
      retries: '0',
      enabled: true,
      configs: {},
    };
  }
  return {
    type: check.type,
    name: check.name,
    intervalSeconds: String(check.intervalSeconds),
    timeoutSeconds: String(check.timeoutSeconds),
    retries: String(check.retries),
    enabled: check.enabled,
    configs: { [check.type]: initialConfigValues(check.type, check.config) },
  };
}

const configOf = (values: CheckFormValues): ConfigValues =>
  values.configs[values.type] ?? initialConfigValues(values.type);

/** A blank name takes the check's target, which is what people would have typed anyway. */
export function defaultName(values: CheckFormValues): string {
  const config = configOf(values);
  const text = (key: string) => {
    const value = config[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  switch (values.type) {
    case 'http':
      try {
        return new URL(text('url')).host;
      } catch {
        return '';
      }
    case 'tcp':
      return text('host') && text('port') ? `${text('host')}:${text('port')}` : text('host');
    case 'tls':
      return text('port') && text('port') !== '443'
        ? `${text('host')}:${text('port')}`
        : text('host');
    case 'dns':
      return text('name');
    case 'push':
      return 'Heartbeat';
    default:
      return text('host');
  }
}

function toNumber(raw: string): number | undefined {
  const trimmed = raw.trim();
  // Left as NaN when it is not a number, so the schema answers "Must be a number".
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * The form's values as the body the hub takes. When editing, an empty secret is left out
 * (the hub keeps the stored one) and listed in `kept` so validation does not ask for it.
 */
export function toCheckInput(
  serviceId: number,
  values: CheckFormValues,
  original?: Check,
): { input: CheckInput; kept: string[]; errors: FieldErrors } {
  const keepSecrets = original?.type === values.type;
  const { config, kept, errors } = toConfigInput(values.type, configOf(values), { keepSecrets });
  const input: CheckInput = {
    serviceId,
    type: values.type,
    name: values.name.trim() || defaultName(values),
    enabled: values.enabled,
    config,
  };
  const intervalSeconds = toNumber(values.intervalSeconds);
  const timeoutSeconds = toNumber(values.timeoutSeconds);
  const retries = toNumber(values.retries);
  if (intervalSeconds !== undefined) input.intervalSeconds = intervalSeconds;
  if (timeoutSeconds !== undefined) input.timeoutSeconds = timeoutSeconds;
  if (retries !== undefined) input.retries = retries;
  return { input, kept: kept.map((key) => `config.${key}`), errors };
}

/** The hub's own schema, run here first: each message lands under its field as the hub would say it. */
export function validateCheck(input: CheckInput, kept: readonly string[] = []): FieldErrors {
  const result = CheckCreate.safeParse(input);
  const fields: FieldErrors = {};
  if (result.success) return fields;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || 'body';
    if (kept.includes(path)) continue;
    fields[path] ??= issue.message;
  }
  return fields;
}

export function toCheckUpdate(input: CheckInput): CheckUpdate {
  const { serviceId: _serviceId, ...patch } = input;
  return patch;
}

export function CheckForm(props: CheckFormProps) {
  const { serviceId, check, onCancel, cancelLabel = 'Cancel' } = props;
  const id = useId();
  const [values, setValues] = useState(() => initialValues(check));
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<Check | null>(null);
  const create = useCreateCheck();
  const update = useUpdateCheck();
  const mutation = check ? update : create;
  const error = invalid ?? mutation.error;
  const fieldError = (path: string) => (isApiError(error) ? error.fieldError(path) : undefined);

  const config = configOf(values);
  const keepSecrets = check?.type === values.type;
  const claimed = [
    'name',
    'type',
    'intervalSeconds',
    'timeoutSeconds',
    'retries',
    'enabled',
    ...configFieldsOf(values.type)
      .filter((field) => isShown(field, config))
      .map((field) => `config.${field.key}`),
  ];

  const set =
    (key: 'name' | 'intervalSeconds' | 'timeoutSeconds' | 'retries') =>
    (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: event.target.value }));
  const setConfig = (key: string, value: ConfigValue) =>
    setValues((v) => ({
      ...v,
      configs: { ...v.configs, [v.type]: { ...configOf(v), [key]: value } },
    }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, kept, errors } = toCheckInput(serviceId, values, check);
    const fields = { ...validateCheck(input, kept), ...errors };
    if (Object.keys(fields).length > 0) {
      mutation.reset();
      setInvalid(new ApiError(400, { code: 'validation_error', message: INVALID_MESSAGE, fields }));
      return;
    }
    setInvalid(null);
    if (props.check) {
      const { onSaved } = props;
      update.mutate(
        { id: props.check.id, patch: toCheckUpdate(input) },
        { onSuccess: (saved) => onSaved(saved) },
      );
      return;
    }
    const { onCreated } = props;
    // Validated above by the hub's own schema; only the type-to-config pairing is lost on the way.
    create.mutate(input as CheckDraft, {
      // A push check is no use until its job knows the URL: show it before moving on.
      onSuccess: (saved) => (saved.pushUrl ? setCreated(saved) : onCreated(saved)),
    });
  }

  if (created?.pushUrl && !props.check) {
    const { onCreated } = props;
    return (
      <div className="space-y-4">
        <p className="flex items-center gap-2 text-sm">
          <CheckIcon className="shrink-0 text-up" />
          <span>
            <span className="font-medium">{created.name}</span> is waiting for its first call.
          </span>
        </p>
        <PushUrl path={created.pushUrl} id={`${id}-push-url`} />
        <div className="flex justify-end">
          <Button variant="primary" onClick={() => onCreated(created)} autoFocus>
            Done
          </Button>
        </div>
      </div>
    );
  }

  const placeholderName = defaultName(values);
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={check ? `Edit check ${check.name}` : 'Add check'}
      className="space-y-4"
    >
      <FormError error={error} claimed={claimed} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[11rem_minmax(0,1fr)]">
        <SelectField
          id={`${id}-type`}
          label="Type"
          value={values.type}
          onChange={(event) => setValues((v) => ({ ...v, type: event.target.value as CheckType }))}
          hint={configDescriptionOf(values.type)}
          error={fieldError('type')}
        >
          {ADDABLE_TYPES.map((type) => (
            <option key={type} value={type}>
              {configTitleOf(type)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-name`}
          label="Check name"
          value={values.name}
          onChange={set('name')}
          placeholder={placeholderName || 'Homepage'}
          autoComplete="off"
          hint={
            values.type === 'push'
              ? 'Leave blank for "Heartbeat".'
              : 'Leave blank to use the target.'
          }
          error={fieldError('name')}
        />
      </div>

      <ConfigFields
        type={values.type}
        values={config}
        onChange={setConfig}
        errorOf={fieldError}
        idPrefix={`${id}-config`}
        keepSecrets={keepSecrets}
      />

      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:grid-cols-3">
        <TextField
          id={`${id}-interval`}
          label="Interval (seconds)"
          type="number"
          inputMode="numeric"
          min={1}
          value={values.intervalSeconds}
          onChange={set('intervalSeconds')}
          placeholder={String(DEFAULT_INTERVAL_SECONDS)}
          error={fieldError('intervalSeconds')}
        />
        <TextField
          id={`${id}-timeout`}
          label="Timeout (seconds)"
          type="number"
          inputMode="numeric"
          min={1}
          value={values.timeoutSeconds}
          onChange={set('timeoutSeconds')}
          placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
          error={fieldError('timeoutSeconds')}
        />
        <TextField
          id={`${id}-retries`}
          label="Retries"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_RETRIES}
          value={values.retries}
          onChange={set('retries')}
          placeholder="0"
          hint="Failures in a row before it turns down."
          error={fieldError('retries')}
        />
      </div>

      {check && (
        <CheckboxField
          id={`${id}-enabled`}
          label="Enabled"
          hint="A disabled check stops running and shows as paused."
          checked={values.enabled}
          onChange={(enabled) => setValues((v) => ({ ...v, enabled }))}
          error={fieldError('enabled')}
        />
      )}

      <div className="flex justify-end gap-2 pt-1">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {cancelLabel}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {check
            ? update.isPending
              ? 'Saving…'
              : 'Save changes'
            : create.isPending
              ? 'Adding…'
              : 'Add check'}
        </Button>
      </div>
    </form>
  );
}

/** A push check's secret URL, absolute, with a copy button; the job needs nothing else. */
export function PushUrl({ path, id, usage = true }: { path: string; id: string; usage?: boolean }) {
  return (
    <CopyField
      id={id}
      label="Push URL"
      value={new URL(path, window.location.origin).href}
      copyLabel="Copy push URL"
      hint={
        usage &&
        'Have the job call it (GET or POST) when it succeeds; add fail or an exit code to the path to report a failure. Keep it secret.'
      }
    />
  );
}
