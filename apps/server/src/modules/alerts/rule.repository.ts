import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  AlertMaintenanceRow,
  AlertMaintenanceTable,
  AlertRuleRow,
  AlertRulesTable,
  AlertSilenceRow,
  AlertSilencesTable,
  DB,
} from '../../db/schema.ts';

/** Rules, silences and maintenance windows: what decides whether an alert is sent. */
export function createRuleRepository(db: Kysely<DB>) {
  return {
    listRules(): Promise<AlertRuleRow[]> {
      return db.selectFrom('alertRules').selectAll().orderBy('id').execute();
    },
    findRule(id: number): Promise<AlertRuleRow | undefined> {
      return db.selectFrom('alertRules').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertRule(values: Insertable<AlertRulesTable>): Promise<AlertRuleRow> {
      return db.insertInto('alertRules').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateRule(id: number, patch: Updateable<AlertRulesTable>): Promise<AlertRuleRow | undefined> {
      return db
        .updateTable('alertRules')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async deleteRule(id: number): Promise<boolean> {
      const result = await db.deleteFrom('alertRules').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    listSilences(): Promise<AlertSilenceRow[]> {
      return db.selectFrom('alertSilences').selectAll().orderBy('id', 'desc').execute();
    },
    findSilence(id: number): Promise<AlertSilenceRow | undefined> {
      return db.selectFrom('alertSilences').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertSilence(values: Insertable<AlertSilencesTable>): Promise<AlertSilenceRow> {
      return db.insertInto('alertSilences').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateSilence(
      id: number,
      patch: Updateable<AlertSilencesTable>,
    ): Promise<AlertSilenceRow | undefined> {
      return db
        .updateTable('alertSilences')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async deleteSilence(id: number): Promise<boolean> {
      const result = await db.deleteFrom('alertSilences').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    /** Silences that have not ended: the only ones that can mute anything. */
    currentSilences(now: number): Promise<AlertSilenceRow[]> {
      return db
        .selectFrom('alertSilences')
        .selectAll()
        .where('endsAt', '>', now)
        .where('startsAt', '<=', now)
        .execute();
    },

    listMaintenance(): Promise<AlertMaintenanceRow[]> {
      return db.selectFrom('alertMaintenance').selectAll().orderBy('id').execute();
    },
    findMaintenance(id: number): Promise<AlertMaintenanceRow | undefined> {
      return db.selectFrom('alertMaintenance').selectAll().where('id', '=', id).executeTakeFirst();
    },
    insertMaintenance(values: Insertable<AlertMaintenanceTable>): Promise<AlertMaintenanceRow> {
      return db
        .insertInto('alertMaintenance')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
    },
    updateMaintenance(
      id: number,
      patch: Updateable<AlertMaintenanceTable>,
    ): Promise<AlertMaintenanceRow | undefined> {
      return db
        .updateTable('alertMaintenance')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
    async deleteMaintenance(id: number): Promise<boolean> {
      const result = await db
        .deleteFrom('alertMaintenance')
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type RuleRepository = ReturnType<typeof createRuleRepository>;
