import type { FastifyInstance } from 'fastify';
import { visibleChecks } from './check.visibility.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Check,
  CheckCreate,
  CheckListQuery,
  CheckUpdate,
  ErrorBody,
  History,
  HistoryQuery,
  IdParams,
  ResultsQuery,
  ListQuery,
  Result,
  RunCheckRequest,
  listOf,
} from '@homehub/contracts';
import { listResponse } from '../../platform/pagination.ts';
import type { CheckService } from './check.service.ts';
import type { HistoryService } from './history.service.ts';

export function checkRoutes(checks: CheckService, history: HistoryService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['checks'];
    const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

    r.get(
      '/checks',
      {
        schema: {
          tags,
          summary: 'List checks, optionally of one service',
          querystring: ListQuery.extend(CheckListQuery.shape),
          response: { 200: listOf(Check), ...errors },
        },
      },
      async (request) => {
        const page = await checks.list(request.query);
        return listResponse(request, {
          ...page,
          results: page.results.map(visibleChecks(request)),
        });
      },
    );

    r.post(
      '/checks',
      {
        schema: {
          tags,
          summary: 'Add a check to a service',
          body: CheckCreate,
          response: { 201: Check, ...errors },
        },
      },
      async (request, reply) => {
        // A container's check is made by discovery, which knows the container; one made by
        // hand would name a container the engine never reports on and stay pending forever.
        if (request.body.type === 'docker') {
          throw new ValidationError({
            type: 'docker checks come with discovered containers; label the container instead',
          });
        }
        return reply.status(201).send(await checks.create(request.body));
      },
    );

    r.post(
      '/checks/run',
      {
        schema: {
          tags,
          summary: 'Run a check now and answer its result',
          body: RunCheckRequest,
          response: { 200: Result, ...errors },
        },
      },
      (request) => checks.run(request.body.checkId),
    );

    r.get(
      '/checks/:id',
      {
        schema: {
          tags,
          summary: 'One check',
          params: IdParams,
          response: { 200: Check, ...errors },
        },
      },
      async (request) => visibleChecks(request)(await checks.get(request.params.id)),
    );

    r.get(
      '/checks/:id/results',
      {
        schema: {
          tags,
          summary: "A check's raw results, newest first, paginated; since/until bound them",
          params: IdParams,
          querystring: ResultsQuery,
          response: { 200: listOf(Result), ...errors },
        },
      },
      async (request) => {
        await checks.exists(request.params.id);
        return listResponse(request, await history.results(request.params.id, request.query));
      },
    );

    r.get(
      '/checks/:id/history',
      {
        schema: {
          tags,
          summary: "A check's rolled-up history over a range, with its uptime",
          params: IdParams,
          querystring: HistoryQuery,
          response: { 200: History, ...errors },
        },
      },
      async (request) => {
        await checks.exists(request.params.id);
        return history.history(request.params.id, request.query.range);
      },
    );

    r.patch(
      '/checks/:id',
      {
        schema: {
          tags,
          summary: 'Change a check',
          params: IdParams,
          body: CheckUpdate,
          response: { 200: Check, ...errors },
        },
      },
      (request) => checks.update(request.params.id, request.body),
    );

    r.delete(
      '/checks/:id',
      {
        schema: {
          tags,
          summary: 'Delete a check and its results',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await checks.delete(request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
