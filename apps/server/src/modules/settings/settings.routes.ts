import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, Settings, SettingsUpdate } from '@homehub/contracts';
import type { SettingsService } from './settings.service.ts';

export function settingsRoutes(settings: SettingsService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['settings'];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

    r.get(
      '/settings',
      {
        schema: {
          tags,
          summary: 'Hub settings: history retention, flapping, and the disk they take',
          response: { 200: Settings, ...errors },
        },
      },
      () => settings.get(),
    );

    r.patch(
      '/settings',
      {
        schema: {
          tags,
          summary: 'Change hub settings; answers them with a new storage estimate',
          body: SettingsUpdate,
          response: { 200: Settings, ...errors },
        },
      },
      (request) => settings.update(request.body),
    );
  };
}
