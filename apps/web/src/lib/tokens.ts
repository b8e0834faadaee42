import type { TokenPair } from '@homehub/contracts';

const STORAGE_KEY = 'homehub.tokens';

type Listener = () => void;

function read(): TokenPair | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<TokenPair>;
    return typeof parsed.access === 'string' && typeof parsed.refresh === 'string'
      ? { access: parsed.access, refresh: parsed.refresh }
      : null;
  } catch {
    return null;
  }
}

let current: TokenPair | null = read();
const listeners = new Set<Listener>();

function notify() {
  for (const listener of listeners) listener();
}

/** The signed-in session's tokens, kept in localStorage and shared with other tabs. */
export const tokenStore = {
  get: (): TokenPair | null => current,

  set(tokens: TokenPair | null): void {
    current = tokens;
    if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else localStorage.removeItem(STORAGE_KEY);
    notify();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing in or out in one tab does the same in the others.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    current = read();
    notify();
  });
}

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
export function expiryOf(jwt: string): number | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}
