import { useSyncExternalStore } from 'react';
import { tokenStore } from './tokens.ts';

const subscribe = (listener: () => void) => tokenStore.subscribe(listener);
const signedIn = () => tokenStore.get() !== null;

/** Whether someone is signed in, following sign-in and sign-out in this and other tabs. */
export const useSignedIn = () => useSyncExternalStore(subscribe, signedIn);
