import type { Citation } from '../corpus/citations.js';
import type { GroundingReport } from '../corpus/grounding.js';
import type { Passage } from '../corpus/types.js';
import type { Identification } from '../language/identify.js';
import type { ModelEntry } from '../providers/model-registry.js';
import type {
  ChatMessage,
  EmbedResult,
  GenerateResult,
  GenerationParams,
  StreamPart,
} from '../providers/spec.js';
import type { OperatorCounts } from '../privacy/operators.js';
import type { PrivacyPolicy } from '../privacy/policy.js';
import type { TransferDecision } from '../privacy/transfer.js';
import type { ConversationVault } from '../privacy/vault.js';
import type { Application, Tenant } from '../store/tenancy-store.js';

/** Who is calling: resolved from an API key by the authenticate stage. */
export interface Principal {
  tenant: Tenant;
  application: Application;
  keyId: string;
}

/** What the application is allowed to do; the oversight issue grows this from the use-case register. */
export interface Policy {
  /** Model ids the application may use; `all` when its allow-list is empty. */
  allowedModels: ReadonlySet<string> | 'all';
  /** Operators per personal-data type. */
  privacy: PrivacyPolicy;
  /** Countries the application may send personal data to (Law 09-08 art. 43-44). */
  authorisedTransfers: ReadonlySet<string>;
}

/** What the privacy stage did: counts, never values; the vault restores the answer for the user. */
export interface PrivacyOutcome {
  vault: ConversationVault;
  counts: OperatorCounts;
  personalDataRemains: boolean;
}

/**
 * What the answer rests on: the citations it uses and the grounding check of its sentences. For a stream both
 * are known only once the stream has ended; the check fills this object in then.
 */
export interface AnswerSources {
  citations: Citation[];
  grounding: GroundingReport | null;
}

export interface ChatOperation {
  kind: 'chat';
  model: string;
  messages: ChatMessage[];
  params: GenerationParams;
  stream: boolean;
  includeUsage: boolean;
}

export interface EmbeddingsOperation {
  kind: 'embeddings';
  model: string;
  input: string[];
}

export interface ListModelsOperation {
  kind: 'list-models';
}

export type Operation = ChatOperation | EmbeddingsOperation | ListModelsOperation;

export type Outcome =
  | { kind: 'completion'; entry: ModelEntry; result: GenerateResult }
  | { kind: 'stream'; entry: ModelEntry; parts: AsyncIterable<StreamPart> }
  | { kind: 'embeddings'; entry: ModelEntry; result: EmbedResult }
  | { kind: 'models'; models: ModelEntry[] };

/**
 * Everything one request carries through the pipeline. Stages never mutate it: each returns a copy enriched
 * with what it found, so the context at any point shows exactly what the earlier stages decided.
 */
export interface FlowContext<O extends Operation = Operation> {
  readonly requestId: string;
  /** Also the id of this flow's audit record. */
  readonly auditId: string;
  readonly receivedAt: number;
  /** Aborted when the client disconnects. */
  readonly signal: AbortSignal;
  readonly bearer: string | undefined;
  /** Pseudonyms stay stable across the requests of one conversation when the client names it. */
  readonly conversationId: string | undefined;
  readonly operation: O;
  readonly principal?: Principal;
  readonly policy?: Policy;
  readonly language?: Identification;
  readonly privacy?: PrivacyOutcome;
  /** Retrieved from the governed corpus, best first; undefined when there is no corpus to search. */
  readonly passages?: readonly Passage[];
  readonly sources?: AnswerSources;
  readonly chain?: ModelEntry[];
  /** The transfer decision for each model of the chain, by model id. */
  readonly transfers?: ReadonlyMap<string, TransferDecision>;
  readonly outcome?: Outcome;
}
