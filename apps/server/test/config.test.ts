import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'hh-config-'));

describe('loadConfig', () => {
  it('starts on defaults with nothing set, and keeps the generated secret key', () => {
    const dataDir = tmp();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 8000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      debug: false,
      logLevel: 'info',
      admin: undefined,
      allowedHosts: [],
    });
    const file = path.join(dataDir, 'secret_key');
    expect(readFileSync(file, 'utf8').trim()).toBe(config.secretKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).secretKey).toBe(config.secretKey);
    expect(config.secretKey.length).toBeGreaterThanOrEqual(32);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: tmp(),
      DATABASE_URL: 'postgres://u:p@db:5432/hub',
      SECRET_KEY: 'k'.repeat(40),
      DEBUG: 'true',
      ALLOWED_HOSTS: 'hub.example.com, Status.Example.com',
      CORS_ORIGINS: 'https://home.example.com, http://10.0.0.5:3000',
      RESULTS_RETENTION_DAYS: '14',
      ADMIN_EMAIL: 'Me@Example.com',
      ADMIN_PASSWORD: 'long enough',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db:5432/hub',
      secretKey: 'k'.repeat(40),
      debug: true,
      logLevel: 'debug',
      allowedHosts: ['hub.example.com', 'status.example.com'],
      corsOrigins: ['https://home.example.com', 'http://10.0.0.5:3000'],
      resultsRetentionDays: 14,
      admin: { email: 'me@example.com', password: 'long enough' },
    });
  });

  it('lists every bad variable at once and never echoes a secret', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        ADMIN_EMAIL: 'a@b.co',
        ADMIN_PASSWORD: 'short',
        CORS_ORIGINS: 'home.example.com',
        DATA_DIR: tmp(),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: must be a postgres:\/\/ URL/m);
    expect(problems).toMatch(/^CORS_ORIGINS: must be origins like/m);
    expect(problems).toMatch(
      /^ADMIN_PASSWORD: must be at least 8 characters \(got a hidden value\)/m,
    );
    expect(problems).not.toContain('short');
  });

  it('wants the admin email and password together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.co', DATA_DIR: tmp() })).toThrow(/ADMIN_PASSWORD/);
  });
});
