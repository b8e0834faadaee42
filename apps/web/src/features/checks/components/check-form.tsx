import { useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_INTERVAL_SECONDS,
  DEFAULT_TIMEOUT_SECONDS,
  HTTP_METHODS,
  type Check,
  type CheckType,
} from '@homehub/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { useCreateCheck, type CheckDraft } from '../api/create-check.ts';
import { Button } from '../../../ui/button.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';

interface CheckFormProps {
  serviceId: number;
  onCreated: (check: Check) => void;
  onCancel?: () => void;
  cancelLabel?: string;
}

interface Values {
  name: string;
  type: CheckType;
  url: string;
  method: (typeof HTTP_METHODS)[number];
  expectedStatus: string;
  host: string;
  port: string;
  intervalSeconds: string;
  timeoutSeconds: string;
}

const INITIAL: Values = {
  name: '',
  type: 'http',
  url: '',
  method: 'GET',
  expectedStatus: '2xx',
  host: '',
  port: '',
  intervalSeconds: String(DEFAULT_INTERVAL_SECONDS),
  timeoutSeconds: '',
};

const FIELDS = [
  'name',
  'type',
  'config.url',
  'config.method',
  'config.expectedStatus',
  'config.host',
  'config.port',
  'intervalSeconds',
  'timeoutSeconds',
] as const;

/** Numbers go to the API as numbers; anything else goes as typed, so its own validation answers. */
function numberOrRaw(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** A blank name takes the target's host, which is what people would have typed anyway. */
function defaultName(values: Values): string {
  if (values.type === 'tcp')
    return values.host ? `${values.host}${values.port ? `:${values.port}` : ''}` : '';
  try {
    return new URL(values.url).host;
  } catch {
    return '';
  }
}

export function toCheckDraft(serviceId: number, values: Values): CheckDraft {
  const common = {
    serviceId,
    name: values.name.trim() || defaultName(values),
    ...(values.intervalSeconds.trim()
      ? { intervalSeconds: numberOrRaw(values.intervalSeconds) as number }
      : {}),
    ...(values.timeoutSeconds.trim()
      ? { timeoutSeconds: numberOrRaw(values.timeoutSeconds) as number }
      : {}),
  };
  if (values.type === 'tcp') {
    return {
      ...common,
      type: 'tcp',
      config: { host: values.host.trim(), port: numberOrRaw(values.port) as number },
    };
  }
  const expectedStatus = values.expectedStatus
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ...common,
    type: 'http',
    config: { url: values.url.trim(), method: values.method, expectedStatus },
  };
}

export function CheckForm({
  serviceId,
  onCreated,
  onCancel,
  cancelLabel = 'Cancel',
}: CheckFormProps) {
  const id = useId();
  const [values, setValues] = useState(INITIAL);
  const create = useCreateCheck();
  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldError(path) : undefined;
  const set =
    <K extends keyof Values>(key: K) =>
    (event: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [key]: event.target.value as Values[K] }));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(toCheckDraft(serviceId, values), { onSuccess: onCreated });
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Add check" className="space-y-4">
      <FormError error={create.error} claimed={FIELDS} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[8rem_minmax(0,1fr)]">
        <SelectField
          id={`${id}-type`}
          label="Type"
          value={values.type}
          onChange={set('type')}
          error={fieldError('type')}
        >
          <option value="http">HTTP</option>
          <option value="tcp">TCP port</option>
        </SelectField>
        <TextField
          id={`${id}-name`}
          label="Name"
          value={values.name}
          onChange={set('name')}
          placeholder={
            defaultName(values) || (values.type === 'http' ? 'Homepage' : 'Database port')
          }
          autoComplete="off"
          hint="Leave blank to use the host."
          error={fieldError('name')}
        />
      </div>

      {values.type === 'http' ? (
        <>
          <TextField
            id={`${id}-url`}
            label="URL"
            type="url"
            inputMode="url"
            value={values.url}
            onChange={set('url')}
            placeholder="https://nextcloud.home.lan/status.php"
            autoComplete="off"
            spellCheck={false}
            error={fieldError('config.url')}
          />
          <div className="grid grid-cols-2 gap-4">
            <SelectField
              id={`${id}-method`}
              label="Method"
              value={values.method}
              onChange={set('method')}
              error={fieldError('config.method')}
            >
              {HTTP_METHODS.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`${id}-expected`}
              label="Expected status"
              value={values.expectedStatus}
              onChange={set('expectedStatus')}
              placeholder="2xx"
              hint="Codes, classes or ranges: 200, 2xx, 200-299"
              autoComplete="off"
              spellCheck={false}
              error={fieldError('config.expectedStatus')}
            />
          </div>
        </>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)_7rem] gap-4">
          <TextField
            id={`${id}-host`}
            label="Host"
            value={values.host}
            onChange={set('host')}
            placeholder="192.168.1.10 or db.home.lan"
            autoComplete="off"
            spellCheck={false}
            error={fieldError('config.host')}
          />
          <TextField
            id={`${id}-port`}
            label="Port"
            inputMode="numeric"
            value={values.port}
            onChange={set('port')}
            placeholder="5432"
            autoComplete="off"
            error={fieldError('config.port')}
          />
        </div>
      )}

      <div className="grid grid-cols-2 gap-4">
        <TextField
          id={`${id}-interval`}
          label="Interval (seconds)"
          inputMode="numeric"
          value={values.intervalSeconds}
          onChange={set('intervalSeconds')}
          error={fieldError('intervalSeconds')}
        />
        <TextField
          id={`${id}-timeout`}
          label="Timeout (seconds)"
          inputMode="numeric"
          value={values.timeoutSeconds}
          onChange={set('timeoutSeconds')}
          placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
          error={fieldError('timeoutSeconds')}
        />
      </div>

      <div className="flex justify-end gap-2 pt-1">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {cancelLabel}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add check'}
        </Button>
      </div>
    </form>
  );
}
