import { api } from '../api/client.js';
import type { Citation } from '../api/chat-stream.js';
import type { AssistantTerms } from '../../../src/oversight/assistant-terms.js';
import type { FeedbackReason, FeedbackRating, HandoffReason } from '../../../src/oversight/citizen-voice.js';
import type { Locale } from '../i18n/locales.js';

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

export type { AssistantTerms, Citation };

/** `GET /v1/assistant`: the notice to show before the first message, and whether consent is required and given. */
export const fetchAssistantTerms = (locale: Locale) =>
  api<AssistantTerms>('/v1/assistant', { query: { lang: locale }, bearer: null });

export interface ConsentState {
  object: 'mizan.consent';
  given_at: string | null;
}

export const giveConsent = () =>
  api<ConsentState>('/v1/assistant/consent', { method: 'POST', body: {}, bearer: null });

/** Withdrawing is always possible; the assistant then refuses the citizen's questions until they consent again. */
export const withdrawConsent = () =>
  api<ConsentState>('/v1/assistant/consent', { method: 'DELETE', bearer: null });
