import { useSyncExternalStore } from 'react';
import { session } from './session.ts';

const subscribe = (listener: () => void) => session.subscribe(listener);

/** Whether someone is signed in, following sign-in and sign-out in this and other tabs. */
export const useSignedIn = () => useSyncExternalStore(subscribe, session.signedIn);
