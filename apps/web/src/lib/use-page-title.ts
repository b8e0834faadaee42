import { useEffect } from 'react';
import type { ServiceSummary } from '@homehub/contracts';

const PRODUCT = 'Home Hub Monitor';

/**
 * "(2 down) Nextcloud · Home Hub Monitor": a background tab still tells what is wrong.
 * The caller hands in the services list (the services feature owns that query).
 */
export function usePageTitle(
  page: string | undefined,
  services: readonly ServiceSummary[] | undefined,
) {
  const down = services?.filter((s) => s.status === 'down').length ?? 0;
  useEffect(() => {
    const prefix = down > 0 ? `(${down} down) ` : '';
    document.title = `${prefix}${page ? `${page} · ` : ''}${PRODUCT}`;
  }, [down, page]);
}
