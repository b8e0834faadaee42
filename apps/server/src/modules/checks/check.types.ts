import type { z } from 'zod';
import type { CheckType, ResultStatus } from '@homehub/contracts';

/** What a probe concludes. It mutates nothing and knows nothing of storage. */
export interface Observation {
  status: ResultStatus;
  latencyMs: number | null;
  message: string;
}

export interface ProbeContext {
  /** Aborted when the check's timeout passes or the hub shuts down. */
  signal: AbortSignal;
  timeoutMs: number;
}

export interface CheckTypeDefinition<C> {
  type: CheckType;
  config: z.ZodType<C>;
  run(config: C, context: ProbeContext): Promise<Observation>;
}

export function defineCheckType<C>(definition: CheckTypeDefinition<C>): CheckTypeDefinition<C> {
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
