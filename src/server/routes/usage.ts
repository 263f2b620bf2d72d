import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errors } from '../../errors.js';
import { authorize, tenantScope, type StaffRole } from '../../oversight/actors.js';
import type { Platform } from '../../platform.js';
import type { UsageRow } from '../../store/usage-store.js';
import { bearerToken } from '../bearer.js';
import { parseWith } from '../openai/parse-with.js';

const READERS: readonly StaffRole[] = ['tenant_admin'];
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

const day = z.iso.date();
const usageQuery = z.strictObject({
  application: z.string().min(1).max(100).optional(),
  from: day.optional(),
  to: day.optional(),
});

const sumEnergy = (values: Array<number | null>): number | null =>
  values.some((v) => v !== null) ? round(values.reduce<number>((sum, v) => sum + (v ?? 0), 0)) : null;
const round = (wh: number) => Math.round(wh * 1_000_000) / 1_000_000;

/**
 * GET /v1/usage: requests, tokens and the energy estimate per application, model and UTC day, for the platform admin
 * (every tenant) and a tenant's admins (their tenant only; another tenant's application answers 404). `from` and `to`
 * are inclusive days, today by default.
 */
export function usageRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Querystring: Record<string, string> }>('/v1/usage', async (request) => {
    const query = parseWith(usageQuery, request.query);
    const actor = await platform.oversight.staff.authenticate(bearerToken(request.headers.authorization));
    const today = new Date().toISOString().slice(0, 10);
    const to = query.to ?? query.from ?? today;
    const from = query.from ?? to;
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1) throw errors.invalidRequest('invalid_value', '`from` must not be after `to`', 'from');
    if (days > MAX_DAYS)
      throw errors.invalidRequest('invalid_value', `at most ${MAX_DAYS} days at a time`, 'from');
    if (query.application)
      await platform.oversight.governance.applicationFor(actor, query.application, READERS);
    else if (actor.kind === 'staff')
      authorize(actor, READERS, actor.tenantId, () => errors.notFound('tenant_not_found', 'no such tenant'));
    const tenantId = tenantScope(actor);
    const rows = await platform.quota.usage.list({
      ...(tenantId ? { tenantId } : {}),
      ...(query.application ? { applicationId: query.application } : {}),
      from,
      to,
    });
    return {
      object: 'usage',
      from,
      to,
      application: query.application ?? null,
      data: rows.map((row) => ({
        application: row.applicationId,
        model: row.model,
        day: row.day,
        ...totals([row]),
      })),
      total: totals(rows),
    };
  });
}

function totals(rows: UsageRow[]) {
  const sum = (field: 'requests' | 'promptTokens' | 'completionTokens') =>
    rows.reduce((total, row) => total + row[field], 0);
  return {
    requests: sum('requests'),
    prompt_tokens: sum('promptTokens'),
    completion_tokens: sum('completionTokens'),
    total_tokens: sum('promptTokens') + sum('completionTokens'),
    // Null where no answer's model had a known energy or size.
    energy_wh_estimate: sumEnergy(rows.map((row) => row.energyWh)),
  };
}

/** The request schemas of these routes, for the API description (src/server/openapi). */
export const usageSchemas = { usageQuery };
