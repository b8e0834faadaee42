import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CHECK_CONFIGS, CHECK_TYPES, HTTP_METHODS, type CheckType } from '@homehub/contracts';
import {
  ConfigFields,
  configFieldsOf,
  initialConfigValues,
  isShown,
  toConfigInput,
  type ConfigValues,
} from './config-fields.tsx';

afterEach(cleanup);

function Harness({
  type,
  errors = {},
  keepSecrets = false,
}: {
  type: CheckType;
  errors?: Record<string, string>;
  keepSecrets?: boolean;
}) {
  const [values, setValues] = useState<ConfigValues>(() => initialConfigValues(type));
  return (
    <ConfigFields
      type={type}
      values={values}
      onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
      errorOf={(path) => errors[path]}
      idPrefix="cfg"
      keepSecrets={keepSecrets}
    />
  );
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

describe('configFieldsOf', () => {
  it.each(CHECK_TYPES)('reads every field of %s with its title from the schema', (type) => {
    const fields = configFieldsOf(type);
    expect(fields.map((f) => f.key)).toEqual(Object.keys(CHECK_CONFIGS[type].shape));
    for (const field of fields) expect(field.title).not.toBe(field.key);
  });

  it('picks a control for each kind of schema and keeps the field meta', () => {
    const http = Object.fromEntries(configFieldsOf('http').map((f) => [f.key, f]));
    expect(http.url).toMatchObject({
      example: 'https://jellyfin.lan/health',
      hasDefault: false,
      advanced: false,
      control: { kind: 'text', url: true, secret: false },
    });
    expect(http.method?.control).toMatchObject({ kind: 'enum', options: HTTP_METHODS });
    expect(http.expectedStatus?.control).toEqual({ kind: 'list' });
    expect(http.headers?.control).toEqual({ kind: 'map' });
    expect(http.body?.control).toMatchObject({ kind: 'text', multiline: true });
    expect(http.password).toMatchObject({ secret: true, showIf: { auth: 'basic' } });
    expect(http.followRedirects?.control).toEqual({ kind: 'boolean' });
    expect(http.degradedAboveMs?.control).toEqual({
      kind: 'number',
      integer: true,
      min: 0,
      max: 600_000,
    });
    expect(http.headers?.advanced).toBe(true);
    expect(configFieldsOf('tcp').map((f) => f.advanced)).toEqual([false, false]);
  });
});

describe('ConfigFields', () => {
  it.each(CHECK_TYPES)('renders the fields of %s under their titles', (type) => {
    render(<Harness type={type} />);
    const values = initialConfigValues(type);
    for (const field of configFieldsOf(type)) {
      if (isShown(field, values)) expect(screen.getByLabelText(field.title)).toBeTruthy();
      else expect(screen.queryByLabelText(field.title)).toBeNull();
    }
  });

  it('prefills the defaults from the schema', () => {
    render(<Harness type="http" />);
    expect(input('URL').value).toBe('');
    expect(input('Method').value).toBe('GET');
    expect(input('Expected status').value).toBe('2xx');
    expect(input('Authentication').value).toBe('none');
    expect(input('Follow redirects').checked).toBe(true);
    expect(input('Ignore TLS errors').checked).toBe(false);
    expect(input('Warn before certificate expiry (days)').value).toBe('14');
    cleanup();

    render(<Harness type="tls" />);
    expect(input('Port').value).toBe('443');
    cleanup();

    render(<Harness type="push" />);
    expect(input('Grace (seconds)').value).toBe('60');
    expect(input('Time zone').value).toBe('UTC');
  });

  it('shows username and password only for basic auth, and the token only for bearer', () => {
    render(<Harness type="http" />);
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();

    fireEvent.change(input('Authentication'), { target: { value: 'basic' } });
    expect(input('Username').type).toBe('text');
    expect(input('Password').type).toBe('password');
    expect(screen.queryByLabelText('Bearer token')).toBeNull();

    fireEvent.change(input('Authentication'), { target: { value: 'bearer' } });
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(input('Bearer token').type).toBe('password');
  });

  it('folds rarely used fields under Advanced, and opens it when one of them is wrong', () => {
    const { rerender } = render(<Harness type="http" />);
    const details = screen.getByText('Advanced').closest('details')!;
    expect(details.open).toBe(false);
    expect(details.contains(input('Headers'))).toBe(true);
    expect(details.contains(input('URL'))).toBe(false);
    expect(details.contains(input('Expected status'))).toBe(false);

    rerender(
      <Harness type="http" errors={{ 'config.jsonPath': 'Required when a JSON value is set' }} />,
    );
    expect(details.open).toBe(true);
    expect(screen.getByText('Required when a JSON value is set')).toBeTruthy();
    expect(input('JSON path').getAttribute('aria-invalid')).toBe('true');
  });

  it('has no Advanced section for a type with nothing to fold', () => {
    render(<Harness type="tcp" />);
    expect(screen.queryByText('Advanced')).toBeNull();
    expect(input('Host').placeholder).toBe('nas.lan');
    expect(input('Port').type).toBe('number');
  });

  it('says "unchanged" in empty secrets of a stored check', () => {
    render(<Harness type="http" keepSecrets />);
    fireEvent.change(input('Authentication'), { target: { value: 'basic' } });
    expect(input('Password').placeholder).toBe('unchanged');
    expect(input('Username').placeholder).toBe('');
  });
});

describe('initialConfigValues', () => {
  it('fills a stored config in, secrets left empty and missing fields defaulted', () => {
    const values = initialConfigValues('http', {
      url: 'https://nas.lan/',
      method: 'POST',
      expectedStatus: ['200', '3xx'],
      headers: { Accept: 'application/json', 'X-Key': 'a:b' },
      auth: 'basic',
      username: 'admin',
      followRedirects: false,
    });
    expect(values).toMatchObject({
      url: 'https://nas.lan/',
      method: 'POST',
      expectedStatus: '200, 3xx',
      headers: 'Accept: application/json\nX-Key: a:b',
      auth: 'basic',
      username: 'admin',
      password: '',
      followRedirects: false,
      ignoreTlsErrors: false,
      degradedAboveMs: '0',
    });
  });
});

describe('toConfigInput', () => {
  const http = (overrides: ConfigValues) => ({ ...initialConfigValues('http'), ...overrides });

  it('turns text back into the values the schema takes', () => {
    const { config, errors } = toConfigInput(
      'http',
      http({
        url: 'https://nas.lan/',
        expectedStatus: '200, 3xx 401',
        headers: 'Accept: application/json\n\n  X-Key : a:b  \n',
        degradedAboveMs: '1500',
        keywordAbsent: true,
      }),
    );
    expect(errors).toEqual({});
    expect(config).toMatchObject({
      url: 'https://nas.lan/',
      expectedStatus: ['200', '3xx', '401'],
      headers: { Accept: 'application/json', 'X-Key': 'a:b' },
      degradedAboveMs: 1500,
      keywordAbsent: true,
      followRedirects: true,
      certificateWarningDays: 14,
    });
  });

  it('leaves an empty number out, so the default applies or the schema asks for it', () => {
    const { config } = toConfigInput('tcp', { host: 'db.lan', port: ' ' });
    expect(config).toEqual({ host: 'db.lan' });
  });

  it('reports a header line without a colon under the headers', () => {
    expect(toConfigInput('http', http({ headers: 'Accept' })).errors).toEqual({
      'config.headers': 'Use "Name: value", one per line',
    });
  });

  it('sends hidden fields as their defaults, so turning auth off forgets the credentials', () => {
    const { config } = toConfigInput('http', http({ username: 'admin', password: 'pw' }));
    expect(config).toMatchObject({ auth: 'none', username: '', password: '' });
  });

  it('leaves an empty secret out when the stored one is kept', () => {
    const values = http({ auth: 'basic', username: 'admin', password: '' });
    expect(toConfigInput('http', values, { keepSecrets: true })).toMatchObject({
      kept: ['password'],
    });
    expect('password' in toConfigInput('http', values, { keepSecrets: true }).config).toBe(false);
    expect(toConfigInput('http', values).config).toMatchObject({ password: '' });
    const typed = toConfigInput('http', { ...values, password: 'new' }, { keepSecrets: true });
    expect(typed).toMatchObject({ config: { password: 'new' }, kept: [] });
  });
});
