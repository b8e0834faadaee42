import type { Rule, RuleCreate, RuleUpdate } from '@homehub/contracts';
import { iso, type Clock } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AlertRuleRow } from '../../db/schema.ts';
import type { ChannelService } from './channel.service.ts';
import type { RuleRepository } from './rule.repository.ts';
import { selectorColumns, selectorOf, selectorPatch } from './selector.ts';

const ids = (text: string) => JSON.parse(text) as number[];

export function toRule(row: AlertRuleRow): Rule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    events: JSON.parse(row.events) as Rule['events'],
    ...selectorOf(row),
    channelIds: ids(row.channelIds),
    forSeconds: row.forSeconds,
    groupWaitSeconds: row.groupWaitSeconds,
    groupIntervalSeconds: row.groupIntervalSeconds,
    repeatIntervalSeconds: row.repeatIntervalSeconds,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Rules are read on every event: kept in memory, reloaded when one changes. */
export function createRuleService({
  rules,
  channels,
  clock,
}: {
  rules: RuleRepository;
  channels: ChannelService;
  clock: Clock;
}) {
  let cache: Promise<Rule[]> | undefined;
  const forget = () => (cache = undefined);

  async function find(id: number): Promise<AlertRuleRow> {
    const row = await rules.findRule(id);
    if (!row) throw new NotFoundError('Rule');
    return row;
  }

  const dedupe = (list: number[]) => JSON.stringify([...new Set(list)]);

  return {
    async all(): Promise<Rule[]> {
      cache ??= rules.listRules().then((rows) => rows.map(toRule));
      return cache.catch((error: unknown) => {
        forget();
        throw error;
      });
    },

    async get(id: number): Promise<Rule> {
      return toRule(await find(id));
    },

    async create(input: RuleCreate): Promise<Rule> {
      await channels.assertExist(input.channelIds, 'channelIds');
      const now = clock.now();
      const row = await rules.insertRule({
        name: input.name,
        enabled: input.enabled ? 1 : 0,
        events: JSON.stringify([...new Set(input.events)]),
        ...selectorColumns(input),
        channelIds: dedupe(input.channelIds),
        forSeconds: input.forSeconds,
        groupWaitSeconds: input.groupWaitSeconds,
        groupIntervalSeconds: input.groupIntervalSeconds,
        repeatIntervalSeconds: input.repeatIntervalSeconds,
        createdAt: now,
        updatedAt: now,
      });
      forget();
      return toRule(row);
    },

    async update(id: number, patch: RuleUpdate): Promise<Rule> {
      await find(id);
      if (patch.channelIds) await channels.assertExist(patch.channelIds, 'channelIds');
      const changes: Parameters<RuleRepository['updateRule']>[1] = {
        ...selectorPatch(patch),
        updatedAt: clock.now(),
      };
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.enabled !== undefined) changes.enabled = patch.enabled ? 1 : 0;
      if (patch.events !== undefined) changes.events = JSON.stringify([...new Set(patch.events)]);
      if (patch.channelIds !== undefined) changes.channelIds = dedupe(patch.channelIds);
      if (patch.forSeconds !== undefined) changes.forSeconds = patch.forSeconds;
      if (patch.groupWaitSeconds !== undefined) changes.groupWaitSeconds = patch.groupWaitSeconds;
      if (patch.groupIntervalSeconds !== undefined)
        changes.groupIntervalSeconds = patch.groupIntervalSeconds;
      if (patch.repeatIntervalSeconds !== undefined)
        changes.repeatIntervalSeconds = patch.repeatIntervalSeconds;
      const row = await rules.updateRule(id, changes);
      forget();
      if (!row) throw new NotFoundError('Rule');
      return toRule(row);
    },

    async delete(id: number): Promise<void> {
      const deleted = await rules.deleteRule(id);
      forget();
      if (!deleted) throw new NotFoundError('Rule');
    },
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
