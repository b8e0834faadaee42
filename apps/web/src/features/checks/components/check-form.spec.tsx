import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CHECK_CONFIGS, CHECK_TYPES, type Check } from '@homehub/contracts';
import { newCheck } from '../../../lib/test-factories.ts';
import { CheckForm, initialValues, toCheckInput, validateCheck } from './check-form.tsx';
import { CheckItem } from './check-item.tsx';
import { checkSchedule, checkTarget } from './check-summary.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const storedCheck = (overrides: Partial<Check> = {}): Check =>
  newCheck({ retries: 0, pushUrl: null, ...overrides });

function withClient(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

function renderForm() {
  const onCreated = vi.fn();
  withClient(<CheckForm serviceId={7} onCreated={onCreated} />);
  return { onCreated };
}

function renderEdit(check: Check) {
  const onSaved = vi.fn();
  withClient(<CheckForm serviceId={check.serviceId} check={check} onSaved={onSaved} />);
  return { onSaved };
}

/** A fetch that answers every call with `body` and records what was sent. */
function stubFetch(body: unknown, status = 200) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json(body, { status }));
  vi.stubGlobal('fetch', fetch);
  const sent = (call = 0) => {
    const [url, init] = fetch.mock.calls[call]!;
    return { url, method: init.method, body: JSON.parse(init.body as string) };
  };
  return { fetch, sent };
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const submit = (name = 'Add check') => fireEvent.click(screen.getByRole('button', { name }));

const errorOf = (input: HTMLElement) => {
  const id = input.getAttribute('aria-describedby')?.split(' ')[0];
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('CheckForm', () => {
  it('offers every check type people add by its title, and swaps the fields with the type', async () => {
    renderForm();
    const select = screen.getByLabelText<HTMLSelectElement>('Type');
    // Container checks come with discovered containers, never from this form.
    const addable = CHECK_TYPES.filter((t) => t !== 'docker');
    expect([...select.options].map((o) => o.value)).toEqual(addable);
    expect([...select.options].map((o) => o.textContent)).toEqual(
      addable.map((t) => CHECK_CONFIGS[t].meta()?.title),
    );
    expect(field('URL')).toBeTruthy();

    fireEvent.change(select, { target: { value: 'dns' } });
    await waitFor(() => expect(screen.queryByLabelText('URL')).toBeNull());
    expect(field('Name').placeholder).toBe('home.example.com');
    expect(field('Record type').value).toBe('A');

    // What was typed for one type is still there after a detour through another.
    type('Name', 'nas.lan');
    fireEvent.change(select, { target: { value: 'tcp' } });
    expect(field('Host')).toBeTruthy();
    fireEvent.change(select, { target: { value: 'dns' } });
    expect(field('Name').value).toBe('nas.lan');
  });

  it('prefills the defaults', () => {
    renderForm();
    expect(field('Method').value).toBe('GET');
    expect(field('Expected status').value).toBe('2xx');
    expect(field('Follow redirects').checked).toBe(true);
    expect(field('Interval (seconds)').value).toBe('60');
    expect(field('Retries').value).toBe('0');
    expect(field('Timeout (seconds)').value).toBe('');
  });

  it('shows username and password only while the authentication is basic', () => {
    renderForm();
    expect(screen.queryByLabelText('Username')).toBeNull();
    type('Authentication', 'basic');
    expect(field('Username')).toBeTruthy();
    expect(field('Password').type).toBe('password');
    type('Authentication', 'none');
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('checks the fields before sending, and says what is wrong under each, as the hub would', () => {
    const { fetch } = stubFetch({});
    renderForm();
    type('URL', 'ftp://nas');
    type('Expected status', '200, abc');
    type('Retries', '11');
    submit();

    expect(screen.getByRole('alert').textContent).toBe('Some fields are not valid');
    expect(field('URL').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(field('URL'))).toBe('Must be an http:// or https:// URL');
    expect(errorOf(field('Expected status'))).toBe(
      'Use a code (200), a class (2xx) or a range (200-299)',
    );
    expect(errorOf(field('Retries'))).toBe('Must be at most 10');
    expect(field('Method').getAttribute('aria-invalid')).toBe('false');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks for the bearer token, opening Advanced to show where', () => {
    stubFetch({});
    renderForm();
    type('URL', 'https://nas.lan/');
    type('Authentication', 'bearer');
    const details = screen.getByText('Advanced').closest('details')!;
    details.open = false;
    submit();
    expect(errorOf(field('Bearer token'))).toBe('Required for bearer authentication');
    expect(details.open).toBe(true);
  });

  it('sends the headers as a record, the statuses as a list and numbers as numbers', async () => {
    const saved = storedCheck({ id: 3, serviceId: 7 });
    const { sent } = stubFetch(saved, 201);
    const { onCreated } = renderForm();
    type('URL', 'https://nas.lan/health');
    type('Method', 'POST');
    type('Expected status', '200, 3xx');
    type('Headers', 'Accept: application/json\nX-Token: a:b');
    type('Authentication', 'basic');
    type('Username', 'admin');
    type('Password', 'pw');
    type('Degraded above (ms)', '1500');
    fireEvent.click(field('Follow redirects'));
    type('Interval (seconds)', '30');
    type('Retries', '2');
    submit();

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(saved));
    const { url, method, body } = sent();
    expect([url, method]).toEqual(['/api/v1/checks', 'POST']);
    expect(body).toEqual({
      serviceId: 7,
      name: 'nas.lan',
      type: 'http',
      intervalSeconds: 30,
      retries: 2,
      enabled: true,
      config: {
        url: 'https://nas.lan/health',
        method: 'POST',
        expectedStatus: ['200', '3xx'],
        headers: { Accept: 'application/json', 'X-Token': 'a:b' },
        body: '',
        auth: 'basic',
        username: 'admin',
        password: 'pw',
        token: '',
        keyword: '',
        keywordAbsent: false,
        jsonPath: '',
        jsonValue: '',
        followRedirects: false,
        ignoreTlsErrors: false,
        degradedAboveMs: 1500,
        certificateWarningDays: 14,
      },
    });
  });

  it("shows the hub's own field errors under their fields and its message on top", async () => {
    stubFetch(
      {
        code: 'validation_error',
        message: 'Some fields are not valid',
        fields: {
          timeoutSeconds: 'Must not be longer than the interval (5 s)',
          'config.port': 'Nothing listens there',
          serviceId: 'No service with id 7',
        },
      },
      400,
    );
    const { onCreated } = renderForm();
    type('Type', 'tcp');
    type('Host', 'db.lan');
    type('Port', '5432');
    type('Interval (seconds)', '5');
    type('Timeout (seconds)', '10');
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Some fields are not valid');
    // A field the form has no input for is listed in the message instead.
    expect(alert.textContent).toContain('serviceId: No service with id 7');
    expect(errorOf(field('Timeout (seconds)'))).toBe('Must not be longer than the interval (5 s)');
    expect(errorOf(field('Port'))).toBe('Nothing listens there');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('shows the push URL of a new push check, with a copy button, before moving on', async () => {
    const saved = storedCheck({ type: 'push', name: 'Backup', pushUrl: '/api/v1/push/s3cr3t/' });
    const { sent } = stubFetch(saved, 201);
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { onCreated } = renderForm();
    type('Type', 'push');
    type('Check name', 'Backup');
    type('Cron schedule', '0 3 * * *');
    type('Time zone', 'Europe/Berlin');
    submit();

    const url = await screen.findByLabelText<HTMLInputElement>('Push URL');
    expect(sent().body).toMatchObject({
      type: 'push',
      config: { graceSeconds: 60, cron: '0 3 * * *', timezone: 'Europe/Berlin' },
    });
    expect(url.value).toBe(`${window.location.origin}/api/v1/push/s3cr3t/`);
    expect(onCreated).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Copy push URL' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith(url.value);

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onCreated).toHaveBeenCalledWith(saved);
  });
});

describe('CheckForm editing a check', () => {
  const stored = storedCheck({
    id: 5,
    serviceId: 2,
    name: 'NAS admin',
    intervalSeconds: 120,
    timeoutSeconds: 8,
    retries: 1,
    config: {
      url: 'https://nas.lan/admin',
      method: 'GET',
      expectedStatus: ['200'],
      headers: { Accept: 'text/html' },
      auth: 'basic',
      username: 'admin',
      // The password is write-only: the API never sends it back.
    },
  });

  it('starts from the stored check, with secrets empty and marked unchanged', () => {
    renderEdit(stored);
    expect(field('Check name').value).toBe('NAS admin');
    expect(field('URL').value).toBe('https://nas.lan/admin');
    expect(field('Expected status').value).toBe('200');
    expect(field('Headers').value).toBe('Accept: text/html');
    expect(field('Username').value).toBe('admin');
    expect(field('Password').value).toBe('');
    expect(field('Password').placeholder).toBe('unchanged');
    expect(field('Interval (seconds)').value).toBe('120');
    expect(field('Timeout (seconds)').value).toBe('8');
    expect(field('Retries').value).toBe('1');
    expect(field('Enabled').checked).toBe(true);
  });

  it('patches the check and leaves an empty secret out, so the hub keeps it', async () => {
    const { sent } = stubFetch(stored);
    const { onSaved } = renderEdit(stored);
    type('Expected status', '200 204');
    type('Timeout (seconds)', '5');
    fireEvent.click(field('Enabled'));
    submit('Save changes');

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(stored));
    const { url, method, body } = sent();
    expect([url, method]).toEqual(['/api/v1/checks/5', 'PATCH']);
    expect(body).toMatchObject({
      name: 'NAS admin',
      type: 'http',
      intervalSeconds: 120,
      timeoutSeconds: 5,
      retries: 1,
      enabled: false,
      config: { expectedStatus: ['200', '204'], auth: 'basic', username: 'admin' },
    });
    expect(body).not.toHaveProperty('serviceId');
    expect(body.config).not.toHaveProperty('password');
  });

  it('sends a secret that was typed in', async () => {
    const { sent } = stubFetch(stored);
    const { onSaved } = renderEdit(stored);
    type('Password', 'n3w');
    submit('Save changes');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent().body.config).toMatchObject({ password: 'n3w' });
  });

  it('does not ask for a kept bearer token, but does when the check is new', () => {
    const bearer = storedCheck({
      config: { url: 'https://nas.lan/', auth: 'bearer', expectedStatus: ['2xx'] },
    });
    const edit = toCheckInput(1, initialValues(bearer), bearer);
    expect(edit.kept).toEqual(['config.token']);
    expect(validateCheck(edit.input, edit.kept)).toEqual({});

    const fresh = toCheckInput(1, initialValues(bearer));
    expect(validateCheck(fresh.input, fresh.kept)).toEqual({
      'config.token': 'Required for bearer authentication',
    });
  });
});

describe('toCheckInput', () => {
  const withConfig = (type: Check['type'], config: Record<string, string>) => ({
    ...initialValues(),
    type,
    configs: initialValues(storedCheck({ type, config })).configs,
  });

  it('names a check after its target when left blank', () => {
    const name = (type: Check['type'], config: Record<string, string>) =>
      toCheckInput(1, withConfig(type, config)).input.name;
    expect(name('http', { url: 'https://cloud.home.lan/status.php' })).toBe('cloud.home.lan');
    expect(name('tcp', { host: 'db.lan', port: '5432' })).toBe('db.lan:5432');
    expect(name('tls', { host: 'home.example.com', port: '443' })).toBe('home.example.com');
    expect(name('tls', { host: 'home.example.com', port: '8443' })).toBe('home.example.com:8443');
    expect(name('dns', { name: 'home.example.com' })).toBe('home.example.com');
    expect(name('ping', { host: '192.168.1.1' })).toBe('192.168.1.1');
    expect(name('push', {})).toBe('Heartbeat');
  });

  it('leaves blank numbers out and keeps numbers that are not numbers for the schema to refuse', () => {
    const values = { ...initialValues(), intervalSeconds: ' ', retries: 'x' };
    const { input } = toCheckInput(1, values);
    expect(input).not.toHaveProperty('intervalSeconds');
    expect(input).not.toHaveProperty('timeoutSeconds');
    expect(validateCheck(input)).toMatchObject({ retries: 'Must be a number' });
  });
});

describe('CheckItem', () => {
  it('opens the form prefilled in a dialog for operators only', () => {
    const check = storedCheck({ name: 'Homepage' });
    withClient(
      <ul>
        <CheckItem check={check} canOperate />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit check Homepage' }));
    const form = screen.getByRole('form', { name: 'Edit check Homepage' });
    expect(within(form).getByLabelText<HTMLInputElement>('URL').value).toBe('http://example.test/');
    cleanup();

    withClient(
      <ul>
        <CheckItem check={check} canOperate={false} />
      </ul>,
    );
    expect(screen.queryByRole('button', { name: 'Edit check Homepage' })).toBeNull();
  });
});

describe('checkTarget', () => {
  const target = (type: Check['type'], config: Record<string, unknown>, intervalSeconds = 60) =>
    checkTarget(storedCheck({ type, config, intervalSeconds }));

  it('sums up each type in one line', () => {
    expect(
      target('http', { method: 'HEAD', url: 'https://nas.lan/', expectedStatus: ['200', '3xx'] }),
    ).toBe('HEAD https://nas.lan/ → 200, 3xx');
    expect(target('tcp', { host: 'db.lan', port: 5432 })).toBe('db.lan:5432');
    expect(target('dns', { name: 'home.lan', recordType: 'AAAA', resolver: '1.1.1.1' })).toBe(
      'AAAA home.lan @1.1.1.1',
    );
    expect(target('dns', { name: 'home.lan', recordType: 'A', resolver: '' })).toBe('A home.lan');
    expect(target('ping', { host: '192.168.1.1' })).toBe('192.168.1.1');
    expect(target('tls', { host: 'home.example.com', port: 443 })).toBe('home.example.com:443');
    expect(target('push', { graceSeconds: 60, cron: '' }, 3600)).toBe('every 1 h + 1 min grace');
    expect(
      target('push', { graceSeconds: 300, cron: '0 3 * * *', timezone: 'Europe/Berlin' }),
    ).toBe('0 3 * * * Europe/Berlin + 5 min grace');
  });

  it('lists the retries with the schedule', () => {
    expect(checkSchedule(storedCheck({ retries: 2 }))).toBe(
      'every 1 min · timeout 10 s · 2 retries',
    );
    expect(checkSchedule(storedCheck({ type: 'push', retries: 0 }))).toBe('');
  });
});
