import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AuditEventsTable, DatabaseSchema } from './schema.js';

export type AuditKind = 'flow' | 'oversight' | 'governance' | 'rights' | 'retention';

/**
 * One entry of the append-only audit log: a flow (what one request did) or a decision a person or the gateway
 * took. `detail` holds counts, codes, ids and commitments, never personal data in clear. The verifiable log
 * (src/audit) places every entry in one Merkle tree, in the order the integrator reads them.
 */
export interface AuditEvent {
  id: string;
  seq: number;
  at: Date;
  tenantId: string | null;
  applicationId: string | null;
  kind: AuditKind;
  action: string;
  /** `platform-admin`, `staff:<id>`, `application:<id>` or `gateway`. */
  actor: string;
  /** What the entry is about: a review case, a sandbox, a model, an application. */
  subject: string | null;
  /** The person concerned, as `subjectRef` names them. */
  dataSubject: string | null;
  detail: Record<string, unknown>;
  /** Its position in the Merkle tree; null until integrated. */
  leafIndex: number | null;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'seq' | 'at' | 'dataSubject' | 'leafIndex'> & {
  id?: string;
  dataSubject?: string | null;
};

/** What a flow record must not hold itself: the salt of its content commitments and, if kept, its content. */
export interface AuditContentRow {
  recordId: string;
  tenantId: string;
  applicationId: string | null;
  dataSubject: string | null;
  conversationId: string | null;
  createdAt: Date;
  salt: Buffer;
  ciphertext: string | null;
}

/** An event ready to be written: its id and time are fixed before it reaches the database or the spool. */
export interface PreparedAuditEvent {
  event: Omit<AuditEvent, 'seq' | 'leafIndex'>;
  content?: AuditContentRow;
}

export interface AuditFilter {
  tenantId?: string;
  applicationId?: string;
  subject?: string;
  dataSubject?: string;
  kind?: AuditKind;
  action?: string;
  /** `detail.outcome` of flow records: completion, stream, held, refused… */
  outcome?: string;
  from?: Date;
  to?: Date;
  /** Entries after this sequence number (pagination). */
  after?: number;
  limit?: number;
}

export interface NodeRow {
  level: number;
  index: number;
  hash: Buffer;
}

export interface StoredHead {
  treeSize: number;
  rootHash: Buffer;
  timestamp: Date;
  keyId: string;
  signature: Buffer;
}

/** The integrator's view of the tree, inside the transaction that holds the tree's lock. */
export interface TreeTransaction {
  readonly size: number;
  /** Events not yet in the tree, oldest first. */
  pending(limit: number): Promise<AuditEvent[]>;
  nodes(refs: ReadonlyArray<{ level: number; index: number }>): Promise<NodeRow[]>;
  latestHead(): Promise<StoredHead | undefined>;
  /** Gives each event its leaf index, stores the new complete subtrees and the head, and moves the size on. */
  commit(placed: Array<{ seq: number; index: number }>, nodes: NodeRow[], head: StoredHead): Promise<void>;
}

export interface AuditStore {
  /** Writes events and their content rows in one transaction; an id already stored is kept as it is (replays). */
  insert(batch: readonly PreparedAuditEvent[]): Promise<AuditEvent[]>;
  /** Oldest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** Runs `work` holding the tree's lock, so that replicas integrate one at a time into one tree. */
  withTree<T>(work: (tree: TreeTransaction) => Promise<T>): Promise<T>;
  nodes(refs: ReadonlyArray<{ level: number; index: number }>): Promise<NodeRow[]>;
  byId(id: string): Promise<AuditEvent | undefined>;
  /** Integrated events with leaf index in [from, to), in leaf order. */
  byLeafRange(from: number, to: number): Promise<AuditEvent[]>;
  latestHead(): Promise<StoredHead | undefined>;
  headAt(treeSize: number): Promise<StoredHead | undefined>;
  /** Heads with sizes in (after, upTo], ascending, at most `limit`. */
  heads(after: number, upTo: number, limit: number): Promise<StoredHead[]>;
  recordKey(keyId: string, publicKeyPem: string): Promise<void>;
  keys(): Promise<Array<{ keyId: string; publicKey: string }>>;
}

const bytes = (value: Uint8Array): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value));

const toEvent = (row: Selectable<AuditEventsTable>): AuditEvent => ({
  id: row.id,
  // bigint comes back as a string from pg: sequence numbers and sizes stay far below 2^53.
  seq: Number(row.seq),
  at: row.at,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  kind: row.kind as AuditKind,
  action: row.action,
  actor: row.actor,
  subject: row.subject,
  dataSubject: row.data_subject,
  detail: row.detail as Record<string, unknown>,
  leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
});

const toHead = (row: {
  tree_size: string;
  root_hash: Uint8Array;
  timestamp: Date;
  key_id: string;
  signature: Uint8Array;
}): StoredHead => ({
  treeSize: Number(row.tree_size),
  rootHash: bytes(row.root_hash),
  timestamp: row.timestamp,
  keyId: row.key_id,
  signature: bytes(row.signature),
});

/** An event's columns, as the log's records name them too (snake_case): one mapping for the table and the leaf. */
export const eventColumns = (event: Omit<AuditEvent, 'seq' | 'leafIndex'>) => ({
  id: event.id,
  tenant_id: event.tenantId,
  application_id: event.applicationId,
  kind: event.kind,
  action: event.action,
  actor: event.actor,
  subject: event.subject,
  data_subject: event.dataSubject,
});

const MAX_PAGE = 1000;
/** Rows per statement, well under PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 2_000;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

const selectNodes = async (db: Db, refs: ReadonlyArray<{ level: number; index: number }>) => {
  if (refs.length === 0) return [];
  const rows: NodeRow[] = [];
  for (const part of chunks(refs, ROWS_PER_STATEMENT)) {
    const wanted = sql.join(part.map((r) => sql`(${r.level}::smallint, ${String(r.index)}::bigint)`));
    const found = await db
      .selectFrom('audit_nodes')
      .select(['level', 'idx', 'hash'])
      .where(sql<boolean>`(level, idx) in (${wanted})`)
      .execute();
    for (const row of found) rows.push({ level: row.level, index: Number(row.idx), hash: bytes(row.hash) });
  }
  return rows;
};

const latestHead = async (db: Db) => {
  const row = await db
    .selectFrom('audit_heads')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toHead(row);
};

export const createAuditStore = (db: Kysely<DatabaseSchema>): AuditStore => ({
  async insert(batch) {
    if (batch.length === 0) return [];
    return db.transaction().execute(async (trx) => {
      const written: AuditEvent[] = [];
      for (const part of chunks(batch, ROWS_PER_STATEMENT)) {
        const rows = await trx
          .insertInto('audit_events')
          .values(
            part.map(({ event }) => ({
              ...eventColumns(event),
              at: event.at,
              detail: JSON.stringify(event.detail),
            })),
          )
          .onConflict((oc) => oc.column('id').doNothing())
          .returningAll()
          .execute();
        written.push(...rows.map(toEvent));
        const contents = part.flatMap(({ content }) => (content ? [content] : []));
        if (contents.length > 0) {
          await trx
            .insertInto('audit_contents')
            .values(
              contents.map((c) => ({
                record_id: c.recordId,
                tenant_id: c.tenantId,
                application_id: c.applicationId,
                data_subject: c.dataSubject,
                conversation_id: c.conversationId,
                created_at: c.createdAt,
                salt: c.salt,
                ciphertext: c.ciphertext,
              })),
            )
            .onConflict((oc) => oc.column('record_id').doNothing())
            .execute();
        }
      }
      return written;
    });
  },

  async list({
    tenantId,
    applicationId,
    subject,
    dataSubject,
    kind,
    action,
    outcome,
    from,
    to,
    after,
    limit = 100,
  } = {}) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .$if(tenantId !== undefined, (q) => q.where('tenant_id', '=', tenantId!))
      .$if(applicationId !== undefined, (q) => q.where('application_id', '=', applicationId!))
      .$if(subject !== undefined, (q) => q.where('subject', '=', subject!))
      .$if(dataSubject !== undefined, (q) => q.where('data_subject', '=', dataSubject!))
      .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
      .$if(action !== undefined, (q) => q.where('action', '=', action!))
      .$if(outcome !== undefined, (q) => q.where(sql<string>`detail->>'outcome'`, '=', outcome!))
      .$if(from !== undefined, (q) => q.where('at', '>=', from!))
      .$if(to !== undefined, (q) => q.where('at', '<', to!))
      .$if(after !== undefined, (q) => q.where('seq', '>', String(after)))
      .orderBy('seq')
      .limit(Math.min(Math.max(limit, 1), MAX_PAGE))
      .execute();
    return rows.map(toEvent);
  },

  withTree(work) {
    return db.transaction().execute(async (trx) => {
      const state = await trx
        .selectFrom('audit_tree')
        .select('tree_size')
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      let size = Number(state.tree_size);
      const tree: TreeTransaction = {
        get size() {
          return size;
        },
        async pending(limit) {
          const rows = await trx
            .selectFrom('audit_events')
            .selectAll()
            .where('leaf_index', 'is', null)
            .orderBy('seq')
            .limit(limit)
            .execute();
          return rows.map(toEvent);
        },
        nodes: (refs) => selectNodes(trx, refs),
        latestHead: () => latestHead(trx),
        async commit(placed, nodes, head) {
          for (const part of chunks(placed, ROWS_PER_STATEMENT)) {
            const values = sql.join(
              part.map((p) => sql`(${String(p.seq)}::bigint, ${String(p.index)}::bigint)`),
            );
            await sql`update audit_events as e set leaf_index = v.idx
                      from (values ${values}) as v(seq, idx) where e.seq = v.seq`.execute(trx);
          }
          for (const part of chunks(nodes, ROWS_PER_STATEMENT)) {
            await trx
              .insertInto('audit_nodes')
              .values(part.map((n) => ({ level: n.level, idx: String(n.index), hash: n.hash })))
              .execute();
          }
          await trx
            .insertInto('audit_heads')
            .values({
              tree_size: String(head.treeSize),
              root_hash: head.rootHash,
              timestamp: head.timestamp,
              key_id: head.keyId,
              signature: head.signature,
            })
            .execute();
          await trx
            .updateTable('audit_tree')
            .set({ tree_size: String(head.treeSize) })
            .where('id', '=', 1)
            .execute();
          size = head.treeSize;
        },
      };
      return work(tree);
    });
  },

  nodes: (refs) => selectNodes(db, refs),

  async byId(id) {
    const row = await db.selectFrom('audit_events').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toEvent(row);
  },

  async byLeafRange(from, to) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('leaf_index', '>=', String(from))
      .where('leaf_index', '<', String(to))
      .orderBy('leaf_index')
      .execute();
    return rows.map(toEvent);
  },

  latestHead: () => latestHead(db),

  async headAt(treeSize) {
    const row = await db
      .selectFrom('audit_heads')
      .selectAll()
      .where('tree_size', '=', String(treeSize))
      .executeTakeFirst();
    return row && toHead(row);
  },

  async heads(after, upTo, limit) {
    const rows = await db
      .selectFrom('audit_heads')
      .selectAll()
      .where('tree_size', '>', String(after))
      .where('tree_size', '<=', String(upTo))
      .orderBy('tree_size')
      .limit(limit)
      .execute();
    return rows.map(toHead);
  },

  async recordKey(keyId, publicKeyPem) {
    await db
      .insertInto('audit_keys')
      .values({ key_id: keyId, public_key: publicKeyPem })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  },

  async keys() {
    const rows = await db
      .selectFrom('audit_keys')
      .select(['key_id', 'public_key'])
      .orderBy('first_used_at')
      .execute();
    return rows.map((r) => ({ keyId: r.key_id, publicKey: r.public_key }));
  },
});
