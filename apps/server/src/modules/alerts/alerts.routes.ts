import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Alert,
  AlertsQuery,
  Channel,
  ChannelCreate,
  ChannelUpdate,
  ErrorBody,
  IdParams,
  Maintenance,
  MaintenanceCreate,
  MaintenanceUpdate,
  Rule,
  RuleCreate,
  RuleUpdate,
  Silence,
  SilenceCreate,
  SilenceUpdate,
  TestNotificationRequest,
  TestNotificationResult,
  listOf,
} from '@homehub/contracts';
import { listResponse } from '../../platform/pagination.ts';
import type { AlertService } from './alert.service.ts';
import type { ChannelService } from './channel.service.ts';
import type { MuteService } from './mute.service.ts';
import type { RuleService } from './rule.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** Small sets (channels, rules, windows) come whole, in the API's list shape. */
const whole = <T>(results: T[]) => ({ results, next: null });

export function alertRoutes(deps: {
  alerts: AlertService;
  channels: ChannelService;
  rules: RuleService;
  mutes: MuteService;
}) {
  return async function (app: FastifyInstance) {
    const { alerts, channels, rules, mutes } = deps;
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['alerts'];
    const by = (request: FastifyRequest) => request.principal?.email ?? 'unknown';

    r.get(
      '/channels',
      {
        schema: {
          tags,
          summary: 'List notification channels',
          response: { 200: listOf(Channel), ...errors },
        },
      },
      async () => whole(await channels.list()),
    );
    r.post(
      '/channels',
      {
        schema: {
          tags,
          summary: 'Add a notification channel',
          body: ChannelCreate,
          response: { 201: Channel, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await channels.create(request.body)),
    );
    r.get(
      '/channels/:id',
      {
        schema: {
          tags,
          summary: 'One notification channel',
          params: IdParams,
          response: { 200: Channel, ...errors },
        },
      },
      (request) => channels.get(request.params.id),
    );
    r.patch(
      '/channels/:id',
      {
        schema: {
          tags,
          summary: 'Change a notification channel',
          params: IdParams,
          body: ChannelUpdate,
          response: { 200: Channel, ...errors },
        },
      },
      (request) => channels.update(request.params.id, request.body),
    );
    r.delete(
      '/channels/:id',
      {
        schema: {
          tags,
          summary: 'Delete a notification channel',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await channels.delete(request.params.id);
        return reply.status(204).send(null);
      },
    );
    r.get(
      '/rules',
      { schema: { tags, summary: 'List alert rules', response: { 200: listOf(Rule), ...errors } } },
      async () => whole(await rules.all()),
    );
    r.post(
      '/rules',
      {
        schema: {
          tags,
          summary: 'Add a alert rule',
          body: RuleCreate,
          response: { 201: Rule, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await rules.create(request.body)),
    );
    r.get(
      '/rules/:id',
      {
        schema: {
          tags,
          summary: 'One alert rule',
          params: IdParams,
          response: { 200: Rule, ...errors },
        },
      },
      (request) => rules.get(request.params.id),
    );
    r.patch(
      '/rules/:id',
      {
        schema: {
          tags,
          summary: 'Change a alert rule',
          params: IdParams,
          body: RuleUpdate,
          response: { 200: Rule, ...errors },
        },
      },
      (request) => rules.update(request.params.id, request.body),
    );
    r.delete(
      '/rules/:id',
      {
        schema: {
          tags,
          summary: 'Delete a alert rule',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await rules.delete(request.params.id);
        return reply.status(204).send(null);
      },
    );
    r.get(
      '/silences',
      { schema: { tags, summary: 'List silences', response: { 200: listOf(Silence), ...errors } } },
      async () => whole(await mutes.listSilences()),
    );
    r.post(
      '/silences',
      {
        schema: {
          tags,
          summary: 'Add a silence',
          body: SilenceCreate,
          response: { 201: Silence, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await mutes.createSilence(request.body, by(request))),
    );
    r.get(
      '/silences/:id',
      {
        schema: {
          tags,
          summary: 'One silence',
          params: IdParams,
          response: { 200: Silence, ...errors },
        },
      },
      (request) => mutes.getSilence(request.params.id),
    );
    r.patch(
      '/silences/:id',
      {
        schema: {
          tags,
          summary: 'Change a silence',
          params: IdParams,
          body: SilenceUpdate,
          response: { 200: Silence, ...errors },
        },
      },
      (request) => mutes.updateSilence(request.params.id, request.body),
    );
    r.delete(
      '/silences/:id',
      {
        schema: {
          tags,
          summary: 'Delete a silence',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await mutes.deleteSilence(request.params.id);
        return reply.status(204).send(null);
      },
    );
    r.get(
      '/maintenance',
      {
        schema: {
          tags,
          summary: 'List maintenance windows',
          response: { 200: listOf(Maintenance), ...errors },
        },
      },
      async () => whole(await mutes.listMaintenance()),
    );
    r.post(
      '/maintenance',
      {
        schema: {
          tags,
          summary: 'Add a maintenance window',
          body: MaintenanceCreate,
          response: { 201: Maintenance, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await mutes.createMaintenance(request.body)),
    );
    r.get(
      '/maintenance/:id',
      {
        schema: {
          tags,
          summary: 'One maintenance window',
          params: IdParams,
          response: { 200: Maintenance, ...errors },
        },
      },
      (request) => mutes.getMaintenance(request.params.id),
    );
    r.patch(
      '/maintenance/:id',
      {
        schema: {
          tags,
          summary: 'Change a maintenance window',
          params: IdParams,
          body: MaintenanceUpdate,
          response: { 200: Maintenance, ...errors },
        },
      },
      (request) => mutes.updateMaintenance(request.params.id, request.body),
    );
    r.delete(
      '/maintenance/:id',
      {
        schema: {
          tags,
          summary: 'Delete a maintenance window',
          params: IdParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await mutes.deleteMaintenance(request.params.id);
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/alerts',
      {
        schema: {
          tags,
          summary: 'Alerts, newest first, with their trail, notifications and attempts',
          querystring: AlertsQuery,
          response: { 200: listOf(Alert), ...errors },
        },
      },
      async (request) => listResponse(request, await alerts.list(request.query)),
    );
    r.get(
      '/alerts/:id',
      {
        schema: {
          tags,
          summary: 'One alert with its trail, notifications and attempts',
          params: IdParams,
          response: { 200: Alert, ...errors },
        },
      },
      (request) => alerts.get(request.params.id),
    );
    r.post(
      '/alerts/:id/ack',
      {
        schema: {
          tags,
          summary: 'Acknowledge a firing alert: no reminders until it resolves',
          params: IdParams,
          response: { 200: Alert, ...errors, 409: ErrorBody },
        },
      },
      (request) => alerts.acknowledge(request.params.id, by(request)),
    );
    r.post(
      '/alerts/test',
      {
        schema: {
          tags,
          summary: "Send a test message through a channel and answer its receiver's verdict",
          body: TestNotificationRequest,
          response: { 200: TestNotificationResult, ...errors },
        },
      },
      (request) => alerts.test(request.body.channelId),
    );
  };
}
