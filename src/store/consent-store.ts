import type { Kysely, Selectable } from 'kysely';
import { newId } from './ids.js';
import type { ConsentsTable, DatabaseSchema } from './schema.js';

export interface ConsentScope {
  tenantId: string;
  applicationId: string;
  dataSubject: string;
}

export interface Consent extends ConsentScope {
  id: string;
  givenAt: Date;
  withdrawnAt: Date | null;
}

const toConsent = (row: Selectable<ConsentsTable>): Consent => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  dataSubject: row.data_subject,
  givenAt: row.given_at,
  withdrawnAt: row.withdrawn_at,
});

/** Consents to an application's processing (migration 0012-consents), one standing consent per person at most. */
export function createConsentStore(db: Kysely<DatabaseSchema>) {
  const standing = (scope: ConsentScope) =>
    db
      .selectFrom('consents')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('application_id', '=', scope.applicationId)
      .where('data_subject', '=', scope.dataSubject)
      .where('withdrawn_at', 'is', null);

  return {
    /** The person's consent in force, if any. */
    async standing(scope: ConsentScope): Promise<Consent | undefined> {
      const row = await standing(scope).executeTakeFirst();
      return row && toConsent(row);
    },

    /** Records a consent; one already in force stays as it is (`created` false), even when two arrive at once. */
    async give(scope: ConsentScope): Promise<{ consent: Consent; created: boolean }> {
      const inserted = await db
        .insertInto('consents')
        .values({
          id: newId('cns'),
          tenant_id: scope.tenantId,
          application_id: scope.applicationId,
          data_subject: scope.dataSubject,
        })
        .onConflict((conflict) => conflict.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { consent: toConsent(inserted), created: true };
      return { consent: toConsent(await standing(scope).executeTakeFirstOrThrow()), created: false };
    },

    /** Ends the consent in force; undefined when there was none. */
    async withdraw(scope: ConsentScope): Promise<Consent | undefined> {
      const row = await db
        .updateTable('consents')
        .set({ withdrawn_at: new Date() })
        .where('tenant_id', '=', scope.tenantId)
        .where('application_id', '=', scope.applicationId)
        .where('data_subject', '=', scope.dataSubject)
        .where('withdrawn_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row && toConsent(row);
    },
  };
}

export type ConsentStore = ReturnType<typeof createConsentStore>;
