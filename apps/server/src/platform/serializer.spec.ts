import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Check, Service } from '@homehub/contracts';
import { serializerCompiler } from './serializer.ts';

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/', httpStatus: '200' });

describe('response serializer', () => {
  it('writes only what the schema declares', () => {
    const write = compile(z.object({ id: z.int(), email: z.string() }));
    const row = { id: 1, email: 'a@example.com', passwordHash: '$scrypt$secret' };
    expect(JSON.parse(write(row))).toEqual({ id: 1, email: 'a@example.com' });
  });

  it('keeps nulls, nested records of any value and whole resources intact', () => {
    const check = {
      id: 3,
      serviceId: 1,
      name: 'home',
      type: 'http',
      intervalSeconds: 60,
      timeoutSeconds: 10,
      enabled: true,
      retries: 2,
      config: { url: 'http://x/', headers: { 'X-A': '1' }, expectedStatus: ['2xx'] },
      pushUrl: null,
      status: 'up',
      lastResult: {
        checkId: 3,
        status: 'up',
        latencyMs: 12.5,
        message: 'OK',
        at: '2026-11-28T12:00:00.000Z',
      },
      createdAt: '2026-11-28T12:00:00.000Z',
      updatedAt: '2026-11-28T12:00:00.000Z',
    };
    const service = {
      id: 1,
      name: 'Home',
      description: '',
      group: null,
      tags: ['nas'],
      status: 'up',
      statusChangedAt: null,
      checks: [check],
      recentResults: [check.lastResult],
      uptime: { '24h': 99.5, '7d': null, '30d': 100 },
      createdAt: check.createdAt,
      updatedAt: check.updatedAt,
    };
    expect(JSON.parse(compile(Check)(check))).toEqual(check);
    expect(JSON.parse(compile(Service)(service))).toEqual(service);
    expect(compile(z.null())(null)).toBe('null');
  });
});
