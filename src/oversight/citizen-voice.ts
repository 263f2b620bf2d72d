/**
 * What a citizen can say about the assistant besides asking: why an answer did not help (feedback) and why they
 * want a person instead (hand-over). Dependency-free, so the web assistant offers exactly the codes the server takes.
 */
export const FEEDBACK_RATINGS = ['helpful', 'not_helpful'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

export const FEEDBACK_REASONS = [
  'incorrect',
  'not_my_language',
  'unclear',
  'missing_source',
  'offensive',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const HANDOFF_REASONS = [
  'answer_wrong',
  'complex_case',
  'prefer_human',
  'complaint',
  'other',
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/**
 * Who speaks: a citizen signed in (or a guest) through their session, or an application on a citizen's behalf with
 * its key. `dataSubject` is the citizen's reference (null for an application, which names no one).
 */
export interface CitizenVoiceCaller {
  tenantId: string;
  applicationId: string;
  /** `citizen` or `application:<id>`, as the audit log writes it. */
  actor: string;
  dataSubject: string | null;
}
