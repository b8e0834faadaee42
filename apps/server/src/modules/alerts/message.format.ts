import type { AlertMessage, MessageAlert } from './notifier.types.ts';

/** The words and marks every channel uses, so a message reads the same everywhere. */
export const HEADLINE: Record<AlertMessage['kind'], string> = {
  firing: 'FIRING',
  reminder: 'STILL FIRING',
  resolved: 'RESOLVED',
  test: 'TEST',
};

export const isGood = (message: AlertMessage) =>
  message.kind === 'resolved' || message.kind === 'test';

/** Colour as channels want it (Discord embeds, Slack attachments): red, or green when good. */
export const colourOf = (message: AlertMessage) => (isGood(message) ? 0x16a34a : 0xdc2626);

export function alertLine(alert: MessageAlert): string {
  const mark = alert.state === 'resolved' ? '✅' : '🔴';
  return `${mark} ${alert.title}: ${alert.message}`;
}

/** Plain text: the title, then one line per alert, at most `maxAlerts` of them. */
export function plainText(message: AlertMessage, maxAlerts = 30): string {
  const lines = message.alerts.slice(0, maxAlerts).map(alertLine);
  const more = message.alerts.length - maxAlerts;
  if (more > 0) lines.push(`…and ${more} more`);
  if (message.rule) lines.push('', `Rule: ${message.rule}`);
  return [message.title, '', ...lines].join('\n');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Cuts text to a channel's limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
