import { useEffect } from 'react';
import type { ServiceSummary, Status } from '@homehub/contracts';

const COLORS = {
  down: '#dc2626',
  flapping: '#e8590c',
  degraded: '#d48806',
  up: '#15a34a',
  none: '#8a93a1',
};

function faviconSvg(color: string, count: number): string {
  const badge =
    count > 0
      ? `<text x="16" y="21.5" font-family="system-ui,sans-serif" font-size="${count > 9 ? 12 : 15}" font-weight="700" text-anchor="middle" fill="#fff">${count > 99 ? '99' : count}</text>`
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f172a"/><circle cx="16" cy="16" r="${count > 0 ? 11 : 7}" fill="${color}"/>${badge}</svg>`;
}

/** The worst status shown, in the order a glance at the tab should tell it. */
function colorOf(services: readonly ServiceSummary[] | undefined): string {
  const has = (status: Status) => services?.some((s) => s.status === status) ?? false;
  if (has('down')) return COLORS.down;
  if (has('flapping')) return COLORS.flapping;
  if (has('degraded')) return COLORS.degraded;
  return has('up') ? COLORS.up : COLORS.none;
}

/** The tab icon turns red with the number of services down (orange when flapping, amber when degraded). */
export function useStatusFavicon(services: readonly ServiceSummary[] | undefined) {
  const down = services?.filter((s) => s.status === 'down').length ?? 0;
  const color = colorOf(services);

  useEffect(() => {
    let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'icon';
      document.head.append(link);
    }
    link.type = 'image/svg+xml';
    link.href = `data:image/svg+xml,${encodeURIComponent(faviconSvg(color, down))}`;
  }, [color, down]);
}
