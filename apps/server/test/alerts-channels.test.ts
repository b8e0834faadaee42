import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from './harness.ts';
import { startReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from './receivers.ts';
import { newAccount } from './accounts.ts';
import { selfSignedCertificate } from './certificates.ts';

/**
 * Every channel type delivers to a real receiver: a local SMTP server for email, local HTTP
 * servers for the rest. Each payload is checked against the service's documented format.
 */
describe.each(backends())('notification channels on %s', (backend) => {
  let t: TestHub;
  let receiver: HttpReceiver;
  let smtp: SmtpSink;

  beforeAll(async () => {
    t = await startTestHub(backend, { start: false });
    receiver = await startReceiver();
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
    await smtp?.stop();
  });

  async function channel(body: Record<string, unknown>) {
    const res = await t.api('POST', '/api/v1/channels', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; config: Record<string, unknown>; secretsSet: string[] };
  }

  /** Sends a test through the channel and answers the result and what the receiver took. */
  async function test(id: number) {
    const before = receiver.requests.length;
    const res = await t.api('POST', '/api/v1/alerts/test', { channelId: id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { result: res.body, request: receiver.requests[before] };
  }

  it('sends email over SMTP with a text and an HTML part', async () => {
    const { id } = await channel({
      name: 'Mail',
      type: 'email',
      config: {
        host: '127.0.0.1',
        port: smtp.port,
        username: 'hub',
        password: 'mail-password',
        from: 'hub@example.com',
        to: ['ops@example.com', 'me@example.com'],
      },
    });
    const res = await t.api('POST', '/api/v1/alerts/test', { channelId: id });
    expect(res.body).toMatchObject({ ok: true, error: null });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.from).toBe('hub@example.com');
    expect(mail!.to).toEqual(['ops@example.com', 'me@example.com']);
    expect(mail!.headers.get('subject')).toBe('[TEST] Home Hub Monitor can reach "Mail"');
    expect(mail!.headers.get('x-homehub-idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(mail!.text).toContain('Sent from the dashboard to check this channel');
    expect(mail!.html).toContain('<h2');
    expect(mail!.html).toContain('Test message');
  });

  it('answers the SMTP server’s refusal as the result', async () => {
    const { id } = await channel({
      name: 'Mail nowhere',
      type: 'email',
      config: { host: '127.0.0.1', port: 9, from: 'hub@example.com', to: ['x@example.com'] },
    });
    const res = await t.api('POST', '/api/v1/alerts/test', { channelId: id });
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it('upgrades with STARTTLS when offered, or speaks TLS from the start, and checks the certificate', async () => {
    const { key, cert } = selfSignedCertificate(30);
    for (const implicitTls of [false, true]) {
      const tlsSink = await startSmtpSink({ key, cert, implicitTls });
      try {
        const { id } = await channel({
          name: `TLS mail ${implicitTls}`,
          type: 'email',
          config: {
            host: '127.0.0.1',
            port: tlsSink.port,
            secure: implicitTls,
            from: 'hub@example.com',
            to: ['ops@example.com'],
          },
        });
        const res = await t.api('POST', '/api/v1/alerts/test', { channelId: id });
        // The handshake happened: the self-signed certificate is what stops it, so nothing
        // was ever sent in clear text.
        expect(res.body.ok).toBe(false);
        expect(res.body.error).toMatch(/self[- ]signed/i);
        expect(tlsSink.mails).toHaveLength(0);
      } finally {
        await tlsSink.stop();
      }
    }
  });

  it('posts a Block Kit message to a Slack incoming webhook', async () => {
    const { id } = await channel({
      name: 'Slack',
      type: 'slack',
      config: { webhookUrl: `${receiver.url}/services/T000/B000/XXXX` },
    });
    const { result, request } = await test(id);
    expect(result.ok).toBe(true);
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/services/T000/B000/XXXX');
    expect(request!.headers['content-type']).toBe('application/json');
    const body = request!.json;
    expect(typeof body.text).toBe('string');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '[TEST] Home Hub Monitor can reach "Slack"' },
    });
    expect(body.blocks[1].type).toBe('section');
    expect(body.blocks[1].text.type).toBe('mrkdwn');
    expect(body.blocks.at(-1).type).toBe('context');
    expect(body.blocks.length).toBeLessThanOrEqual(50);
  });

  it('posts an embed to a Discord webhook', async () => {
    const { id } = await channel({
      name: 'Discord',
      type: 'discord',
      config: { webhookUrl: `${receiver.url}/api/webhooks/1/abc`, username: 'Hub' },
    });
    receiver.answer = { status: 204, body: '', hang: false };
    const { result, request } = await test(id);
    receiver.answer = { status: 200, body: '{}', hang: false };
    expect(result.ok).toBe(true);
    expect(request!.path).toBe('/api/webhooks/1/abc');
    const body = request!.json;
    expect(body.username).toBe('Hub');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    const embed = body.embeds[0];
    expect(embed.title).toBe('[TEST] Home Hub Monitor can reach "Discord"');
    expect(embed.color).toBe(0x16a34a);
    expect(Number.isNaN(Date.parse(embed.timestamp))).toBe(false);
    expect(embed.fields[0]).toMatchObject({ name: '✅ Test message', inline: false });
  });

  it('signs a generic webhook’s JSON body with HMAC-SHA256 and sends its idempotency key', async () => {
    const secret = 'hmac-secret-value';
    const { id } = await channel({
      name: 'Hook',
      type: 'webhook',
      config: { url: `${receiver.url}/hook?token=abc`, headers: { 'X-Team': 'ops' }, secret },
    });
    const { result, request } = await test(id);
    expect(result.ok).toBe(true);
    const expected = createHmac('sha256', secret).update(request!.raw).digest('hex');
    expect(request!.headers['x-homehub-signature']).toBe(`sha256=${expected}`);
    expect(request!.headers['x-team']).toBe('ops');
    expect(request!.headers['x-homehub-event']).toBe('test');
    const body = request!.json;
    expect(request!.headers['idempotency-key']).toBe(body.idempotencyKey);
    expect(body).toMatchObject({ version: 1, kind: 'test', status: 'resolved', rule: null });
    expect(body.alerts[0]).toMatchObject({ state: 'resolved', title: 'Test message' });
  });

  it('publishes to an ntfy topic as JSON with a bearer token', async () => {
    const { id } = await channel({
      name: 'ntfy',
      type: 'ntfy',
      config: { serverUrl: receiver.url, topic: 'homelab', token: 'tk_ntfy', priority: 5 },
    });
    const { result, request } = await test(id);
    expect(result.ok).toBe(true);
    expect(request!.path).toBe('/');
    expect(request!.headers.authorization).toBe('Bearer tk_ntfy');
    expect(request!.json).toMatchObject({
      topic: 'homelab',
      title: '[TEST] Home Hub Monitor can reach "ntfy"',
      priority: 3,
      tags: ['white_check_mark'],
    });
    expect(request!.json.message).toContain('Test message');
  });

  it('creates a Gotify message with the application token in its header', async () => {
    const { id } = await channel({
      name: 'Gotify',
      type: 'gotify',
      config: { serverUrl: `${receiver.url}/gotify/`, token: 'AgotifyToken' },
    });
    const { result, request } = await test(id);
    expect(result.ok).toBe(true);
    expect(request!.path).toBe('/gotify/message');
    expect(request!.headers['x-gotify-key']).toBe('AgotifyToken');
    expect(request!.json).toMatchObject({
      title: '[TEST] Home Hub Monitor can reach "Gotify"',
      priority: 4,
    });
    expect(typeof request!.json.message).toBe('string');
  });

  it('calls the Telegram Bot API’s sendMessage and reads its verdict', async () => {
    const { id } = await channel({
      name: 'Telegram',
      type: 'telegram',
      config: { botToken: '123456:ABC-def_ghi', chatId: '-100200300', apiUrl: receiver.url },
    });
    receiver.answer = { status: 200, body: '{"ok":true,"result":{"message_id":1}}', hang: false };
    const { result, request } = await test(id);
    expect(result.ok).toBe(true);
    expect(request!.path).toBe('/bot123456:ABC-def_ghi/sendMessage');
    expect(request!.json).toMatchObject({ chat_id: '-100200300', parse_mode: 'HTML' });
    expect(request!.json.text).toMatch(
      /^<b>\[TEST\] Home Hub Monitor can reach &quot;Telegram&quot;<\/b>/,
    );

    receiver.answer = {
      status: 400,
      body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
      hang: false,
    };
    const refused = await test(id);
    receiver.answer = { status: 200, body: '{}', hang: false };
    expect(refused.result.ok).toBe(false);
    expect(refused.result.error).toContain('chat not found');
  });

  it('answers a receiver’s error as the test result, and keeps the attempt', async () => {
    const { id } = await channel({
      name: 'Broken hook',
      type: 'webhook',
      config: { url: `${receiver.url}/broken` },
    });
    receiver.answer = { status: 500, body: 'upstream exploded', hang: false };
    const { result } = await test(id);
    receiver.answer = { status: 200, body: '{}', hang: false };
    expect(result).toMatchObject({ ok: false, error: 'HTTP 500: upstream exploded' });
  });

  it('never answers a secret, and keeps one a change leaves out', async () => {
    const viewer = await newAccount(t, 'viewer');
    const secret = 'kept-secret';
    const created = await channel({
      name: 'Secret hook',
      type: 'webhook',
      config: { url: `${receiver.url}/secret?token=zzz`, secret },
    });
    expect(created.config).toEqual({});
    expect(created.secretsSet.sort()).toEqual(['secret', 'url']);
    for (const token of [t.token, viewer.token]) {
      const list = await t.api('GET', '/api/v1/channels', undefined, token);
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(secret);
      expect(JSON.stringify(list.body)).not.toContain('token=zzz');
    }
    const renamed = await t.api('PATCH', `/api/v1/channels/${created.id}`, {
      name: 'Renamed hook',
      config: {},
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Renamed hook');
    // Both secrets survived the change: the URL still reaches the receiver, signed as before.
    const { result, request } = await test(created.id);
    expect(result.ok).toBe(true);
    expect(request!.path).toBe('/secret?token=zzz');
    const expected = createHmac('sha256', secret).update(request!.raw).digest('hex');
    expect(request!.headers['x-homehub-signature']).toBe(`sha256=${expected}`);

    const denied = await t.api(
      'POST',
      '/api/v1/channels',
      { name: 'x', type: 'slack', config: { webhookUrl: 'http://x' } },
      viewer.token,
    );
    expect(denied.status).toBe(403);
  });

  it('names each bad field of a channel’s config', async () => {
    const res = await t.api('POST', '/api/v1/channels', {
      name: 'Bad',
      type: 'telegram',
      config: { botToken: 'nope', chatId: 'someone' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['config.botToken', 'config.chatId']);
    const unknown = await t.api('POST', '/api/v1/alerts/test', { channelId: 999999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.channelId).toContain('No channel');
  });
});
