import { userInfo } from 'node:os';
import type { MizanConfig } from '../config/schema.js';
import { createCorpusAdmin, type CorpusAdmin } from '../corpus/corpus-admin.js';
import { createRetriever } from '../corpus/retriever.js';
import { createCorpusStore } from '../corpus/store.js';
import { createTenancyStore } from '../store/tenancy-store.js';
import { withAdmin, type CliOptions } from './context.js';
import { createRemoteCorpus } from './remote-corpus.js';

/** Who runs the command, for the record of who ingested a version. */
function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** The corpus administration, on the database directly or through the running server's admin API. */
export function withCorpus<T>(
  options: CliOptions,
  action: (corpus: CorpusAdmin, config: MizanConfig) => Promise<T>,
): Promise<T> {
  return withAdmin(
    options,
    (config) => ({
      local: (database) => {
        const store = createCorpusStore(database.db);
        const tenancy = createTenancyStore(database.db);
        return createCorpusAdmin({
          store,
          retriever: createRetriever(store, { topK: config.corpus.top_k }),
          findTenant: (idOrName) => tenancy.findTenant(idOrName),
          maxBytes: config.corpus.max_document_bytes,
          ingestedBy: `mizan cli (${operator()})`,
        });
      },
      remote: createRemoteCorpus,
    }),
    action,
  );
}
