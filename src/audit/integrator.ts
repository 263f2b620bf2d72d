import { errors } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import type { AuditStore, NodeRow, StoredHead } from '../store/audit-store.js';
import { edgeNodes, recordLeafHash, TreeBuilder } from './merkle.js';
import { auditRecord } from './record.js';
import { signTreeHead, type SigningKey } from './signed-head.js';

export interface Integrator {
  /** Integrates every pending record, in batches, each ending with a signed head; returns the last head. */
  integrate(): Promise<StoredHead | undefined>;
  start(): void;
  stop(): Promise<void>;
}

export interface IntegratorOptions {
  store: AuditStore;
  key: SigningKey;
  logId: string;
  intervalMs: number;
  batchSize?: number;
  logger?: Logger;
  onHead?: (head: StoredHead, leaves: number) => void;
}

/**
 * Gives appended records their place in the one Merkle tree. Any replica may run it: the tree's row lock makes
 * them take turns, so there is one tree and one sequence of heads however many gateways write. A head is signed
 * for every batch; its time never goes back, even when replicas' clocks differ.
 */
export function createIntegrator({
  store,
  key,
  logId,
  intervalMs,
  batchSize = 5_000,
  logger,
  onHead,
}: IntegratorOptions): Integrator {
  /** One batch; undefined when nothing was pending (or, for an empty log, the first head of size 0). */
  const integrateBatch = () =>
    store.withTree(async (tree) => {
      const [pending, previous] = await Promise.all([tree.pending(batchSize), tree.latestHead()]);
      if (pending.length === 0 && previous) return undefined;
      const edge = edgeNodes(tree.size);
      const stored = new Map((await tree.nodes(edge)).map((n) => [`${n.level}:${n.index}`, n.hash]));
      const hashes = edge.map((ref) => {
        const hash = stored.get(`${ref.level}:${ref.index}`);
        if (!hash)
          throw errors.internal(
            'audit_tree_incomplete',
            `the audit tree lacks node ${ref.level}:${ref.index}`,
          );
        return hash;
      });
      const builder = new TreeBuilder(tree.size, hashes);
      const nodes: NodeRow[] = [];
      const placed = pending.map((event) => {
        const index = builder.size;
        const leaf = recordLeafHash(auditRecord(event));
        nodes.push({ level: 0, index, hash: leaf });
        for (const node of builder.append(leaf)) nodes.push(node);
        return { seq: event.seq, index };
      });
      const now = new Date();
      const timestamp = previous && previous.timestamp > now ? previous.timestamp : now;
      const sth = signTreeHead(key, logId, builder.size, builder.root(), timestamp);
      const head: StoredHead = {
        treeSize: sth.tree_size,
        rootHash: builder.root(),
        timestamp,
        keyId: sth.key_id,
        signature: Buffer.from(sth.signature, 'base64'),
      };
      await tree.commit(placed, nodes, head);
      return { head, leaves: pending.length };
    });

  let running: Promise<StoredHead | undefined> | undefined;
  let queued: Promise<StoredHead | undefined> | undefined;
  async function integrateAll(): Promise<StoredHead | undefined> {
    let last: StoredHead | undefined;
    for (;;) {
      const result = await integrateBatch();
      if (!result) return last;
      last = result.head;
      onHead?.(result.head, result.leaves);
      if (result.leaves < batchSize) return last;
    }
  }
  /**
   * A run already going may have read the pending records before the caller's were written: the caller waits for
   * one more run after it (shared by every caller that comes meanwhile), so its records are in the tree on return.
   */
  const integrate = (): Promise<StoredHead | undefined> => {
    if (running) {
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return integrate();
        });
      return queued;
    }
    running = integrateAll().finally(() => (running = undefined));
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  return {
    integrate,
    start() {
      timer = setInterval(() => {
        integrate().catch((error: unknown) =>
          logger?.warn({ err: error }, 'audit integration failed; it will retry'),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
