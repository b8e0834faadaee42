import { EventEmitter } from 'node:events';
import type { LiveMessage } from '@homehub/contracts';

export type BusHandler = (message: LiveMessage) => void;

/**
 * Everything that happens leaves the process through the bus. The in-process bus is
 * the embedded default; a Redis one will implement the same interface for replicas.
 */
export interface Bus {
  publish(message: LiveMessage): void;
  subscribe(handler: BusHandler): () => void;
  close(): Promise<void>;
}

export function createInProcessBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(message) {
      emitter.emit('message', message);
    },
    subscribe(handler) {
      // One slow or throwing subscriber must not break the publisher or the others.
      const safe = (message: LiveMessage) => {
        try {
          handler(message);
        } catch {
          /* a subscriber's own problem */
        }
      };
      emitter.on('message', safe);
      return () => emitter.off('message', safe);
    },
    close() {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}
