import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, OPENAPI_FILE } from '../src/openapi.ts';

describe('the committed openapi.json', () => {
  it('matches what the routes describe (run `npm run openapi` after changing a route)', async () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(await generateOpenApi()).toBe(committed);
  });

  it('marks only the sign-in, setup, health and push routes public', () => {
    const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const open = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security?.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(open.sort()).toEqual([
      'GET /api/v1/auth/setup',
      'GET /api/v1/push/{token}',
      'GET /api/v1/push/{token}/{signal}',
      'GET /healthz',
      'GET /readyz',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/setup',
      'POST /api/v1/auth/token',
      'POST /api/v1/auth/token/refresh',
      'POST /api/v1/push/{token}',
      'POST /api/v1/push/{token}/{signal}',
    ]);
  });
});
