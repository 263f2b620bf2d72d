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
import type { RiskTier } from '../config/schema.js';
import type { GuardVerdict } from '../guard/policy.js';
import type { ForbiddenAdvice } from '../guard/types.js';
import type { TierControls } from '../oversight/risk/controls.js';
import type { ReviewTrigger } from '../oversight/review/review-service.js';

/** Who is calling: resolved from an API key by the authenticate stage. */
export interface Principal {
  tenant: Tenant;
  application: Application;
  keyId: string;
  /** Set when the key is a sandbox's: the request runs under the sandbox's rules. */
  sandboxId: string | null;
}

/** What the use-case register and the risk assessment impose on this request. */
export interface OversightPolicy {
  tier: RiskTier;
  controls: TierControls;
  /** The sandbox this request runs in (only synthetic or pseudonymized data), or null in production. */
  sandboxId: string | null;
  /** The sandbox is an assurance run's own: its prompts are the pack's synthetic ones, names included. */
  assuranceRun: boolean;
  /** The registered processing this request belongs to, as its audit record names it. */
  processing: {
    purpose: string;
    legalBasis: string;
    retentionDays: number;
    /** The register keeps the content of flows (encrypted, for `retentionDays`); otherwise only commitments. */
    retainContent: boolean;
  };
  /** The guard's rules for this application, from its register entry and its sector. */
  guard: {
    /** Topics the assistant answers on; null when the register does not narrow them. */
    scopeTopics: readonly string[] | null;
    forbiddenAdvice: readonly ForbiddenAdvice[];
  };
  /** What the transparency notice names, when the tier requires one. */
  notice: {
    controller: string;
    purpose: string;
    cndpReference: string | null;
    cndpRegime: 'declaration' | 'authorisation';
    dpoContact: string;
  } | null;
}

/** What the application is allowed to do, from its record and its use-case register entry. */
export interface Policy {
  /** Model ids the application may use; `all` when its allow-list is empty. */
  allowedModels: ReadonlySet<string> | 'all';
  /** Operators per personal-data type. */
  privacy: PrivacyPolicy;
  /** Countries the application may send personal data to (Law 09-08 art. 43-44). */
  authorisedTransfers: ReadonlySet<string>;
  oversight: OversightPolicy;
}

/** What the output checks found in the answer; for a stream, filled in when it ends. */
export interface AnswerFlags {
  stereotype: { group: string; cue: string } | null;
}

/** Whether, and why, a person reviews this answer; the case once one is opened. */
export interface ReviewDecision {
  triggers: ReviewTrigger[];
  /** Generate the whole answer before release (to hold it, or to check its grounding first), even for a stream. */
  buffer: boolean;
  held?: { caseId: string; expectedBy: Date };
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
  /** OpenAI's `user`: the application's signed-in user, as the pseudonymous subject of their login. */
  user?: string;
}

export interface EmbeddingsOperation {
  kind: 'embeddings';
  model: string;
  input: string[];
  /** OpenAI's `user`: the application's signed-in user, as the pseudonymous subject of their login. */
  user?: string;
}

export interface ListModelsOperation {
  kind: 'list-models';
}

export type Operation = ChatOperation | EmbeddingsOperation | ListModelsOperation;

export type Outcome =
  | { kind: 'completion'; entry: ModelEntry; result: GenerateResult }
  | { kind: 'stream'; entry: ModelEntry; parts: AsyncIterable<StreamPart> }
  | { kind: 'embeddings'; entry: ModelEntry; result: EmbedResult }
  | { kind: 'models'; models: ModelEntry[] }
  /** The answer waits for a reviewer: the client gets `message` and the case to fetch the outcome from. */
  | { kind: 'held'; entry: ModelEntry; message: string }
  /** The guard answered itself, and no model read the request (help resources for a person in distress). */
  | { kind: 'guarded'; message: string };

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
  /** The operation as the client sent it, before any stage rewrote it (pseudonyms, platform instructions). */
  readonly received?: O;
  /** The person the request is for, as `subjectRef` names them; undefined when the application did not say. */
  readonly dataSubject?: string;
  readonly principal?: Principal;
  readonly policy?: Policy;
  readonly language?: Identification;
  readonly privacy?: PrivacyOutcome;
  /** Retrieved from the governed corpus, best first; undefined when there is no corpus to search. */
  readonly passages?: readonly Passage[];
  readonly sources?: AnswerSources;
  readonly review?: ReviewDecision;
  readonly flags?: AnswerFlags;
  /** What the guard decided on the request and, once there is one, the answer. */
  readonly guard?: GuardVerdict;
  readonly chain?: ModelEntry[];
  /** The transfer decision for each model of the chain, by model id. */
  readonly transfers?: ReadonlyMap<string, TransferDecision>;
  readonly outcome?: Outcome;
}
