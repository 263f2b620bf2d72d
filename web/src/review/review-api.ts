import { api } from '../api/client.js';
import type { Citation } from '../api/chat-stream.js';

export type CaseStatus = 'pending' | 'claimed' | 'approved' | 'rejected';
export type CaseKind = 'hold' | 'sample';

/** A review case as `/v1/oversight/reviews` sends it: question and draft pseudonymized, dates as ISO strings. */
export interface ReviewCase {
  id: string;
  applicationId: string;
  kind: CaseKind;
  status: CaseStatus;
  triggers: { kind: string; detail?: string }[];
  /** Mizan's language label of the question (`fra_Latn`, `ary_Arab`…). */
  language: string | null;
  question: string;
  draft: string;
  citations: Citation[];
  /** The reviewer's edit, once saved. */
  answer: string | null;
  edited: boolean;
  reason: string | null;
  claimedBy: string | null;
  decidedAt: string | null;
  expectedBy: string;
  escalatedAt: string | null;
  createdAt: string;
}

/** The text a reviewer scores, cut by the server into sentences with the sources each cites. */
export interface CaseDetail extends ReviewCase {
  sentences: { index: number; sentence: string; cited: number[] }[];
}

export interface ApplicationSummary {
  id: string;
  name: string;
}

/** The verdicts the API accepts (`decisionSchema` of src/oversight/review/review-service.ts). */
export const SENTENCE_VERDICTS = ['correct', 'unsupported', 'incorrect', 'unclear'] as const;
export const CITATION_VERDICTS = ['supports', 'partial', 'does_not_support'] as const;
export type SentenceVerdict = (typeof SENTENCE_VERDICTS)[number];
export type CitationVerdict = (typeof CITATION_VERDICTS)[number];

export interface DecisionBody {
  reason?: string;
  scores?: {
    sentences: { index: number; verdict: SentenceVerdict }[];
    citations: { n: number; verdict: CitationVerdict }[];
  };
}

/** What the queue's status filter shows: every open case, those nobody holds, those held, or the decided. */
export type QueueView = 'open' | 'pending' | 'claimed' | 'decided';
const STATUSES: Record<QueueView, string> = {
  open: 'pending,claimed',
  pending: 'pending',
  claimed: 'claimed',
  decided: 'approved,rejected',
};

const path = (id: string, action = '') => `/v1/oversight/reviews/${encodeURIComponent(id)}${action}`;

export const reviewApi = {
  list: (filter: { view: QueueView; kind?: CaseKind | undefined; application?: string | undefined }) =>
    api<{ data: ReviewCase[] }>('/v1/oversight/reviews', {
      query: { status: STATUSES[filter.view], kind: filter.kind, application: filter.application },
    }).then((answer) => answer.data),
  get: (id: string) => api<CaseDetail>(path(id)),
  claim: (id: string) => api<ReviewCase>(path(id, '/claim'), { method: 'POST', body: {} }),
  saveAnswer: (id: string, answer: string) =>
    api<ReviewCase>(path(id, '/answer'), { method: 'PUT', body: { answer } }),
  approve: (id: string, body: DecisionBody) =>
    api<ReviewCase>(path(id, '/approve'), { method: 'POST', body }),
  reject: (id: string, body: DecisionBody) => api<ReviewCase>(path(id, '/reject'), { method: 'POST', body }),
  /** The tenant's applications, to name them in the queue. */
  applications: () =>
    api<{ data: ApplicationSummary[] }>('/v1/oversight/applications').then((answer) => answer.data),
};
