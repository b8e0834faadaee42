import './messages.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './checks.ts';
export * from './services.ts';
export * from './events.ts';
export * from './live.ts';
export * from './settings.ts';
export * from './docker.ts';
