import { z } from 'zod';
import { PUBLIC_SERVICE_TOPICS } from '../../guard/scope/index.js';
import { FORBIDDEN_ADVICE, type ForbiddenAdvice } from '../../guard/types.js';
import { errors, isMizanError } from '../../errors.js';
import { DOMESTIC_COUNTRY } from '../../privacy/transfer.js';
import { ENTITY_TYPES, SENSITIVE_TYPES, type EntityType } from '../../privacy/types.js';
import { parseWith } from '../../server/openai/parse-with.js';

/**
 * The use-case register (LAW.md R1): every application is a registered processing with its purpose, legal basis,
 * data categories, retention, recipients, processors, transfers and CNDP formality. No entry, no service.
 */

export const LEGAL_BASES = [
  'consent',
  'legal_obligation',
  'contract',
  'public_interest',
  'vital_interest',
  'legitimate_interest',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const CNDP_REGIMES = ['declaration', 'authorisation'] as const;
export type CndpRegime = (typeof CNDP_REGIMES)[number];

export const CNDP_STATUSES = ['not_filed', 'filed', 'granted', 'refused'] as const;
export type CndpStatus = (typeof CNDP_STATUSES)[number];

export const SECTORS = [
  'administrative_services',
  'education',
  'health',
  'financial_inclusion',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PEOPLE_AFFECTED = [
  'general_public',
  'minors',
  'students',
  'patients',
  'beneficiaries',
  'job_seekers',
  'elderly',
  'persons_with_disabilities',
  'foreign_residents',
  'businesses',
  'agents',
] as const;
export type PersonCategory = (typeof PEOPLE_AFFECTED)[number];

export const TRANSFER_BASES = [
  'none',
  'cndp_list',
  'consent',
  'f118_authorisation',
  'art44_necessity',
] as const;
export type TransferBasis = (typeof TRANSFER_BASES)[number];

/**
 * States the CNDP lists as protecting personal data adequately (Law 09-08 art. 43; CNDP deliberation 465-2013,
 * amended by 236-2015): the EU and EEA member states, the United Kingdom, Switzerland and Canada. Not the United
 * States. ISO 3166-1 alpha-2, so Greece is GR.
 */
export const CNDP_ADEQUATE_COUNTRIES: ReadonlySet<string> = new Set([
  // European Union
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  // European Economic Area beyond the EU
  'IS',
  'LI',
  'NO',
  // Named by the deliberation
  'GB',
  'CH',
  'CA',
]);

/** Categories whose processing needs a prior CNDP authorisation, not a declaration (Law 09-08 art. 12). */
const AUTHORISATION_CATEGORIES: ReadonlySet<EntityType> = new Set<EntityType>(['MA_CIN', ...SENSITIVE_TYPES]);
const SENSITIVE_CATEGORIES: ReadonlySet<EntityType> = new Set<EntityType>(SENSITIVE_TYPES);

const text = (max: number) => z.string().trim().min(1).max(max);
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. MA or FR');

export const useCaseEntrySchema = z.strictObject({
  purpose: z.string().trim().min(10).max(2000),
  legal_basis: z.enum(LEGAL_BASES),
  /** The text that gives the mandate, e.g. the law or decree creating the service. */
  legal_basis_reference: text(500).optional(),
  controller: z.strictObject({ name: text(200), address: text(500).optional() }),
  cndp: z.strictObject({
    regime: z.enum(CNDP_REGIMES),
    reference: text(100).nullable(),
    status: z.enum(CNDP_STATUSES),
    /** Date of the receipt or decision: a calendar date, kept as text so that no time zone shifts it. */
    date: z.iso.date().optional(),
  }),
  sector: z.enum(SECTORS),
  people_affected: z.array(z.enum(PEOPLE_AFFECTED)).min(1),
  data_categories: z.array(z.enum(ENTITY_TYPES)),
  retention_days: z.number().int().min(1).max(3650),
  /** Keep the content of conversations, encrypted, for `retention_days` (otherwise only salted commitments). */
  retain_content: z.boolean().optional(),
  recipients: z.array(text(200)),
  processors: z.array(
    z.strictObject({
      name: text(200),
      role: text(200),
      country: countryCode,
      contract_reference: text(200).optional(),
    }),
  ),
  transfers: z.strictObject({
    countries: z.array(countryCode),
    basis: z.enum(TRANSFER_BASES),
    reference: text(100).optional(),
  }),
  dpo: z.strictObject({ name: text(200), email: z.email(), phone: text(50).optional() }),
  /** What the assistant may talk about and which advice it must never give (the guard's per-application rules). */
  guard: z
    .strictObject({
      /** Public-service topics the assistant answers on; a request clearly about another is redirected. */
      scope_topics: z.array(z.enum(PUBLIC_SERVICE_TOPICS)).min(1).optional(),
      /** Replaces the sector's default list (health: diagnosis and prescription; credit: decisions…). */
      forbidden_advice: z.array(z.enum(FORBIDDEN_ADVICE)).optional(),
    })
    .optional(),
});

export type UseCaseWire = z.infer<typeof useCaseEntrySchema>;

export interface Processor {
  name: string;
  role: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  contractReference?: string;
}

export interface UseCaseEntry {
  purpose: string;
  legalBasis: LegalBasis;
  legalBasisReference?: string;
  controller: { name: string; address?: string };
  cndp: { regime: CndpRegime; reference: string | null; status: CndpStatus; date?: string };
  sector: Sector;
  peopleAffected: PersonCategory[];
  dataCategories: EntityType[];
  retentionDays: number;
  retainContent?: boolean;
  recipients: string[];
  processors: Processor[];
  transfers: { countries: string[]; basis: TransferBasis; reference?: string };
  dpo: { name: string; email: string; phone?: string };
  guard?: { scopeTopics?: string[]; forbiddenAdvice?: ForbiddenAdvice[] };
}

/**
 * The wire form (snake_case, as administrations write it) and the domain form (camelCase) differ only in how keys
 * are spelled, so one walk converts both ways; absent optional keys stay absent rather than holding `undefined`.
 */
function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [rename(k), renameKeys(v, rename)]),
  );
}

const fromWire = (wire: UseCaseWire) =>
  renameKeys(wire, (key) =>
    key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
  ) as UseCaseEntry;

/** The wire form of an entry: what `parseUseCaseEntry` accepts, and what the admin API returns. */
export const toUseCaseWire = (entry: UseCaseEntry) =>
  renameKeys(entry, (key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)) as UseCaseWire;

/**
 * Validates an administrator's register entry: its shape (400 `invalid_use_case`, naming the field), then its
 * consistency with Law 09-08 (422, one code per rule).
 */
export function parseUseCaseEntry(body: unknown): UseCaseEntry {
  const entry = fromWire(parseShape(body));
  for (const rule of consistencyRules) {
    const problem = rule.check(entry);
    if (problem) throw errors.unprocessable(rule.code, problem.message, problem.param);
  }
  return entry;
}

function parseShape(body: unknown): UseCaseWire {
  try {
    return parseWith(useCaseEntrySchema, body);
  } catch (error) {
    // Same messages and param as the rest of the API, under one code an administration's tooling can match.
    if (isMizanError(error)) throw errors.invalidRequest('invalid_use_case', error.message, error.param);
    throw error;
  }
}

/** The CNDP formality the data categories call for: a CIN number or any sensitive category needs an authorisation. */
export function requiredCndpRegime(dataCategories: readonly EntityType[]): CndpRegime {
  return dataCategories.some((c) => AUTHORISATION_CATEGORIES.has(c)) ? 'authorisation' : 'declaration';
}

/**
 * Whether the application may be served: the CNDP has granted the formality its data call for (an authorisation
 * also covers what a declaration would). Filed is not enough: "no reference, no service" (R1).
 */
export function cndpAuthorisationGranted(entry: UseCaseEntry): boolean {
  const { regime, status, reference } = entry.cndp;
  if (status !== 'granted' || reference === null) return false;
  return regime === 'authorisation' || requiredCndpRegime(entry.dataCategories) === 'declaration';
}

/**
 * CNDP numbers: a letter for the kind (D declaration, A authorisation, T transfer), optional category letters
 * (`D-W-…`, `A-GC-…`), a number and a four-digit year: `D-123/2025`, `A-45/2025`, `T-7/2025`. Administrations copy
 * them with various separators, so any run of space, dot, dash, underscore or slash separates. Each repetition
 * consumes exactly one letter, so matching stays linear.
 */
const CNDP_REFERENCE = /^([A-Z])[\s._/-]*(?:[A-Z][\s._/-]*)*\d+[\s._/-]+\d{4}$/i;

const referenceKind = (reference: string): string | null =>
  CNDP_REFERENCE.exec(reference)?.[1]?.toUpperCase() ?? null;

const REGIME_PREFIX: Record<CndpRegime, string> = { declaration: 'D', authorisation: 'A' };
const REGIME_EXAMPLE: Record<CndpRegime, string> = { declaration: 'D-123/2025', authorisation: 'A-45/2025' };

interface Problem {
  message: string;
  param: string;
}

/** One consistency rule of the register: its error code, and the problem it finds in an entry, if any. */
interface ConsistencyRule {
  code: string;
  check(entry: UseCaseEntry): Problem | null;
}

const list = (values: readonly string[]): string => values.join(', ');

/** Checked in this order; the first problem found is reported. */
const consistencyRules: readonly ConsistencyRule[] = [
  {
    code: 'cndp_authorisation_required',
    check({ cndp, dataCategories }) {
      const needing = dataCategories.filter((c) => AUTHORISATION_CATEGORIES.has(c));
      if (cndp.regime !== 'declaration' || needing.length === 0) return null;
      return {
        message:
          `processing ${list(needing)} needs a prior CNDP authorisation, not a declaration ` +
          `(Law 09-08 art. 12): set cndp.regime to 'authorisation'`,
        param: 'cndp.regime',
      };
    },
  },
  {
    code: 'cndp_reference_required',
    check({ cndp }) {
      if (cndp.reference !== null || (cndp.status !== 'granted' && cndp.status !== 'filed')) return null;
      return {
        message: `a CNDP ${cndp.regime} with status '${cndp.status}' needs its reference (e.g. ${REGIME_EXAMPLE[cndp.regime]})`,
        param: 'cndp.reference',
      };
    },
  },
  {
    code: 'cndp_reference_format',
    check({ cndp }) {
      if (cndp.reference === null || referenceKind(cndp.reference) === REGIME_PREFIX[cndp.regime])
        return null;
      return {
        message:
          `'${cndp.reference}' is not a CNDP ${cndp.regime} reference: expected '${REGIME_PREFIX[cndp.regime]}-', ` +
          `a number and a four-digit year, e.g. ${REGIME_EXAMPLE[cndp.regime]}`,
        param: 'cndp.reference',
      };
    },
  },
  {
    code: 'transfer_basis_required',
    check({ transfers }) {
      if (transfers.countries.length === 0 || transfers.basis !== 'none') return null;
      return {
        message:
          `transfers to ${list(transfers.countries)} need a basis (Law 09-08 art. 43-44): ` +
          `'cndp_list', 'consent', 'f118_authorisation' or 'art44_necessity'`,
        param: 'transfers.basis',
      };
    },
  },
  {
    code: 'transfer_not_on_cndp_list',
    check({ transfers }) {
      if (transfers.basis !== 'cndp_list') return null;
      const index = transfers.countries.findIndex((c) => !CNDP_ADEQUATE_COUNTRIES.has(c));
      if (index < 0) return null;
      const outside = transfers.countries.filter((c) => !CNDP_ADEQUATE_COUNTRIES.has(c));
      return {
        message:
          `${list(outside)} ${outside.length === 1 ? 'is' : 'are'} not on the CNDP's list of countries with ` +
          `adequate protection (deliberation 465-2013): a transfer there needs an F118 authorisation ` +
          `('f118_authorisation') or an art. 44 ground ('consent' or 'art44_necessity')`,
        param: `transfers.countries[${index}]`,
      };
    },
  },
  {
    code: 'transfer_reference_required',
    check({ transfers }) {
      if (transfers.basis !== 'f118_authorisation') return null;
      if (transfers.reference !== undefined && referenceKind(transfers.reference) === 'T') return null;
      return {
        message:
          transfers.reference === undefined
            ? `an F118 transfer authorisation needs its CNDP reference, e.g. T-7/2025`
            : `'${transfers.reference}' is not a CNDP transfer authorisation reference: expected 'T-', a number ` +
              `and a four-digit year, e.g. T-7/2025`,
        param: 'transfers.reference',
      };
    },
  },
  {
    // Before sensitive_basis: for offences, consent is no ground either, so this message is the useful one.
    code: 'criminal_data_public_body',
    check({ dataCategories, legalBasis }) {
      if (!dataCategories.includes('SENSITIVE_CRIMINAL')) return null;
      if (legalBasis === 'legal_obligation' || legalBasis === 'public_interest') return null;
      return {
        message:
          `SENSITIVE_CRIMINAL (offences and convictions) may be processed only by a public body under its legal ` +
          `mandate (Law 09-08 art. 12-1-d, 49): legal_basis must be 'legal_obligation' or 'public_interest', ` +
          `not '${legalBasis}'`,
        param: 'legal_basis',
      };
    },
  },
  {
    code: 'sensitive_basis',
    check({ dataCategories, legalBasis }) {
      if (legalBasis !== 'legitimate_interest' && legalBasis !== 'contract') return null;
      const sensitive = dataCategories.filter((c) => SENSITIVE_CATEGORIES.has(c));
      if (sensitive.length === 0) return null;
      return {
        message:
          `sensitive categories ${list(sensitive)} cannot rest on '${legalBasis}': Law 09-08 art. 21 needs the ` +
          `person's express consent ('consent') or a legal mandate ('legal_obligation' or 'public_interest')`,
        param: 'legal_basis',
      };
    },
  },
  {
    code: 'processor_abroad_not_declared',
    check({ processors, transfers }) {
      const index = processors.findIndex(
        (p) => p.country !== DOMESTIC_COUNTRY && !transfers.countries.includes(p.country),
      );
      const processor = processors[index];
      if (!processor) return null;
      return {
        message:
          `processor '${processor.name}' is in ${processor.country}, which transfers.countries does not list: ` +
          `processing abroad is a transfer (Law 09-08 art. 43-44), declare it with its basis`,
        param: `processors[${index}].country`,
      };
    },
  },
];
