import {
  CHANNEL_CONFIGS,
  type Channel,
  type ChannelCreate,
  type ChannelType,
  type ChannelUpdate,
} from '@homehub/contracts';
import { iso, type Clock } from '../../platform/clock.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { keepingSecrets, secretFieldsOf, withoutSecrets } from '../../platform/secret-fields.ts';
import type { AlertChannelRow } from '../../db/schema.ts';
import type { ChannelRepository } from './channel.repository.ts';
import { parseChannelConfig } from './notifier.registry.ts';

const isSet = (value: unknown) =>
  value !== undefined &&
  value !== '' &&
  !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);

export function toChannel(row: AlertChannelRow): Channel {
  const type = row.type as ChannelType;
  const config = JSON.parse(row.config) as Record<string, unknown>;
  const schema = CHANNEL_CONFIGS[type];
  return {
    id: row.id,
    name: row.name,
    type,
    config: withoutSecrets(schema, config),
    // Which secrets are stored, so a form can say so without ever showing them.
    secretsSet: secretFieldsOf(schema).filter((key) => isSet(config[key])),
    enabled: row.enabled === 1,
    maxPerHour: row.maxPerHour,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A channel as the delivery side needs it: with its secrets. */
export interface StoredChannel {
  id: number;
  name: string;
  type: ChannelType;
  config: Record<string, unknown>;
  enabled: boolean;
  maxPerHour: number;
}

const stored = (row: AlertChannelRow): StoredChannel => ({
  id: row.id,
  name: row.name,
  type: row.type as ChannelType,
  config: JSON.parse(row.config) as Record<string, unknown>,
  enabled: row.enabled === 1,
  maxPerHour: row.maxPerHour,
});

export function createChannelService({
  channels,
  clock,
}: {
  channels: ChannelRepository;
  clock: Clock;
}) {
  async function find(id: number): Promise<AlertChannelRow> {
    const row = await channels.findById(id);
    if (!row) throw new NotFoundError('Channel');
    return row;
  }

  return {
    async list(): Promise<Channel[]> {
      return (await channels.list()).map(toChannel);
    },

    async get(id: number): Promise<Channel> {
      return toChannel(await find(id));
    },

    /** With secrets: for sending only, never for an answer. */
    async stored(id: number): Promise<StoredChannel | undefined> {
      const row = await channels.findById(id);
      return row ? stored(row) : undefined;
    },

    async storedAll(): Promise<StoredChannel[]> {
      return (await channels.list()).map(stored);
    },

    async create(input: ChannelCreate): Promise<Channel> {
      const now = clock.now();
      const row = await channels.insert({
        name: input.name,
        type: input.type,
        config: JSON.stringify(parseChannelConfig(input.type, input.config)),
        enabled: input.enabled ? 1 : 0,
        maxPerHour: input.maxPerHour,
        createdAt: now,
        updatedAt: now,
      });
      return toChannel(row);
    },

    async update(id: number, patch: ChannelUpdate): Promise<Channel> {
      const current = await find(id);
      const type = patch.type ?? (current.type as ChannelType);
      if (patch.type && patch.type !== current.type && !patch.config) {
        throw new ValidationError({ config: `Required when the type changes to ${patch.type}` });
      }
      const changes: Parameters<ChannelRepository['update']>[1] = { updatedAt: clock.now() };
      if (patch.config) {
        const previous =
          type === current.type ? (JSON.parse(current.config) as Record<string, unknown>) : {};
        changes.config = JSON.stringify(
          parseChannelConfig(type, keepingSecrets(CHANNEL_CONFIGS[type], previous, patch.config)),
        );
      }
      if (patch.type !== undefined) changes.type = patch.type;
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.enabled !== undefined) changes.enabled = patch.enabled ? 1 : 0;
      if (patch.maxPerHour !== undefined) changes.maxPerHour = patch.maxPerHour;
      const row = await channels.update(id, changes);
      if (!row) throw new NotFoundError('Channel');
      return toChannel(row);
    },

    async delete(id: number): Promise<void> {
      if (!(await channels.delete(id))) throw new NotFoundError('Channel');
    },

    /** Throws a ValidationError naming the first id that is not a channel. */
    async assertExist(ids: number[], field: string): Promise<void> {
      const known = new Set((await channels.list()).map((c) => c.id));
      const missing = ids.find((id) => !known.has(id));
      if (missing !== undefined)
        throw new ValidationError({ [field]: `No channel with id ${missing}` });
    },
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;
