import { z } from 'zod';
import { citedSentences } from '../../corpus/grounding.js';
import { errors } from '../../errors.js';
import { restoreText } from '../../privacy/restore.js';
import type { Entity } from '../../privacy/types.js';
import { PSEUDONYM_PATTERN } from '../../privacy/vault.js';
import { parseWith } from '../../server/openai/parse-with.js';
import type { AuditLog } from '../../audit/writer.js';
import type { NewReviewCase, ReviewCase, ReviewStatus, ReviewStore } from '../../store/review-store.js';
import type { VaultStore } from '../../store/vault-store.js';
import { actorLabel, authorize, tenantScope, type Actor } from '../actors.js';
import { READ_ROLES } from '../governance.js';
import { reviewPendingMessage, reviewRejectedMessage } from '../messages.js';
import type { Notifier } from '../notifier.js';

/** Why a case was opened: the tier's rule, a sensitive topic, failed grounding, a guard flag, the user, sampling. */
export interface ReviewTrigger {
  kind:
    | 'tier_rule'
    | 'sensitive_topic'
    | 'grounding_failed'
    | 'guard_flag'
    | 'stereotype'
    | 'human_requested'
    | 'sampled';
  /** The topic, the guard rule or the grounding reason; never the user's words. */
  detail?: string;
}

export const caseNotFound = (id: string) =>
  errors.notFound('review_case_not_found', `no review case "${id}"`, 'case_id');

/** Reviewers score each sentence and citation of the draft: kept as evaluation data for the models and the corpus. */
const scoresSchema = z.strictObject({
  sentences: z
    .array(
      z.strictObject({
        index: z.number().int().min(0),
        verdict: z.enum(['correct', 'incorrect', 'unsupported', 'unclear']),
        note: z.string().max(1000).optional(),
      }),
    )
    .default([]),
  citations: z
    .array(
      z.strictObject({
        n: z.number().int().min(1),
        verdict: z.enum(['supports', 'partial', 'does_not_support']),
        note: z.string().max(1000).optional(),
      }),
    )
    .default([]),
});
export type ReviewScores = z.infer<typeof scoresSchema>;

export const decisionSchema = z.strictObject({
  /** The answer to release, when the reviewer changed the draft. */
  answer: z.string().trim().min(1).max(20_000).optional(),
  /** Required to reject: shown to the citizen, so written for them. */
  reason: z.string().trim().min(1).max(2000).optional(),
  scores: z.unknown().optional(),
});

export interface ReviewServiceOptions {
  store: ReviewStore;
  audit: AuditLog;
  vaults: VaultStore;
  scan: (text: string) => Entity[];
  notifier: Notifier;
  /** How long a held answer may wait for its reviewer. */
  slaMs: number;
  now?: () => number;
}

/**
 * The human in the loop. The gateway holds an answer as a case; a reviewer of the application's tenant claims it,
 * edits, approves or rejects it with a reason, and scores it; the citizen fetches the outcome. Cases keep the
 * question and draft pseudonymized, as the model saw them: reviewers see no identifier in clear, and the citizen's
 * own values are put back only in the answer the citizen fetches.
 */
export function createReviewService(options: ReviewServiceOptions) {
  const { store, audit } = options;
  const now = options.now ?? Date.now;

  const event = (c: ReviewCase, action: string, actor: string, detail: Record<string, unknown> = {}) =>
    audit.append({
      kind: 'oversight',
      tenantId: c.tenantId,
      applicationId: c.applicationId,
      action,
      actor,
      subject: c.id,
      detail: { flow_id: c.flowId, kind: c.kind, ...detail },
    });

  async function caseFor(actor: Actor, id: string, roles = READ_ROLES): Promise<ReviewCase> {
    const found = await store.find(id);
    if (!found) throw caseNotFound(id);
    authorize(actor, roles, found.tenantId, () => caseNotFound(id));
    return found;
  }

  /** A reviewer's text may keep the draft's pseudonyms but must not bring personal data of its own. */
  function refuseNewPersonalData(text: string, field: string) {
    const found = options.scan(text.replace(PSEUDONYM_PATTERN, ' '));
    if (found.length > 0) {
      const types = [...new Set(found.map((e) => e.type))].join(', ');
      throw errors.unprocessable(
        'edit_introduces_personal_data',
        `the ${field} contains personal data (${types}); keep the pseudonyms of the draft, such as ⟦PERSON_1⟧, and add no identifier`,
        field,
      );
    }
  }

  function parseScores(c: ReviewCase, raw: unknown): ReviewScores | null {
    if (raw === undefined) return null;
    const scores = parseWith(scoresSchema, raw);
    const sentences = citedSentences(c.answer ?? c.draft).length;
    const bad = scores.sentences.find((s) => s.index >= sentences);
    if (bad) {
      throw errors.invalidRequest(
        'score_sentence_unknown',
        `the draft has ${sentences} sentences (0 to ${sentences - 1}); there is no sentence ${bad.index}`,
        'scores.sentences',
      );
    }
    const known = new Set(c.citations.map((citation) => (citation as { n: number }).n));
    const unknown = scores.citations.find((s) => !known.has(s.n));
    if (unknown) {
      throw errors.invalidRequest(
        'score_citation_unknown',
        `the draft cites no source [${unknown.n}]`,
        'scores.citations',
      );
    }
    return scores;
  }

  function decided(c: ReviewCase | undefined, id: string, reviewer: string): never {
    if (!c) throw caseNotFound(id);
    if (c.status === 'approved' || c.status === 'rejected') {
      throw errors.conflict(
        'case_already_decided',
        `this case was ${c.status} already${c.decidedAt ? ` on ${c.decidedAt.toISOString()}` : ''}`,
      );
    }
    if (c.claimedBy !== reviewer) throw errors.conflict('case_claimed', 'another reviewer holds this case');
    throw errors.conflict('case_not_claimed', 'claim the case before editing it');
  }

  async function decide(
    actor: Actor,
    id: string,
    status: 'approved' | 'rejected',
    body: z.infer<typeof decisionSchema>,
  ) {
    const c = await caseFor(actor, id, ['reviewer']);
    const reviewer = actorLabel(actor);
    if (status === 'rejected' && !body.reason) {
      throw errors.invalidRequest(
        'reason_required',
        'a rejection needs a reason, written for the citizen',
        'reason',
      );
    }
    if (body.answer) refuseNewPersonalData(body.answer, 'answer');
    if (body.reason) refuseNewPersonalData(body.reason, 'reason');
    const scores = parseScores(c, body.scores);
    const answer = status === 'approved' ? (body.answer ?? c.answer ?? c.draft) : null;
    const edited =
      status === 'approved' && (c.edited || (body.answer !== undefined && body.answer !== c.draft));
    const updated = await store.decide(id, {
      reviewer,
      status,
      answer,
      edited,
      reason: body.reason ?? null,
      scores,
    });
    if (!updated) decided(await store.find(id), id, reviewer);
    await event(updated, `review.${status}`, reviewer, {
      edited,
      ...(body.reason ? { reason: body.reason } : {}),
      scored: scores !== null,
      late: updated.decidedAt! > updated.expectedBy,
    });
    return updated;
  }

  return {
    /** Opens a case for an answer held before release, or sampled after it. */
    async open(input: Omit<NewReviewCase, 'expectedBy'>): Promise<ReviewCase> {
      const created = await store.create({ ...input, expectedBy: new Date(now() + options.slaMs) });
      await event(created, input.kind === 'hold' ? 'review.held' : 'review.sampled', 'gateway', {
        triggers: input.triggers,
        expected_by: created.expectedBy.toISOString(),
      });
      return created;
    },

    async list(
      actor: Actor,
      filter: { status?: ReviewStatus[]; applicationId?: string; kind?: 'hold' | 'sample' },
    ) {
      authorize(actor, READ_ROLES, tenantScope(actor) ?? null, () => caseNotFound(''));
      const tenantId = tenantScope(actor);
      return store.list({
        ...(tenantId ? { tenantId } : {}),
        ...(filter.applicationId ? { applicationId: filter.applicationId } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        statuses: filter.status ?? ['pending', 'claimed'],
      });
    },

    get: (actor: Actor, id: string) => caseFor(actor, id),

    /** The draft cut into the sentences a reviewer scores, each with the sources it cites. */
    sentences: (c: ReviewCase) =>
      citedSentences(c.answer ?? c.draft).map((s, index) => ({
        index,
        sentence: s.sentence,
        cited: s.cited,
      })),

    async claim(actor: Actor, id: string) {
      await caseFor(actor, id, ['reviewer']);
      const reviewer = actorLabel(actor);
      const claimed = await store.claim(id, reviewer);
      if (!claimed) decided(await store.find(id), id, reviewer);
      await event(claimed, 'review.claimed', reviewer);
      return claimed;
    },

    async edit(actor: Actor, id: string, answer: string) {
      await caseFor(actor, id, ['reviewer']);
      refuseNewPersonalData(answer, 'answer');
      const reviewer = actorLabel(actor);
      const edited = await store.edit(id, reviewer, answer);
      if (!edited) decided(await store.find(id), id, reviewer);
      await event(edited, 'review.edited', reviewer, { characters: answer.length });
      return edited;
    },

    approve: (actor: Actor, id: string, body: z.infer<typeof decisionSchema>) =>
      decide(actor, id, 'approved', body),
    reject: (actor: Actor, id: string, body: z.infer<typeof decisionSchema>) =>
      decide(actor, id, 'rejected', body),

    /** Whose held answer a case is: its tenant, application and flow; undefined for no held case. */
    async heldFor(id: string) {
      const c = await store.find(id);
      if (!c || c.kind !== 'hold') return undefined;
      return { tenantId: c.tenantId, applicationId: c.applicationId, flowId: c.flowId };
    },

    /**
     * What the citizen's application sees of a held answer: pending with its deadline, the approved answer with
     * the citizen's own values restored, or the rejection with its reason. Another application's case is not found.
     */
    async outcome(applicationId: string, id: string) {
      const c = await store.find(id);
      if (!c || c.applicationId !== applicationId || c.kind !== 'hold') throw caseNotFound(id);
      const base = {
        case_id: c.id,
        status: c.status,
        expected_by: c.expectedBy.toISOString(),
        language: c.language,
      };
      if (c.status === 'approved') {
        const vault = c.conversationId ? await options.vaults.load(c.tenantId, c.conversationId) : undefined;
        return {
          ...base,
          status: 'approved' as const,
          answer: vault ? restoreText(c.answer!, vault) : c.answer!,
          edited: c.edited,
          citations: c.citations,
          decided_at: c.decidedAt!.toISOString(),
        };
      }
      if (c.status === 'rejected') {
        return {
          ...base,
          message: reviewRejectedMessage(c.language),
          reason: c.reason,
          decided_at: c.decidedAt!.toISOString(),
        };
      }
      return { ...base, status: 'pending' as const, message: reviewPendingMessage(c.language, c.expectedBy) };
    },

    /** Marks the cases past their deadline, once each, and tells whoever watches the queue. */
    async escalateOverdue(): Promise<ReviewCase[]> {
      const overdue = await store.escalateOverdue(new Date(now()));
      for (const c of overdue) {
        await event(c, 'review.escalated', 'gateway', { expected_by: c.expectedBy.toISOString() });
        await options.notifier.notify({
          type: 'review.escalated',
          tenant_id: c.tenantId,
          application_id: c.applicationId,
          case_id: c.id,
          expected_by: c.expectedBy.toISOString(),
        });
      }
      return overdue;
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
