import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { servicesQueryOptions } from '../api/services.api.ts';

const PRODUCT = 'Home Hub Monitor';

/** "(2 down) Nextcloud · Home Hub Monitor": a background tab still tells what is wrong. */
export function usePageTitle(page?: string) {
  const { data } = useQuery(servicesQueryOptions());
  const down = data?.filter((s) => s.status === 'down').length ?? 0;
  useEffect(() => {
    const prefix = down > 0 ? `(${down} down) ` : '';
    document.title = `${prefix}${page ? `${page} · ` : ''}${PRODUCT}`;
  }, [down, page]);
}
