import { eventColumns, type AuditEvent, type StoredHead } from '../store/audit-store.js';
import type { SignedTreeHead } from './signed-head.js';

/**
 * The leaf of the verifiable log: an audit event as the auditor sees it, in plain JSON (the time as ISO 8601).
 * Its canonical JSON is what the leaf hash commits to; the database's sequence number and leaf index are not part
 * of it (the leaf's position is what the tree proves).
 */
export interface AuditRecord {
  id: string;
  at: string;
  tenant_id: string | null;
  application_id: string | null;
  kind: AuditEvent['kind'];
  action: string;
  actor: string;
  subject: string | null;
  data_subject: string | null;
  detail: Record<string, unknown>;
}

export const auditRecord = (event: Omit<AuditEvent, 'seq' | 'leafIndex'>): AuditRecord => ({
  ...eventColumns(event),
  at: event.at.toISOString(),
  detail: event.detail,
});

/** A stored head as the world sees it: the signed tree head of log `logId`. */
export const signedHead =
  (logId: string) =>
  (head: StoredHead): SignedTreeHead => ({
    log_id: logId,
    tree_size: head.treeSize,
    root_hash: head.rootHash.toString('hex'),
    timestamp: head.timestamp.toISOString(),
    key_id: head.keyId,
    signature: head.signature.toString('base64'),
  });
