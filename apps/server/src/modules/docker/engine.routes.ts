import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Container,
  ContainerListQuery,
  ContainerStats,
  Engine,
  EngineCreate,
  EngineUpdate,
  ErrorBody,
  IdParams,
  StatsQuery,
} from '@homehub/contracts';
import type { EngineService } from './engine.service.ts';

const list = <T extends z.ZodType>(item: T) =>
  z.object({ results: z.array(item), next: z.string().nullable() });

export function engineRoutes(engines: EngineService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['docker'];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

    r.get(
      '/engines',
      {
        schema: {
          tags,
          summary: 'List Docker engines with their connection state',
          response: { 200: list(Engine), ...errors },
        },
      },
      async () => ({ results: await engines.list(), next: null }),
    );

    r.post(
      '/engines',
      {
        schema: {
          tags,
          summary: 'Add a Docker engine (a socket or a TCP socket proxy); read only',
          body: EngineCreate,
          response: { 201: Engine, 409: ErrorBody, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await engines.create(request.body)),
    );

    r.get(
      '/engines/:id',
      {
        schema: {
          tags,
          summary: 'One engine and its state',
          params: IdParams,
          response: { 200: Engine, ...errors },
        },
      },
      (request) => engines.get(request.params.id),
    );

    r.patch(
      '/engines/:id',
      {
        schema: {
          tags,
          summary: 'Rename an engine or point it elsewhere',
          params: IdParams,
          body: EngineUpdate,
          response: { 200: Engine, 409: ErrorBody, ...errors },
        },
      },
      (request) => engines.update(request.params.id, request.body),
    );

    r.delete(
      '/engines/:id',
      {
        schema: {
          tags,
          summary: 'Stop reading an engine; its containers’ services and history stay',
          params: IdParams,
          response: { 204: z.null(), 409: ErrorBody, ...errors },
        },
      },
      async (request, reply) => {
        await engines.delete(request.params.id);
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/engines/:id/containers',
      {
        schema: {
          tags,
          summary: 'The containers of an engine, with state, health, uptime and last stats',
          params: IdParams,
          response: { 200: list(Container), ...errors },
        },
      },
      async (request) => ({ results: await engines.containersOf(request.params.id), next: null }),
    );

    r.get(
      '/containers',
      {
        schema: {
          tags,
          summary: 'Containers on every engine, or the one behind a service',
          querystring: ContainerListQuery,
          response: { 200: list(Container), ...errors },
        },
      },
      async (request) => ({ results: await engines.listContainers(request.query), next: null }),
    );

    r.get(
      '/containers/:id/stats',
      {
        schema: {
          tags,
          summary: 'CPU, memory, network and block I/O of a container over a range',
          params: IdParams,
          querystring: StatsQuery,
          response: { 200: ContainerStats, ...errors },
        },
      },
      (request) => engines.stats(request.params.id, request.query.range),
    );
  };
}
