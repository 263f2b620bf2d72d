import { escapeHtml } from '../../html/escape.js';
import { riskTiers, type RiskTier } from '../../config/schema.js';
import { ENTITY_LABELS } from '../../privacy/entity-labels.js';
import { ENTITY_TYPES, SENSITIVE_TYPES, type EntityType } from '../../privacy/types.js';
import { controlsFor, type TierControls } from '../risk/controls.js';
import type {
  CndpRegime,
  CndpStatus,
  LegalBasis,
  PersonCategory,
  Sector,
  TransferBasis,
  UseCaseEntry,
} from './use-case.js';

/**
 * The processing-register entry an administration files with the CNDP and shows the public (Law 09-08 art. 15,
 * LAW.md R1, R8, R17): the use case as registered, plus the AI system that serves it.
 */

export interface ProcessingRecordInput {
  entry: UseCaseEntry;
  application: { id: string; name: string };
  tenant: { id: string; name: string };
  assessment?: {
    tier: string;
    signedBy: string | null;
    signedAt: Date | null;
    reassessBy: Date | null;
    questionnaireVersion: number;
  } | null;
  /** The models that may serve it, as the registry lists them. */
  models?: { id: string; provider: { hosting: { operator: string; country: string } }; licence: string }[];
  generatedAt: Date;
}

/** snake_case and plain JSON; every key is always present (null when unknown) so that the shape never varies. */
export interface ProcessingRecord {
  application: { id: string; name: string };
  tenant: { id: string; name: string };
  controller: { name: string; address: string | null };
  purpose: {
    description: string;
    sector: Sector;
    legal_basis: LegalBasis;
    legal_basis_reference: string | null;
  };
  /** The exact formality and number (R17): a declaration receipt or an authorisation, never a "certification". */
  cndp_formality: { regime: CndpRegime; reference: string | null; status: CndpStatus; date: string | null };
  data_subjects: PersonCategory[];
  data_categories: { identifiers: EntityType[]; sensitive: EntityType[] };
  recipients: string[];
  processors: { name: string; role: string; country: string; contract_reference: string | null }[];
  transfers_abroad: { countries: string[]; basis: TransferBasis; reference: string | null };
  retention: { days: number };
  dpo: { name: string; email: string; phone: string | null };
  ai_system: {
    risk_tier: string | null;
    assessment: {
      questionnaire_version: number;
      signed_by: string | null;
      signed_at: string | null;
      reassess_by: string | null;
    } | null;
    /** What the tier makes the gateway enforce; null while the system is not assessed. */
    human_oversight: {
      review_before_release: TierControls['humanReview'];
      sampled_after_release: number;
    } | null;
    /** Hosting outside Morocco is a transfer abroad (art. 43-44), so the country is part of the record. */
    models: { id: string; licence: string; hosting_operator: string; hosting_country: string }[];
  };
  generated_at: string;
}

const SENSITIVE: ReadonlySet<EntityType> = new Set<EntityType>(SENSITIVE_TYPES);

const isRiskTier = (tier: string): tier is RiskTier => (riskTiers as readonly string[]).includes(tier);

/** Deduplicated, in the privacy layer's order, so that two filings of the same entry read the same. */
const inEntityOrder = (categories: readonly EntityType[]): EntityType[] =>
  ENTITY_TYPES.filter((type) => categories.includes(type));

export function processingRecord(input: ProcessingRecordInput): ProcessingRecord {
  const { entry, assessment } = input;
  const categories = inEntityOrder(entry.dataCategories);
  const controls = assessment && isRiskTier(assessment.tier) ? controlsFor(assessment.tier) : null;
  return {
    application: { id: input.application.id, name: input.application.name },
    tenant: { id: input.tenant.id, name: input.tenant.name },
    controller: { name: entry.controller.name, address: entry.controller.address ?? null },
    purpose: {
      description: entry.purpose,
      sector: entry.sector,
      legal_basis: entry.legalBasis,
      legal_basis_reference: entry.legalBasisReference ?? null,
    },
    cndp_formality: {
      regime: entry.cndp.regime,
      reference: entry.cndp.reference,
      status: entry.cndp.status,
      date: entry.cndp.date ?? null,
    },
    data_subjects: [...entry.peopleAffected],
    data_categories: {
      identifiers: categories.filter((c) => !SENSITIVE.has(c)),
      sensitive: categories.filter((c) => SENSITIVE.has(c)),
    },
    recipients: [...entry.recipients],
    processors: entry.processors.map((p) => ({
      name: p.name,
      role: p.role,
      country: p.country,
      contract_reference: p.contractReference ?? null,
    })),
    transfers_abroad: {
      countries: [...entry.transfers.countries],
      basis: entry.transfers.basis,
      reference: entry.transfers.reference ?? null,
    },
    retention: { days: entry.retentionDays },
    dpo: { name: entry.dpo.name, email: entry.dpo.email, phone: entry.dpo.phone ?? null },
    ai_system: {
      risk_tier: assessment?.tier ?? null,
      assessment: assessment
        ? {
            questionnaire_version: assessment.questionnaireVersion,
            signed_by: assessment.signedBy,
            signed_at: assessment.signedAt?.toISOString() ?? null,
            reassess_by: assessment.reassessBy?.toISOString() ?? null,
          }
        : null,
      human_oversight: controls
        ? { review_before_release: controls.humanReview, sampled_after_release: controls.samplingRate }
        : null,
      models: (input.models ?? []).map((m) => ({
        id: m.id,
        licence: m.licence,
        hosting_operator: m.provider.hosting.operator,
        hosting_country: m.provider.hosting.country,
      })),
    },
    generated_at: input.generatedAt.toISOString(),
  };
}

export type RecordLanguage = 'fr' | 'ar' | 'en';

const arabicPlural = new Intl.PluralRules('ar');

/** Arabic counts agree with the number: one, two, 3 to 10, 11 to 99, and the rest each take a different form. */
function arabicDays(n: number): string {
  switch (arabicPlural.select(n)) {
    case 'one':
      return 'يوم واحد';
    case 'two':
      return 'يومان';
    case 'few':
      return `${n} أيام`;
    case 'many':
      return `${n} يوما`;
    default:
      return `${n} يوم`;
  }
}

/** Every label of the printed record; a missing translation is a type error. */
interface Labels {
  title: string;
  sections: {
    controller: string;
    purpose: string;
    cndp: string;
    subjects: string;
    categories: string;
    recipients: string;
    transfers: string;
    retention: string;
    dpo: string;
    ai: string;
  };
  fields: {
    application: string;
    administration: string;
    name: string;
    address: string;
    purpose: string;
    sector: string;
    legalBasis: string;
    legalReference: string;
    regime: string;
    reference: string;
    status: string;
    date: string;
    identifiers: string;
    sensitive: string;
    recipients: string;
    processors: string;
    role: string;
    country: string;
    contract: string;
    countries: string;
    basis: string;
    period: string;
    email: string;
    phone: string;
    riskTier: string;
    questionnaireVersion: string;
    signedBy: string;
    signedAt: string;
    reassessBy: string;
    reviewBeforeRelease: string;
    sampledAfterRelease: string;
    models: string;
    model: string;
    licence: string;
    hosting: string;
    generatedAt: string;
  };
  none: string;
  notAssessed: string;
  days: (n: number) => string;
  percentOfAnswers: (percent: number) => string;
  legalBasis: Record<LegalBasis, string>;
  regime: Record<CndpRegime, string>;
  /** By regime: a declaration gets a receipt, an authorisation is granted. */
  status: Record<CndpRegime, Record<CndpStatus, string>>;
  sector: Record<Sector, string>;
  people: Record<PersonCategory, string>;
  transferBasis: Record<TransferBasis, string>;
  tier: Record<RiskTier, string>;
  review: Record<TierControls['humanReview'], string>;
  entity: Record<EntityType, string>;
}

const LABELS: Record<RecordLanguage, Labels> = {
  fr: {
    title: 'Fiche du registre des traitements',
    sections: {
      controller: 'Responsable du traitement',
      purpose: 'Finalité et base légale',
      cndp: 'Formalité auprès de la CNDP',
      subjects: 'Catégories de personnes concernées',
      categories: 'Catégories de données',
      recipients: 'Destinataires et sous-traitants',
      transfers: 'Transferts à l’étranger',
      retention: 'Durée de conservation',
      dpo: 'Délégué à la protection des données',
      ai: 'Système d’intelligence artificielle',
    },
    fields: {
      application: 'Application',
      administration: 'Administration',
      name: 'Nom',
      address: 'Adresse',
      purpose: 'Finalité',
      sector: 'Secteur',
      legalBasis: 'Base légale',
      legalReference: 'Texte de référence',
      regime: 'Régime',
      reference: 'Numéro',
      status: 'Statut',
      date: 'Date',
      identifiers: 'Données d’identification',
      sensitive: 'Données sensibles',
      recipients: 'Destinataires',
      processors: 'Sous-traitants',
      role: 'Rôle',
      country: 'Pays',
      contract: 'Contrat',
      countries: 'Pays',
      basis: 'Fondement',
      period: 'Durée',
      email: 'Courriel',
      phone: 'Téléphone',
      riskTier: 'Niveau de risque',
      questionnaireVersion: 'Version du questionnaire d’évaluation',
      signedBy: 'Évaluation signée par',
      signedAt: 'Signée le',
      reassessBy: 'À réévaluer avant le',
      reviewBeforeRelease: 'Contrôle humain avant diffusion',
      sampledAfterRelease: 'Contrôle humain a posteriori',
      models: 'Modèles',
      model: 'Modèle',
      licence: 'Licence',
      hosting: 'Hébergeur',
      generatedAt: 'Document généré le',
    },
    none: 'Aucun',
    notAssessed: 'Non évalué',
    days: (n) => `${n} jour${n > 1 ? 's' : ''}`,
    percentOfAnswers: (p) => `${p} % des réponses`,
    legalBasis: {
      consent: 'Consentement de la personne concernée',
      legal_obligation: 'Obligation légale',
      contract: 'Exécution d’un contrat',
      public_interest: 'Mission d’intérêt public',
      vital_interest: 'Sauvegarde des intérêts vitaux',
      legitimate_interest: 'Intérêt légitime',
    },
    regime: { declaration: 'Déclaration préalable', authorisation: 'Autorisation préalable' },
    status: {
      declaration: {
        not_filed: 'Non déposée',
        filed: 'Déposée, récépissé en attente',
        granted: 'Récépissé délivré',
        refused: 'Refusée',
      },
      authorisation: {
        not_filed: 'Demande non déposée',
        filed: 'Demande déposée, en cours d’instruction',
        granted: 'Autorisation accordée',
        refused: 'Autorisation refusée',
      },
    },
    sector: {
      administrative_services: 'Services administratifs',
      education: 'Éducation',
      health: 'Santé',
      financial_inclusion: 'Inclusion financière',
      other: 'Autre',
    },
    people: {
      general_public: 'Grand public',
      minors: 'Mineurs',
      students: 'Élèves et étudiants',
      patients: 'Patients',
      beneficiaries: 'Bénéficiaires de prestations',
      job_seekers: 'Demandeurs d’emploi',
      elderly: 'Personnes âgées',
      persons_with_disabilities: 'Personnes en situation de handicap',
      foreign_residents: 'Résidents étrangers',
      businesses: 'Entreprises et leurs représentants',
      agents: 'Agents de l’administration',
    },
    transferBasis: {
      none: 'Aucun transfert',
      cndp_list: 'Pays figurant sur la liste de la CNDP',
      consent: 'Consentement exprès de la personne concernée',
      f118_authorisation: 'Autorisation de transfert de la CNDP (F118)',
      art44_necessity: 'Nécessité prévue à l’article 44 de la loi 09-08',
    },
    tier: { minimal: 'Minimal', limited: 'Limité', high: 'Élevé', prohibited: 'Interdit' },
    review: {
      none: 'Aucun',
      sensitive_topics: 'Réponses sur les sujets sensibles relues par une personne',
      all: 'Toutes les réponses relues par une personne',
    },
    entity: ENTITY_LABELS.fr,
  },
  ar: {
    title: 'بطاقة سجل معالجات المعطيات الشخصية',
    sections: {
      controller: 'المسؤول عن المعالجة',
      purpose: 'الغاية والأساس القانوني',
      cndp: 'الإجراء المسبق لدى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي',
      subjects: 'فئات الأشخاص المعنيين',
      categories: 'فئات المعطيات',
      recipients: 'المرسل إليهم والمعالجون من الباطن',
      transfers: 'نقل المعطيات إلى الخارج',
      retention: 'مدة الحفظ',
      dpo: 'مندوب حماية المعطيات',
      ai: 'نظام الذكاء الاصطناعي',
    },
    fields: {
      application: 'التطبيق',
      administration: 'الإدارة',
      name: 'الاسم',
      address: 'العنوان',
      purpose: 'الغاية',
      sector: 'القطاع',
      legalBasis: 'الأساس القانوني',
      legalReference: 'النص المرجعي',
      regime: 'النظام',
      reference: 'الرقم',
      status: 'الوضعية',
      date: 'التاريخ',
      identifiers: 'معطيات التعريف',
      sensitive: 'معطيات حساسة',
      recipients: 'المرسل إليهم',
      processors: 'المعالجون من الباطن',
      role: 'الدور',
      country: 'البلد',
      contract: 'العقد',
      countries: 'البلدان',
      basis: 'الأساس',
      period: 'المدة',
      email: 'البريد الإلكتروني',
      phone: 'الهاتف',
      riskTier: 'مستوى المخاطر',
      questionnaireVersion: 'نسخة استبيان التقييم',
      signedBy: 'التقييم موقع من طرف',
      signedAt: 'تاريخ التوقيع',
      reassessBy: 'إعادة التقييم قبل',
      reviewBeforeRelease: 'المراقبة البشرية قبل النشر',
      sampledAfterRelease: 'المراقبة البشرية اللاحقة',
      models: 'النماذج',
      model: 'النموذج',
      licence: 'الرخصة',
      hosting: 'جهة الاستضافة',
      generatedAt: 'تاريخ إنشاء الوثيقة',
    },
    none: 'لا يوجد',
    notAssessed: 'لم يتم التقييم بعد',
    days: arabicDays,
    percentOfAnswers: (p) => `${p}% من الأجوبة`,
    legalBasis: {
      consent: 'موافقة الشخص المعني',
      legal_obligation: 'التزام قانوني',
      contract: 'تنفيذ عقد',
      public_interest: 'مهمة ذات مصلحة عامة',
      vital_interest: 'حماية المصالح الحيوية',
      legitimate_interest: 'مصلحة مشروعة',
    },
    regime: { declaration: 'تصريح مسبق', authorisation: 'إذن مسبق' },
    status: {
      declaration: {
        not_filed: 'لم يودع بعد',
        filed: 'مودع، في انتظار الوصل',
        granted: 'تم تسليم الوصل',
        refused: 'مرفوض',
      },
      authorisation: {
        not_filed: 'لم يودع الطلب بعد',
        filed: 'الطلب مودع، في طور الدراسة',
        granted: 'تم منح الإذن',
        refused: 'تم رفض الإذن',
      },
    },
    sector: {
      administrative_services: 'الخدمات الإدارية',
      education: 'التعليم',
      health: 'الصحة',
      financial_inclusion: 'الإدماج المالي',
      other: 'قطاع آخر',
    },
    people: {
      general_public: 'عموم المرتفقين',
      minors: 'القاصرون',
      students: 'التلاميذ والطلبة',
      patients: 'المرضى',
      beneficiaries: 'المستفيدون من الخدمات',
      job_seekers: 'الباحثون عن الشغل',
      elderly: 'المسنون',
      persons_with_disabilities: 'الأشخاص في وضعية إعاقة',
      foreign_residents: 'الأجانب المقيمون',
      businesses: 'المقاولات وممثلوها',
      agents: 'موظفو الإدارة',
    },
    transferBasis: {
      none: 'لا يوجد نقل',
      cndp_list: 'بلد مدرج في لائحة اللجنة الوطنية',
      consent: 'الموافقة الصريحة للشخص المعني',
      f118_authorisation: 'إذن النقل الصادر عن اللجنة الوطنية (F118)',
      art44_necessity: 'ضرورة منصوص عليها في المادة 44 من القانون 09-08',
    },
    tier: { minimal: 'أدنى', limited: 'محدود', high: 'مرتفع', prohibited: 'محظور' },
    review: {
      none: 'لا يوجد',
      sensitive_topics: 'يراجع شخص الأجوبة المتعلقة بالمواضيع الحساسة',
      all: 'يراجع شخص جميع الأجوبة',
    },
    entity: ENTITY_LABELS.ar,
  },
  en: {
    title: 'Processing register entry',
    sections: {
      controller: 'Controller',
      purpose: 'Purpose and legal basis',
      cndp: 'CNDP formality',
      subjects: 'Categories of data subjects',
      categories: 'Categories of data',
      recipients: 'Recipients and processors',
      transfers: 'Transfers abroad',
      retention: 'Retention',
      dpo: 'Data protection officer',
      ai: 'Artificial intelligence system',
    },
    fields: {
      application: 'Application',
      administration: 'Administration',
      name: 'Name',
      address: 'Address',
      purpose: 'Purpose',
      sector: 'Sector',
      legalBasis: 'Legal basis',
      legalReference: 'Legal reference',
      regime: 'Regime',
      reference: 'Number',
      status: 'Status',
      date: 'Date',
      identifiers: 'Identifying data',
      sensitive: 'Sensitive data',
      recipients: 'Recipients',
      processors: 'Processors',
      role: 'Role',
      country: 'Country',
      contract: 'Contract',
      countries: 'Countries',
      basis: 'Basis',
      period: 'Period',
      email: 'Email',
      phone: 'Phone',
      riskTier: 'Risk tier',
      questionnaireVersion: 'Assessment questionnaire version',
      signedBy: 'Assessment signed by',
      signedAt: 'Signed on',
      reassessBy: 'Reassess by',
      reviewBeforeRelease: 'Human review before release',
      sampledAfterRelease: 'Human review after release',
      models: 'Models',
      model: 'Model',
      licence: 'Licence',
      hosting: 'Hosting',
      generatedAt: 'Generated on',
    },
    none: 'None',
    notAssessed: 'Not assessed',
    days: (n) => `${n} day${n > 1 ? 's' : ''}`,
    percentOfAnswers: (p) => `${p}% of answers`,
    legalBasis: {
      consent: 'Consent of the data subject',
      legal_obligation: 'Legal obligation',
      contract: 'Performance of a contract',
      public_interest: 'Task in the public interest',
      vital_interest: 'Protection of vital interests',
      legitimate_interest: 'Legitimate interest',
    },
    regime: { declaration: 'Prior declaration', authorisation: 'Prior authorisation' },
    status: {
      declaration: {
        not_filed: 'Not filed',
        filed: 'Filed, receipt pending',
        granted: 'Receipt issued',
        refused: 'Refused',
      },
      authorisation: {
        not_filed: 'Application not filed',
        filed: 'Application filed, under review',
        granted: 'Authorisation granted',
        refused: 'Authorisation refused',
      },
    },
    sector: {
      administrative_services: 'Administrative services',
      education: 'Education',
      health: 'Health',
      financial_inclusion: 'Financial inclusion',
      other: 'Other',
    },
    people: {
      general_public: 'General public',
      minors: 'Minors',
      students: 'Pupils and students',
      patients: 'Patients',
      beneficiaries: 'Beneficiaries of services',
      job_seekers: 'Job seekers',
      elderly: 'Elderly people',
      persons_with_disabilities: 'Persons with disabilities',
      foreign_residents: 'Foreign residents',
      businesses: 'Businesses and their representatives',
      agents: 'Public agents',
    },
    transferBasis: {
      none: 'No transfer',
      cndp_list: 'Country on the CNDP list',
      consent: 'Express consent of the data subject',
      f118_authorisation: 'CNDP transfer authorisation (F118)',
      art44_necessity: 'Necessity under article 44 of Law 09-08',
    },
    tier: { minimal: 'Minimal', limited: 'Limited', high: 'High', prohibited: 'Prohibited' },
    review: {
      none: 'None',
      sensitive_topics: 'A person reviews answers on sensitive topics',
      all: 'A person reviews every answer',
    },
    entity: ENTITY_LABELS.en,
  },
};

/** Print-first, no external font or stylesheet; logical properties so that one sheet serves both directions. */
const STYLE = `
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif; color: #111;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.subtitle { margin: 0 0 1.5rem; color: #444; }
h3 { font-size: 1rem; margin: .75rem 0 .4rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; padding-block-end: .2rem; border-block-end: 2px solid #1f4e79; }
table { width: 100%; border-collapse: collapse; margin-block-end: .5rem; }
th, td { text-align: start; vertical-align: top; padding: .35rem .5rem; border: 1px solid #bbb; }
th { background: #eef3f8; font-weight: 600; }
tbody th { width: 32%; }
ul { margin: 0; padding-inline-start: 1.2rem; }
code { font-size: .85em; color: #555; }
footer { margin-block-start: 2rem; font-size: .85rem; color: #444; }
@page { size: A4; margin: 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  th { background: none; }
}
`;

/** A printable, self-contained HTML5 document (no script, no external resource), French unless asked otherwise. */
export function renderProcessingRecordHtml(
  record: ProcessingRecord,
  options?: { lang?: RecordLanguage },
): string {
  const lang = options?.lang ?? 'fr';
  const l = LABELS[lang];
  const regions = new Intl.DisplayNames([lang], { type: 'region' });

  // User-supplied values are isolated so that a Latin number or email keeps its order inside Arabic text.
  const value = (text: string | null): string => (text === null ? l.none : `<bdi>${escapeHtml(text)}</bdi>`);
  const labelled = (label: string, code: string): string =>
    `${escapeHtml(label)} <code><bdi>${escapeHtml(code)}</bdi></code>`;
  const country = (code: string): string => labelled(regions.of(code) ?? code, code);
  const items = (html: readonly string[]): string =>
    html.length === 0 ? l.none : `<ul>${html.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const rows = (pairs: readonly [string, string][]): string =>
    `<table><tbody>${pairs.map(([label, html]) => `<tr><th scope="row">${label}</th><td>${html}</td></tr>`).join('')}</tbody></table>`;
  const grid = (headers: readonly string[], body: readonly (readonly string[])[]): string =>
    body.length === 0
      ? `<p>${l.none}</p>`
      : `<table><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>` +
        `<tbody>${body.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const section = (title: string, body: string): string => `<section><h2>${title}</h2>${body}</section>`;
  const date = (iso: string | null): string => value(iso === null ? null : iso.slice(0, 10));

  const f = l.fields;
  const { ai_system: ai } = record;
  const tierLabel =
    ai.risk_tier === null ? l.notAssessed : isRiskTier(ai.risk_tier) ? l.tier[ai.risk_tier] : null;
  const entities = (types: readonly EntityType[]) => items(types.map((t) => labelled(l.entity[t], t)));

  const body = [
    section(
      l.sections.controller,
      rows([
        [f.name, value(record.controller.name)],
        [f.address, value(record.controller.address)],
        [f.administration, value(record.tenant.name)],
        [f.application, value(record.application.name)],
      ]),
    ),
    section(
      l.sections.purpose,
      rows([
        [f.purpose, value(record.purpose.description)],
        [f.sector, l.sector[record.purpose.sector]],
        [f.legalBasis, l.legalBasis[record.purpose.legal_basis]],
        [f.legalReference, value(record.purpose.legal_basis_reference)],
      ]),
    ),
    section(
      l.sections.cndp,
      rows([
        [f.regime, l.regime[record.cndp_formality.regime]],
        [f.reference, value(record.cndp_formality.reference)],
        [f.status, l.status[record.cndp_formality.regime][record.cndp_formality.status]],
        [f.date, date(record.cndp_formality.date)],
      ]),
    ),
    section(l.sections.subjects, items(record.data_subjects.map((p) => l.people[p]))),
    section(
      l.sections.categories,
      rows([
        [f.identifiers, entities(record.data_categories.identifiers)],
        [f.sensitive, entities(record.data_categories.sensitive)],
      ]),
    ),
    section(
      l.sections.recipients,
      rows([[f.recipients, items(record.recipients.map((r) => value(r)))]]) +
        `<h3>${f.processors}</h3>` +
        grid(
          [f.name, f.role, f.country, f.contract],
          record.processors.map((p) => [
            value(p.name),
            value(p.role),
            country(p.country),
            value(p.contract_reference),
          ]),
        ),
    ),
    section(
      l.sections.transfers,
      rows([
        [f.countries, items(record.transfers_abroad.countries.map(country))],
        [f.basis, l.transferBasis[record.transfers_abroad.basis]],
        [f.reference, value(record.transfers_abroad.reference)],
      ]),
    ),
    section(l.sections.retention, rows([[f.period, escapeHtml(l.days(record.retention.days))]])),
    section(
      l.sections.dpo,
      rows([
        [f.name, value(record.dpo.name)],
        [f.email, value(record.dpo.email)],
        [f.phone, value(record.dpo.phone)],
      ]),
    ),
    section(
      l.sections.ai,
      rows([
        [f.riskTier, tierLabel ?? value(ai.risk_tier)],
        [f.questionnaireVersion, ai.assessment ? String(ai.assessment.questionnaire_version) : l.notAssessed],
        [f.signedBy, value(ai.assessment?.signed_by ?? null)],
        [f.signedAt, date(ai.assessment?.signed_at ?? null)],
        [f.reassessBy, date(ai.assessment?.reassess_by ?? null)],
        [
          f.reviewBeforeRelease,
          ai.human_oversight ? l.review[ai.human_oversight.review_before_release] : l.notAssessed,
        ],
        [
          f.sampledAfterRelease,
          ai.human_oversight
            ? escapeHtml(l.percentOfAnswers(Math.round(ai.human_oversight.sampled_after_release * 1000) / 10))
            : l.notAssessed,
        ],
      ]) +
        `<h3>${f.models}</h3>` +
        grid(
          [f.model, f.licence, f.hosting, f.country],
          ai.models.map((m) => [
            value(m.id),
            value(m.licence),
            value(m.hosting_operator),
            country(m.hosting_country),
          ]),
        ),
    ),
  ].join('\n');

  const generated = record.generated_at.slice(0, 16).replace('T', ' ') + ' UTC';
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${l.title} — ${record.application.name}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${l.title}</h1><p class="subtitle">${value(record.application.name)} — ${value(record.tenant.name)}</p></header>
<main>
${body}
</main>
<footer>${f.generatedAt} <bdi>${escapeHtml(generated)}</bdi></footer>
</body>
</html>
`;
}
