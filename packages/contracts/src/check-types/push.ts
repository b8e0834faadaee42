import { z } from 'zod';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const PushConfig = z
  .object({
    graceSeconds: z.int().min(0).max(86_400).default(60).meta({
      title: 'Grace (seconds)',
      description: 'How late a call may be before the check turns down.',
    }),
    cron: z
      .string()
      .trim()
      .max(120)
      .regex(/^$|^\S+( \S+){4}$/, 'Must be five fields: minute hour day month weekday')
      .default('')
      .meta({
        title: 'Cron schedule',
        description: 'When calls are expected, e.g. "0 3 * * *"; empty expects one every interval.',
        examples: ['0 3 * * *'],
      }),
    timezone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, 'Must be a time zone such as Europe/Berlin or UTC')
      .default('UTC')
      .meta({ title: 'Time zone', description: 'For the cron schedule, e.g. Europe/Berlin.' }),
  })
  .meta({
    title: 'Push (heartbeat)',
    description: 'A cron job or backup script calls a secret URL; no call in time means down.',
  });
export type PushConfig = z.infer<typeof PushConfig>;
