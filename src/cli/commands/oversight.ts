import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { PromotionCheck } from '../../oversight/promotion.js';
import type { UseCaseWire } from '../../oversight/register/use-case.js';
import type { Questionnaire } from '../../oversight/risk/questionnaire.js';
import type { SubjectRequestSummary } from '../../privacy/rights/access.js';
import type { ReviewCase } from '../../store/review-store.js';
import type { AuditEvent } from '../../store/audit-store.js';
import type {
  ModelApproval,
  Sandbox,
  StaffMember,
  StoredAssessment,
  Suspension,
} from '../../store/governance-store.js';
import { withOversightClient, type OversightClient, type OversightOptions } from '../oversight-client.js';
import { printRows, UsageError } from '../output.js';

export interface OversightArgs {
  positionals: string[];
  values: Record<string, string | string[] | boolean | undefined>;
}

/** A record as it crosses HTTP: its dates are ISO strings. */
type Wire<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

const USAGE = {
  staff: `usage:
  mizan staff create --tenant T --name NAME --roles dpo,reviewer
  mizan staff list [--tenant T]`,
  register: `usage:
  mizan register set APP_ID --file ENTRY.json|yaml
  mizan register show APP_ID
  mizan register record APP_ID [--html] [--lang fr|ar|en]`,
  assess: `usage:
  mizan assess questionnaire [--version N] [--lang fr|ar|en]
  mizan assess submit APP_ID --file ANSWERS.json|yaml [--version N]
  mizan assess sign APP_ID ASSESSMENT_ID --token DPO_STAFF_TOKEN
  mizan assess show APP_ID`,
  apps: `usage:
  mizan apps checks APP_ID
  mizan apps promote APP_ID`,
  sandbox: `usage:
  mizan sandbox open APP_ID --purpose TEXT --ends DATE [--starts DATE] --max-requests N --max-tokens N
  mizan sandbox list [--app APP_ID]
  mizan sandbox close SANDBOX_ID --tested TEXT [--incidents FILE.json]`,
  models: `usage:
  mizan models list
  mizan models approve MODEL --tier T [--report ID:passed|ID:failed ...] [--note TEXT]
  mizan models revoke MODEL --tier T`,
  suspend: 'usage: mizan suspend application|model ID --reason TEXT',
  resume: 'usage: mizan resume application|model ID',
  rights: `usage (with a DPO's --token):
  mizan rights request --user LOGIN_SUBJECT --kind access|rectification|opposition|erasure [--app APP_ID]
                       [--file CORRECTIONS.json]
  mizan rights list [--status received,completed,refused] [--kind K]
  mizan rights show REQUEST_ID
  mizan rights complete REQUEST_ID [--reason TEXT] | mizan rights refuse REQUEST_ID --reason TEXT`,
  holds: `usage (with a DPO's or tenant admin's --token):
  mizan holds place --reason TEXT [--user LOGIN_SUBJECT] [--app APP_ID]
  mizan holds list | mizan holds lift HOLD_ID`,
  reviews: `usage:
  mizan reviews list [--status pending,claimed] [--app APP_ID]
  mizan reviews show CASE_ID
  mizan reviews claim CASE_ID
  mizan reviews edit CASE_ID --answer TEXT
  mizan reviews approve CASE_ID [--answer TEXT] [--scores FILE.json]
  mizan reviews reject CASE_ID --reason TEXT`,
  audit:
    'usage: mizan audit events [--app APP_ID] [--subject ID] [--kind flow|oversight|governance|rights|retention] [--after N] [--limit N]',
} as const;

/** The commands of human oversight, each a client of the `/v1/oversight` API. */
export type OversightCommand = keyof typeof USAGE;

const LANGUAGES = ['fr', 'ar', 'en'] as const;

/** One command line, read: its arguments checked before the platform is reached, so bad usage fails fast. */
function reader(command: OversightCommand, args: OversightArgs) {
  const fail = (): never => {
    throw new UsageError(USAGE[command]);
  };
  const optional = (name: string): string | undefined => {
    const value = args.values[name];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const date = (name: string): string | undefined => {
    const value = optional(name);
    if (value === undefined) return undefined;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) throw new UsageError(`--${name} takes a date, e.g. 2027-01-31`);
    return parsed.toISOString();
  };
  const wholeNumber = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number`);
    return Number(value);
  };
  return {
    positional: (index: number): string => args.positionals[index] ?? fail(),
    required: (name: string): string => optional(name) ?? fail(),
    optional,
    flag: (name: string): boolean => args.values[name] === true,
    list: (name: string): string[] | undefined =>
      optional(name)
        ?.split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    number: (name: string): number | undefined => wholeNumber(name, optional(name)),
    requiredNumber: (name: string): number => wholeNumber(name, optional(name)) ?? fail(),
    date,
    requiredDate: (name: string): string => date(name) ?? fail(),
    language: (): (typeof LANGUAGES)[number] | undefined => {
      const value = optional('lang');
      if (value === undefined) return undefined;
      const known = LANGUAGES.find((l) => l === value);
      if (!known) throw new UsageError('--lang takes fr, ar or en');
      return known;
    },
    /** All the values of a repeatable option, each possibly a comma-separated list. */
    repeated: (name: string): string[] => {
      const value = args.values[name];
      const given = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
      return given.flatMap((v) => v.split(',').map((item) => item.trim())).filter(Boolean);
    },
  };
}

/** A JSON or YAML file (JSON is YAML), read before anything else is done. */
function readDocument(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

const path = (...segments: string[]) => segments.map((s) => `/${encodeURIComponent(s)}`).join('');

function query(params: Record<string, string | number | undefined>): string {
  const defined = Object.entries(params).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)] as [string, string]],
  );
  return defined.length > 0 ? `?${new URLSearchParams(defined)}` : '';
}

const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));

/** `name: value` lines for people; the whole object as JSON with `--json`. */
function printFields(value: unknown, json: boolean, fields: Array<[string, unknown]>): void {
  if (json) return printJson(value);
  for (const [name, field] of fields) {
    const text = Array.isArray(field) ? field.join(', ') || '(none)' : field === null ? '-' : String(field);
    console.log(`${name}: ${text}`);
  }
}

/** Runs `mizan COMMAND ACTION …` for the oversight commands. */
export async function oversight(
  command: OversightCommand,
  action: string | undefined,
  args: OversightArgs,
  options: OversightOptions,
): Promise<void> {
  const read = reader(command, args);
  const run = handlers[command](action, read, options.json);
  if (!run) throw new UsageError(USAGE[command]);
  await withOversightClient(options, run);
}

type Reader = ReturnType<typeof reader>;
/** The work of a command once its line is read, or undefined for an unknown action. */
type Handler = (
  action: string | undefined,
  read: Reader,
  json: boolean,
) => ((client: OversightClient) => Promise<void>) | undefined;

const staff: Handler = (action, read, json) => {
  if (action === 'create') {
    const body = { tenant: read.required('tenant'), name: read.required('name'), roles: read.list('roles') };
    if (!body.roles?.length) throw new UsageError(USAGE.staff);
    return async (client) => {
      const created = await client.request<Wire<StaffMember> & { token: string }>('POST', '/staff', body);
      if (json) return printJson(created);
      console.log(
        `${created.token}\n\nstaff ${created.id} (${created.name}: ${created.roles.join(', ')}): ` +
          'give this token to its holder now, it is not shown again',
      );
    };
  }
  if (action === 'list') {
    const tenant = read.optional('tenant');
    return async (client) => {
      const { data } = await client.request<{ data: Wire<StaffMember>[] }>(
        'GET',
        `/staff${query({ tenant })}`,
      );
      printRows(
        data.map((m) => ({ ...m })),
        json,
      );
    };
  }
  return undefined;
};

const entryFields = (entry: UseCaseWire): Array<[string, unknown]> => [
  ['purpose', entry.purpose],
  ['legal basis', entry.legal_basis],
  ['cndp', `${entry.cndp.regime} ${entry.cndp.reference ?? '(no number)'}, ${entry.cndp.status}`],
  ['sector', entry.sector],
  ['people affected', entry.people_affected],
  ['data categories', entry.data_categories],
  ['retention', `${entry.retention_days} days`],
  [
    'transfers abroad',
    entry.transfers.countries.length > 0
      ? `${entry.transfers.countries.join(', ')} (${entry.transfers.basis})`
      : 'none',
  ],
  ['dpo', `${entry.dpo.name} <${entry.dpo.email}>`],
];

const register: Handler = (action, read, json) => {
  if (action === 'set') {
    const application = read.positional(0);
    const entry = readDocument(read.required('file'));
    return async (client) => {
      const saved = await client.request<UseCaseWire>(
        'PUT',
        path('applications', application, 'use-case'),
        entry,
      );
      printFields(saved, json, [['application', `${application} registered`], ...entryFields(saved)]);
    };
  }
  if (action === 'show') {
    const application = read.positional(0);
    return async (client) => {
      const entry = await client.request<UseCaseWire & { risk_tier: string | null; stage: string }>(
        'GET',
        path('applications', application, 'use-case'),
      );
      printFields(entry, json, [
        ['application', application],
        ['stage', entry.stage],
        ['risk tier', entry.risk_tier],
        ...entryFields(entry),
      ]);
    };
  }
  if (action === 'record') {
    const application = read.positional(0);
    const html = read.flag('html');
    const lang = read.language();
    return async (client) => {
      const record = await client.request<unknown>(
        'GET',
        `${path('applications', application, 'processing-record')}${query({ format: html ? 'html' : undefined, lang })}`,
      );
      if (typeof record === 'string') process.stdout.write(record);
      else printJson(record);
    };
  }
  return undefined;
};

const assessmentFields = (a: Wire<StoredAssessment>): Array<[string, unknown]> => [
  ['assessment', a.id],
  ['risk tier', a.tier],
  ['questionnaire', `${a.questionnaireId} v${a.questionnaireVersion}`],
  ['submitted', `${a.submittedAt} by ${a.submittedBy}`],
  ['signed', a.signedAt ? `${a.signedAt} by ${a.signedBy}` : 'not yet, by the DPO'],
  ['reassess by', a.reassessBy],
];

const assess: Handler = (action, read, json) => {
  const version = read.number('version');
  if (action === 'questionnaire') {
    const lang = read.language() ?? 'en';
    return async (client) => {
      const questionnaire = await client.request<Questionnaire>('GET', `/questionnaire${query({ version })}`);
      if (json) return printJson(questionnaire);
      console.log(`${questionnaire.id} v${questionnaire.version} (${questionnaire.published})`);
      for (const question of questionnaire.questions) {
        const choose = question.kind === 'single' ? 'one' : 'one or more';
        console.log(`\n${question.id} (${choose}): ${question.text[lang]}`);
        for (const option of question.options) console.log(`  ${option.id}: ${option.text[lang]}`);
      }
    };
  }
  if (action === 'submit') {
    const application = read.positional(0);
    const answers = readDocument(read.required('file'));
    return async (client) => {
      const submitted = await client.request<Wire<StoredAssessment>>(
        'POST',
        path('applications', application, 'assessments'),
        { answers, ...(version === undefined ? {} : { questionnaire_version: version }) },
      );
      if (json) return printJson(submitted);
      console.log(
        `assessment ${submitted.id} of ${application}: risk tier ${submitted.tier}; the DPO signs it off with\n` +
          `  mizan assess sign ${application} ${submitted.id} --token DPO_STAFF_TOKEN`,
      );
    };
  }
  if (action === 'sign') {
    const application = read.positional(0);
    const assessment = read.positional(1);
    return async (client) => {
      const signed = await client.request<Wire<StoredAssessment>>(
        'POST',
        path('applications', application, 'assessments', assessment, 'sign'),
      );
      printFields(signed, json, assessmentFields(signed));
    };
  }
  if (action === 'show') {
    const application = read.positional(0);
    return async (client) => {
      const current = await client.request<Wire<StoredAssessment>>(
        'GET',
        path('applications', application, 'assessment'),
      );
      printFields(current, json, assessmentFields(current));
    };
  }
  return undefined;
};

const apps: Handler = (action, read, json) => {
  const application = read.positional(0);
  if (action === 'checks') {
    return async (client) => {
      const { checks } = await client.request<{ checks: PromotionCheck[] }>(
        'GET',
        path('applications', application, 'promotion'),
      );
      printRows(
        checks.map((c) => ({ ...c })),
        json,
      );
    };
  }
  if (action === 'promote') {
    return async (client) => {
      const promoted = await client.request<{ stage: string; checks: PromotionCheck[] }>(
        'POST',
        path('applications', application, 'promote'),
      );
      if (json) return printJson(promoted);
      console.log(
        `${application} is in ${promoted.stage}: ${promoted.checks.map((c) => c.check).join(', ')} passed`,
      );
    };
  }
  return undefined;
};

const sandboxRow = (s: Wire<Sandbox>) => ({
  id: s.id,
  applicationId: s.applicationId,
  purpose: s.purpose,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  requests: `${s.usedRequests}/${s.maxRequests}`,
  tokens: `${s.usedTokens}/${s.maxTokens}`,
  closedAt: s.closedAt,
});

const sandbox: Handler = (action, read, json) => {
  if (action === 'open') {
    const application = read.positional(0);
    const starts = read.date('starts');
    const body = {
      purpose: read.required('purpose'),
      ends_at: read.requiredDate('ends'),
      max_requests: read.requiredNumber('max-requests'),
      max_tokens: read.requiredNumber('max-tokens'),
      ...(starts ? { starts_at: starts } : {}),
    };
    return async (client) => {
      const opened = await client.request<Wire<Sandbox> & { key: string }>(
        'POST',
        path('applications', application, 'sandboxes'),
        body,
      );
      if (json) return printJson(opened);
      console.log(
        `${opened.key}\n\nsandbox ${opened.id} for ${application}, until ${opened.endsAt}: ` +
          'its key accepts only synthetic or pseudonymized data; store it now, it is not shown again',
      );
    };
  }
  if (action === 'list') {
    const application = read.optional('app');
    return async (client) => {
      const { data } = await client.request<{ data: Wire<Sandbox>[] }>(
        'GET',
        `/sandboxes${query({ application })}`,
      );
      printRows(json ? data.map((s) => ({ ...s })) : data.map(sandboxRow), json);
    };
  }
  if (action === 'close') {
    const id = read.positional(0);
    const incidents = read.optional('incidents');
    const body = {
      tested: read.required('tested'),
      ...(incidents ? { incidents: readDocument(incidents) } : {}),
    };
    return async (client) => {
      const closed = await client.request<Wire<Sandbox> & { report: { metrics: { requests: number } } }>(
        'POST',
        path('sandboxes', id, 'close'),
        body,
      );
      if (json) return printJson(closed);
      console.log(
        `sandbox ${closed.id} closed on ${closed.closedAt}, with its report (${closed.report.metrics.requests} requests)`,
      );
    };
  }
  return undefined;
};

interface RegisteredModel {
  id: string;
  kind: string;
  licence: string | null;
  provider: string;
  hosting: { country: string };
  approved_for: string[];
  approvals: Wire<ModelApproval>[];
}

/** `--report ID:passed` (or `:failed`), the evaluation reports an approval rests on. */
function evaluationReports(read: Reader) {
  return read.repeated('report').map((report) => {
    const match = /^(.+):(passed|failed)$/.exec(report);
    if (!match) throw new UsageError(`--report takes ID:passed or ID:failed, not "${report}"`);
    return { id: match[1]!, passed: match[2] === 'passed' };
  });
}

const models: Handler = (action, read, json) => {
  if (action === 'list') {
    return async (client) => {
      const { data } = await client.request<{ data: RegisteredModel[] }>('GET', '/models');
      printRows(
        json
          ? data.map((m) => ({ ...m }))
          : data.map((m) => ({
              id: m.id,
              kind: m.kind,
              provider: m.provider,
              hosting: m.hosting.country,
              licence: m.licence,
              approvedFor: m.approved_for.join(',') || '(none)',
            })),
        json,
      );
    };
  }
  if (action === 'approve') {
    const model = read.positional(0);
    const note = read.optional('note');
    const body = {
      tier: read.required('tier'),
      evaluation_reports: evaluationReports(read),
      ...(note ? { note } : {}),
    };
    return async (client) => {
      const approved = await client.request<Wire<ModelApproval>>(
        'POST',
        path('models', model, 'approvals'),
        body,
      );
      if (json) return printJson(approved);
      console.log(`${approved.modelId} is approved for the ${approved.tier} tier (approval ${approved.id})`);
    };
  }
  if (action === 'revoke') {
    const model = read.positional(0);
    const tier = read.required('tier');
    return async (client) => {
      const revoked = await client.request<Wire<ModelApproval>>(
        'DELETE',
        path('models', model, 'approvals', tier),
      );
      if (json) return printJson(revoked);
      console.log(`${revoked.modelId} is no longer approved for the ${revoked.tier} tier`);
    };
  }
  return undefined;
};

const TARGET_KINDS = ['application', 'model'];

const suspend: Handler = (kind, read, json) => {
  if (!kind || !TARGET_KINDS.includes(kind)) return undefined;
  const body = { target_kind: kind, target_id: read.positional(0), reason: read.required('reason') };
  return async (client) => {
    const suspended = await client.request<Wire<Suspension>>('POST', '/suspensions', body);
    if (json) return printJson(suspended);
    console.log(
      `${kind} ${suspended.targetId} is suspended (${suspended.tenantId ? `tenant ${suspended.tenantId}` : 'every tenant'}): ${suspended.reason}`,
    );
  };
};

const resume: Handler = (kind, read, json) => {
  if (!kind || !TARGET_KINDS.includes(kind)) return undefined;
  const id = read.positional(0);
  return async (client) => {
    const lifted = await client.request<{ data: Wire<Suspension>[] }>(
      'DELETE',
      path('suspensions', kind, id),
    );
    if (json) return printJson(lifted);
    console.log(
      `${kind} ${id} is resumed (${lifted.data.length} suspension${lifted.data.length === 1 ? '' : 's'} lifted)`,
    );
  };
};

const reviewRow = (c: Wire<ReviewCase>) => ({
  id: c.id,
  applicationId: c.applicationId,
  kind: c.kind,
  status: c.status,
  language: c.language,
  expectedBy: c.expectedBy,
  claimedBy: c.claimedBy,
});

const reviews: Handler = (action, read, json) => {
  if (action === 'list') {
    const filter = { status: read.optional('status'), application: read.optional('app') };
    return async (client) => {
      const { data } = await client.request<{ data: Wire<ReviewCase>[] }>('GET', `/reviews${query(filter)}`);
      printRows(json ? data.map((c) => ({ ...c })) : data.map(reviewRow), json);
    };
  }
  const id = read.positional(0);
  const decision = (verb: 'approve' | 'reject', body: object) => async (client: OversightClient) => {
    const decided = await client.request<Wire<ReviewCase>>('POST', path('reviews', id, verb), body);
    if (json) return printJson(decided);
    console.log(
      `case ${decided.id} ${decided.status} by ${decided.decidedBy}${decided.edited ? ', edited' : ''}`,
    );
  };
  switch (action) {
    case 'show':
      return async (client) => {
        const found = await client.request<
          Wire<ReviewCase> & { sentences: { index: number; sentence: string }[] }
        >('GET', path('reviews', id));
        if (json) return printJson(found);
        for (const [field, value] of Object.entries(reviewRow(found)))
          console.log(`${field}: ${value ?? '-'}`);
        console.log(`\nquestion:\n${found.question}\n\nanswer to release, by sentence:`);
        for (const s of found.sentences) console.log(`  [${s.index}] ${s.sentence}`);
      };
    case 'claim':
      return async (client) => {
        const claimed = await client.request<Wire<ReviewCase>>('POST', path('reviews', id, 'claim'));
        if (json) return printJson(claimed);
        console.log(`case ${claimed.id} claimed by ${claimed.claimedBy}, expected by ${claimed.expectedBy}`);
      };
    case 'edit': {
      const body = { answer: read.required('answer') };
      return async (client) => {
        const edited = await client.request<Wire<ReviewCase>>('PUT', path('reviews', id, 'answer'), body);
        if (json) return printJson(edited);
        console.log(`case ${edited.id}: the answer to release is edited`);
      };
    }
    case 'approve': {
      const answer = read.optional('answer');
      const scores = read.optional('scores');
      return decision('approve', {
        ...(answer ? { answer } : {}),
        ...(scores ? { scores: readDocument(scores) } : {}),
      });
    }
    case 'reject':
      return decision('reject', { reason: read.required('reason') });
    default:
      return undefined;
  }
};

const audit: Handler = (action, read, json) => {
  if (action !== 'events') return undefined;
  const filter = {
    application: read.optional('app'),
    subject: read.optional('subject'),
    kind: read.optional('kind'),
    after: read.number('after'),
    limit: read.number('limit'),
  };
  return async (client) => {
    const { data } = await client.request<{ data: Wire<AuditEvent>[] }>(
      'GET',
      `/v1/audit/records${query(filter)}`,
    );
    printRows(
      json
        ? data.map((e) => ({ ...e }))
        : data.map((e) => ({
            seq: e.seq,
            at: e.at,
            kind: e.kind,
            action: e.action,
            actor: e.actor,
            applicationId: e.applicationId,
            subject: e.subject,
          })),
      json,
    );
  };
};

const requestRow = (r: SubjectRequestSummary) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  application: r.application_id ?? '(all)',
  received: r.received_at,
  due: r.due_at,
  closed: r.completed_at,
});

const RIGHTS = '/v1/subject-rights/requests';

/** Data-subject requests as a DPO handles them (Law 09-08 art. 7-9): filed for a person, then closed. */
const rights: Handler = (action, read, json) => {
  if (action === 'request') {
    const file = read.optional('file');
    const body = {
      user: read.required('user'),
      kind: read.required('kind'),
      ...(read.optional('app') ? { application: read.optional('app') } : {}),
      ...(file ? { corrections: readDocument(file) } : {}),
    };
    return async (client) => {
      const filed = await client.request<{ export?: unknown } & SubjectRequestSummary>('POST', RIGHTS, body);
      if (json || filed.export !== undefined) return printJson(filed);
      console.log(`request ${filed.id} (${filed.kind}): ${filed.status}, due ${filed.due_at}`);
    };
  }
  if (action === 'list') {
    const filter = { status: read.optional('status'), kind: read.optional('kind') };
    return async (client) => {
      const { data } = await client.request<{ data: SubjectRequestSummary[] }>(
        'GET',
        `${RIGHTS}${query(filter)}`,
      );
      printRows(json ? data.map((r) => ({ ...r })) : data.map(requestRow), json);
    };
  }
  const id = read.positional(0);
  switch (action) {
    case 'show':
      return async (client) => printJson(await client.request('GET', `${RIGHTS}${path(id)}`));
    case 'complete':
    case 'refuse': {
      const reason = action === 'refuse' ? read.required('reason') : read.optional('reason');
      return async (client) => {
        const closed = await client.request<SubjectRequestSummary>('POST', `${RIGHTS}${path(id, action)}`, {
          ...(reason ? { reason } : {}),
        });
        if (json) return printJson(closed);
        console.log(`request ${closed.id} (${closed.kind}): ${closed.status}`);
      };
    }
    default:
      return undefined;
  }
};

/** Legal holds: what retention and erasure must keep, for an application or a person. */
const holds: Handler = (action, read, json) => {
  switch (action) {
    case 'place': {
      const body = {
        reason: read.required('reason'),
        ...(read.optional('user') ? { user: read.optional('user') } : {}),
        ...(read.optional('app') ? { application: read.optional('app') } : {}),
      };
      return async (client) => {
        const hold = await client.request<{ id: string }>('POST', '/v1/legal-holds', body);
        if (json) return printJson(hold);
        console.log(`legal hold ${hold.id} placed`);
      };
    }
    case 'list':
      return async (client) => {
        const { data } = await client.request<{ data: object[] }>('GET', '/v1/legal-holds');
        printRows(
          data.map((h) => ({ ...h })),
          json,
        );
      };
    case 'lift': {
      const id = read.positional(0);
      return async (client) => {
        const hold = await client.request<{ id: string }>('POST', `/v1/legal-holds${path(id, 'lift')}`);
        if (json) return printJson(hold);
        console.log(`legal hold ${hold.id} lifted`);
      };
    }
    default:
      return undefined;
  }
};

const handlers: Record<OversightCommand, Handler> = {
  staff,
  register,
  assess,
  apps,
  sandbox,
  models,
  suspend,
  resume,
  reviews,
  rights,
  holds,
  audit,
};
