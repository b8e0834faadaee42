import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as history from './0002-history.ts';
import * as accounts from './0003-accounts.ts';
import * as docker from './0004-docker.ts';
import * as alerts from './0005-alerts.ts';
import * as groupsAndTags from './0006-groups-and-tags.ts';
import * as statsRollups from './0007-container-stats-rollups.ts';

/** Every migration, in order. Imported statically so the bundled server carries them. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-history': history,
  '0003-accounts': accounts,
  '0004-docker': docker,
  '0005-alerts': alerts,
  '0006-groups-and-tags': groupsAndTags,
  '0007-container-stats-rollups': statsRollups,
};
