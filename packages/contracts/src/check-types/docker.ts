import { z } from 'zod';

/**
 * A container's state as a check. Its observations come from the engine's event stream and
 * stats, not from a probe the scheduler runs; the thresholds are optional.
 */
export const DockerConfig = z
  .object({
    engineId: z.int().positive().meta({ title: 'Engine', description: 'The engine it runs on.' }),
    container: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .meta({ title: 'Container name', examples: ['jellyfin'] }),
    startingGraceSeconds: z.int().min(0).max(86_400).default(120).meta({
      title: 'Health start grace (seconds)',
      description: 'How long a health check may say "starting" before the check turns degraded.',
    }),
    cpuPercent: z.number().min(1).max(100_000).nullable().default(null).meta({
      title: 'CPU above (%)',
      description: 'Degraded while CPU stays above this share of one core; empty for no limit.',
    }),
    cpuSeconds: z.int().min(0).max(86_400).default(60).meta({
      title: 'CPU for (seconds)',
      description: 'How long CPU must stay above the limit.',
    }),
    memoryPercent: z.number().min(1).max(100).nullable().default(null).meta({
      title: 'Memory above (% of limit)',
      description: 'Degraded while memory use is above this share of its limit; empty for none.',
    }),
  })
  .meta({
    title: 'Docker container',
    description: 'Up while the container runs (and is healthy); fed by the engine live.',
  });
export type DockerConfig = z.infer<typeof DockerConfig>;
