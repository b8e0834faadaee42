import type { z } from 'zod';
import type { CheckType, ResultStatus } from '@homehub/contracts';

/** What a probe concludes. It mutates nothing and knows nothing of storage. */
export interface Observation {
  status: ResultStatus;
  latencyMs: number | null;
  message: string;
}

/** What a push check knows when it is evaluated: the calls its job made, and the time. */
export interface PushContext {
  now: number;
  intervalMs: number;
  /** Since when calls are expected (the check was created or enabled). */
  watchingSince: number;
  lastCallAt: number | null;
  /** A "start" call not yet followed by a finish. */
  startedAt: number | null;
}

export interface ProbeContext {
  /** Aborted when the check's timeout passes or the hub shuts down. */
  signal: AbortSignal;
  timeoutMs: number;
  /** Push checks only. */
  push?: PushContext;
}

/** R is Observation | null only for a type that may have nothing to say yet (push). */
export interface CheckTypeDefinition<C, R extends Observation | null = Observation> {
  type: CheckType;
  config: z.ZodType<C>;
  run(config: C, context: ProbeContext): Promise<R>;
  /** How often to run, when not the check's interval (a push deadline is watched closely). */
  everyMs?(intervalMs: number): number;
}

export function defineCheckType<C, R extends Observation | null = Observation>(
  definition: CheckTypeDefinition<C, R>,
): CheckTypeDefinition<C, R> {
  return definition;
}

/** A thrown error or an abort becomes a `down` observation with a readable reason. */
export function describeFailure(error: unknown, context: ProbeContext): string {
  if (context.signal.aborted) return `Timed out after ${context.timeoutMs / 1000} s`;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const causeMessage = error.cause instanceof Error ? error.cause.message : undefined;
    return code && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : (causeMessage ?? error.message);
  }
  return String(error);
}
