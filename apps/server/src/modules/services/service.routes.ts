import type { FastifyInstance } from 'fastify';
import { visibleChecks } from '../checks/check.visibility.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  IdParams,
  ListQuery,
  Service,
  ServiceSummary,
  ServiceCreate,
  ServiceUpdate,
  listOf,
} from '@homehub/contracts';
import { listResponse } from '../../platform/pagination.ts';
import type { ServiceService } from './service.service.ts';

export function serviceRoutes(services: ServiceService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['services'];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

    r.get(
      '/services',
      {
        schema: {
          tags,
          summary:
            'List services with their checks (without configs), status, uptime and recent results',
          querystring: ListQuery,
          response: { 200: listOf(ServiceSummary), ...errors },
        },
      },
      async (request) => listResponse(request, await services.list(request.query)),
    );

    r.post(
      '/services',
      {
        schema: {
          tags,
          summary: 'Add a service',
          body: ServiceCreate,
          response: { 201: Service, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await services.create(request.body)),
    );

    r.get(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'One service with its checks and current status',
          params: IdParams,
          response: { 200: Service, ...errors },
        },
      },
      async (request) => {
        const service = await services.get(request.params.id);
        return { ...service, checks: service.checks.map(visibleChecks(request)) };
      },
    );

    r.patch(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Change a service',
          params: IdParams,
          body: ServiceUpdate,
          response: { 200: Service, ...errors },
        },
      },
      (request) => services.update(request.params.id, request.body),
    );

    r.delete(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Delete a service with its checks, results and events',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await services.delete(request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
