import nodemailer from 'nodemailer';
import { EmailChannelConfig } from '@homehub/contracts';
import { defineNotifier } from '../notifier.types.ts';
import { colourOf, escapeHtml, HEADLINE, plainText } from '../message.format.ts';

/** The HTML part: a headline and one row per alert; inline styles, as mail clients want. */
function html(message: Parameters<typeof plainText>[0]): string {
  const colour = `#${colourOf(message).toString(16).padStart(6, '0')}`;
  const rows = message.alerts
    .slice(0, 200)
    .map(
      (a) =>
        `<tr><td style="padding:4px 8px;color:${a.state === 'resolved' ? '#16a34a' : '#dc2626'}">${a.state}</td>` +
        `<td style="padding:4px 8px"><strong>${escapeHtml(a.title)}</strong><br>${escapeHtml(a.message)}</td></tr>`,
    )
    .join('');
  return (
    `<div style="font-family:system-ui,sans-serif">` +
    `<h2 style="color:${colour};margin:0 0 12px">${escapeHtml(message.title)}</h2>` +
    `<table style="border-collapse:collapse">${rows}</table>` +
    (message.rule ? `<p style="color:#666">Rule: ${escapeHtml(message.rule)}</p>` : '') +
    `<p style="color:#999;font-size:12px">Home Hub Monitor · ${HEADLINE[message.kind]}</p></div>`
  );
}

export const emailNotifier = defineNotifier({
  type: 'email',
  config: EmailChannelConfig,
  async send(message, config, signal) {
    // `secure` is TLS from the first byte (465); otherwise nodemailer upgrades with STARTTLS
    // whenever the server offers it.
    const transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.username ? { auth: { user: config.username, pass: config.password } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      // Nothing in an alert is a file or a URL to fetch.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    const abort = () => transport.close();
    signal.addEventListener('abort', abort, { once: true });
    try {
      await transport.sendMail({
        from: config.from,
        to: config.to,
        subject: message.title,
        text: plainText(message, 200),
        html: html(message),
        // A stable Message-ID lets a mail system drop the copy a retry may send.
        messageId: `<${message.idempotencyKey}@homehub.local>`,
        headers: { 'X-Homehub-Idempotency-Key': message.idempotencyKey },
      });
      return { ok: true };
    } catch (error) {
      if (signal.aborted) return { ok: false, error: 'Timed out or interrupted' };
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      signal.removeEventListener('abort', abort);
      transport.close();
    }
  },
});
