/** Set by the hub at sign-in next to its httpOnly session cookie; readable, unlike that one. */
const CSRF_COOKIE = 'hh_csrf';
const CHANNEL = 'homehub.session';

type Listener = () => void;
const listeners = new Set<Listener>();

function readCsrf(): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

function notify(broadcast: boolean) {
  for (const listener of listeners) listener();
  if (broadcast) channel?.postMessage('changed');
}

// Signing in or out in one tab does the same in the others.
if (channel) channel.onmessage = () => notify(false);

/**
 * The browser's sign-in: the session secret lives in an httpOnly cookie no script can read;
 * the CSRF token beside it tells the dashboard it is signed in and goes with every change.
 */
export const session = {
  csrfToken: readCsrf,

  signedIn: (): boolean => readCsrf() !== null,

  /** After the hub set the cookies (sign-in, setup, password change). */
  started(): void {
    notify(true);
  },

  /** Signed out here or refused by the hub: forget the marker so the login page shows. */
  ended(): void {
    document.cookie = `${CSRF_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
    notify(true);
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
