import { describe, expect, it } from 'vitest';
import { channelFieldsOf, initialChannelValues, toChannelConfig } from './channel-fields.tsx';

describe('channel config fields', () => {
  it('are read from the type’s schema, secrets marked', () => {
    const fields = channelFieldsOf('webhook');
    expect(fields.map((f) => [f.key, f.kind, f.secret])).toEqual([
      ['url', 'url', true],
      ['headers', 'map', true],
      ['secret', 'text', true],
    ]);
    expect(channelFieldsOf('email').find((f) => f.key === 'to')?.kind).toBe('list');
  });

  it('start from the defaults and never from a secret', () => {
    const values = initialChannelValues('ntfy', { topic: 'lab', serverUrl: 'https://n.lan' });
    expect(values).toMatchObject({ topic: 'lab', serverUrl: 'https://n.lan', priority: '4' });
    expect(values.token).toBe('');
  });

  it('leave an empty secret out when editing, so the hub keeps it', () => {
    const values = { ...initialChannelValues('gotify'), serverUrl: 'https://g.lan', token: '' };
    expect(toChannelConfig('gotify', values, true).config).toEqual({
      serverUrl: 'https://g.lan',
      priority: 8,
    });
    expect(toChannelConfig('gotify', values, false).config).toHaveProperty('token', '');
  });

  it('turn lines into lists and headers, and name a line that is not a header', () => {
    const email = toChannelConfig(
      'email',
      { ...initialChannelValues('email'), to: 'a@example.com\nb@example.com, c@example.com' },
      false,
    );
    expect(email.config.to).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    const hook = toChannelConfig(
      'webhook',
      { ...initialChannelValues('webhook'), url: 'http://x', headers: 'X-A: 1\nbroken' },
      false,
    );
    expect(hook.errors).toEqual({ 'config.headers': 'Use "Name: value", one per line' });
  });
});
