import type { AuditEvent } from '../../store/audit-store.js';
import type { Sandbox } from '../../store/governance-store.js';

export interface SandboxIncident {
  title: string;
  severity: 'low' | 'medium' | 'high';
  description: string;
}

const countBy = (values: readonly (string | undefined)[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) if (value !== undefined) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

/**
 * The report that closes a sandbox: what was tested and the incidents (from the tenant), and the metrics (from
 * the flows the audit log kept for the sandbox), so that the decision to promote rests on what happened.
 */
export function sandboxReport(input: {
  sandbox: Sandbox;
  tested: string;
  incidents: SandboxIncident[];
  flows: readonly AuditEvent[];
  closedBy: string;
  closedAt: Date;
}) {
  const { sandbox, flows } = input;
  const detail = (flow: AuditEvent) =>
    flow.detail as { outcome?: string; error?: string; language?: string; grounded?: boolean | null };
  const grounding = flows.map((f) => detail(f).grounded).filter((g): g is boolean => typeof g === 'boolean');
  return {
    sandbox_id: sandbox.id,
    application_id: sandbox.applicationId,
    purpose: sandbox.purpose,
    period: { starts_at: sandbox.startsAt.toISOString(), ends_at: sandbox.endsAt.toISOString() },
    quotas: {
      max_requests: sandbox.maxRequests,
      max_tokens: sandbox.maxTokens,
      used_requests: sandbox.usedRequests,
      used_tokens: sandbox.usedTokens,
    },
    tested: input.tested,
    incidents: input.incidents,
    metrics: {
      requests: flows.length,
      outcomes: countBy(flows.map((f) => detail(f).outcome)),
      refusals: countBy(flows.map((f) => detail(f).error)),
      languages: countBy(flows.map((f) => detail(f).language)),
      grounding: { checked: grounding.length, supported: grounding.filter(Boolean).length },
    },
    closed_by: input.closedBy,
    closed_at: input.closedAt.toISOString(),
  };
}
