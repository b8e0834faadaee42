import { describeFailure, type ProbeContext } from '../src/modules/checks/check.types.ts';

export function context(timeoutMs = 2_000): ProbeContext {
  return { signal: AbortSignal.timeout(timeoutMs), timeoutMs };
}

/** Runs a probe the way the runner does: a throw becomes a `down` with a reason. */
export async function probe<C>(
  definition: {
    run(
      config: C,
      ctx: ProbeContext,
    ): Promise<{ status: string; latencyMs: number | null; message: string }>;
  },
  config: C,
  ctx = context(),
) {
  try {
    return await definition.run(config, ctx);
  } catch (error) {
    return { status: 'down', latencyMs: null, message: describeFailure(error, ctx) };
  }
}
