import { api } from '../api/client.js';
import type { Citation } from '../api/chat-stream.js';
import type { FeedbackReason, FeedbackRating, HandoffReason } from '../../../src/oversight/citizen-voice.js';

/** `GET /v1/reviews/{case_id}`: a held answer, pending, approved (with the citizen's values back) or rejected. */
export type ReviewOutcome = {
  object: 'mizan.review';
  case_id: string;
  expected_by: string;
  language: string;
} & (
  | { status: 'pending' | 'claimed'; message: string }
  | { status: 'approved'; answer: string; edited: boolean; citations: Citation[]; decided_at: string }
  | { status: 'rejected'; message: string; reason: string | null; decided_at: string }
);

/** The citizen's own held answer, fetched with the session cookie. */
export const fetchReview = (caseId: string) =>
  api<ReviewOutcome>(`/v1/reviews/${encodeURIComponent(caseId)}`, { bearer: null });

export interface FeedbackReceipt {
  object: 'mizan.feedback';
  id: string;
}

export const sendFeedback = (body: {
  audit_id: string;
  rating: FeedbackRating;
  reasons: FeedbackReason[];
  comment?: string;
}) => api<FeedbackReceipt>('/v1/feedback', { method: 'POST', body, bearer: null });

export interface HandoffReceipt {
  object: 'mizan.handoff';
  id: string;
  reference: string;
  status: 'open' | 'closed';
  expected_by: string;
  /** What to tell the citizen next, in the language of the answer it is about. */
  notice: string;
  /** The administration answerable for the service, from its register entry. */
  contact: { name: string; address: string | null } | null;
}

export const requestHandoff = (body: { audit_id?: string; message?: string; reason: HandoffReason }) =>
  api<HandoffReceipt>('/v1/handoffs', { method: 'POST', body, bearer: null });

export type { Citation };
