import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error.ts';
import { session } from '../lib/session.ts';
import { watchTheme } from '../lib/theme.ts';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The live stream keeps the cache current; refetching is the fallback, not the rule.
        staleTime: 30_000,
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);

  useEffect(() => watchTheme(), []);

  // Nothing of one session may show in the next.
  useEffect(
    () =>
      session.subscribe(() => {
        if (!session.signedIn()) client.clear();
      }),
    [client],
  );

  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
