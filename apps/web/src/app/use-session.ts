import { useSyncExternalStore } from 'react';
import { tokenStore } from '../api/tokens.ts';

/** Whether someone is signed in, following sign-in and sign-out in this and other tabs. */
export const useSignedIn = () => useSyncExternalStore(tokenStore.subscribe, () => tokenStore.get() !== null);
