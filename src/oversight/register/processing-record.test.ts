import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  processingRecord,
  renderProcessingRecordHtml,
  type ProcessingRecordInput,
} from './processing-record.js';
import { parseUseCaseEntry } from './use-case.js';

const HOSTILE_PURPOSE = `Orienter les patients <script>alert("x")</script> & l'accueil`;

/** A hospital's orientation assistant: CIN and health data under an authorisation, a model hosted in France. */
const input = (overrides: Partial<ProcessingRecordInput> = {}): ProcessingRecordInput => ({
  entry: parseUseCaseEntry({
    purpose: HOSTILE_PURPOSE,
    legal_basis: 'public_interest',
    legal_basis_reference: 'Loi-cadre 06-22 relative au système national de santé',
    controller: { name: 'CHU Ibn Sina', address: 'Rue Ibn Rochd, Rabat' },
    cndp: { regime: 'authorisation', reference: 'A-45/2025', status: 'granted', date: '2025-03-01' },
    sector: 'health',
    people_affected: ['patients', 'elderly'],
    data_categories: ['SENSITIVE_HEALTH', 'PERSON', 'MA_CIN', 'PERSON'],
    retention_days: 30,
    recipients: ['Service des admissions'],
    processors: [
      { name: 'Nuage SAS', role: 'hébergement du modèle', country: 'FR', contract_reference: 'C-2025-04' },
    ],
    transfers: { countries: ['FR'], basis: 'cndp_list' },
    dpo: { name: 'Nadia Alaoui', email: 'dpo@chu-rabat.ma', phone: '+212 5 37 00 00 00' },
  }),
  application: { id: 'app_orient', name: 'Assistant d’orientation' },
  tenant: { id: 'ten_chu', name: 'CHU Ibn Sina' },
  assessment: {
    tier: 'high',
    signedBy: 'Dr Youssef Tazi',
    signedAt: new Date('2025-03-02T10:00:00Z'),
    reassessBy: new Date('2025-08-29T00:00:00Z'),
    questionnaireVersion: 1,
  },
  models: [
    {
      id: 'atlas-chat-9b',
      provider: { hosting: { operator: 'Nuage SAS', country: 'FR' } },
      licence: 'Gemma',
    },
  ],
  generatedAt: new Date('2025-05-01T08:30:00Z'),
  ...overrides,
});

describe('processingRecord', () => {
  it('holds the register facts in stable snake_case sections', () => {
    const record = processingRecord(input());
    assert.deepEqual(Object.keys(record), [
      'application',
      'tenant',
      'controller',
      'purpose',
      'cndp_formality',
      'data_subjects',
      'data_categories',
      'recipients',
      'processors',
      'transfers_abroad',
      'retention',
      'dpo',
      'ai_system',
      'generated_at',
    ]);
    assert.deepEqual(record.controller, { name: 'CHU Ibn Sina', address: 'Rue Ibn Rochd, Rabat' });
    assert.equal(record.purpose.description, HOSTILE_PURPOSE);
    assert.equal(record.purpose.legal_basis, 'public_interest');
    assert.deepEqual(record.cndp_formality, {
      regime: 'authorisation',
      reference: 'A-45/2025',
      status: 'granted',
      date: '2025-03-01',
    });
    assert.deepEqual(record.data_subjects, ['patients', 'elderly']);
    assert.deepEqual(record.processors, [
      { name: 'Nuage SAS', role: 'hébergement du modèle', country: 'FR', contract_reference: 'C-2025-04' },
    ]);
    assert.deepEqual(record.transfers_abroad, { countries: ['FR'], basis: 'cndp_list', reference: null });
    assert.deepEqual(record.retention, { days: 30 });
    assert.deepEqual(record.dpo, {
      name: 'Nadia Alaoui',
      email: 'dpo@chu-rabat.ma',
      phone: '+212 5 37 00 00 00',
    });
    assert.equal(record.generated_at, '2025-05-01T08:30:00.000Z');
  });

  it('separates identifiers from sensitive categories, once each, in a fixed order', () => {
    const { data_categories } = processingRecord(input());
    assert.deepEqual(data_categories, { identifiers: ['MA_CIN', 'PERSON'], sensitive: ['SENSITIVE_HEALTH'] });
  });

  it('describes the AI system: tier, signed assessment, the oversight the tier imposes, models and their hosting', () => {
    const { ai_system } = processingRecord(input());
    assert.deepEqual(ai_system, {
      risk_tier: 'high',
      assessment: {
        questionnaire_version: 1,
        signed_by: 'Dr Youssef Tazi',
        signed_at: '2025-03-02T10:00:00.000Z',
        reassess_by: '2025-08-29T00:00:00.000Z',
      },
      human_oversight: { review_before_release: 'sensitive_topics', sampled_after_release: 0.1 },
      models: [
        { id: 'atlas-chat-9b', licence: 'Gemma', hosting_operator: 'Nuage SAS', hosting_country: 'FR' },
      ],
    });
  });

  it('says null, not a guess, when the system is not assessed and no model is given', () => {
    const { ai_system } = processingRecord(input({ assessment: null, models: undefined }));
    assert.deepEqual(ai_system, { risk_tier: null, assessment: null, human_oversight: null, models: [] });
  });

  it('is plain JSON: it survives serialization unchanged, with absent values as null', () => {
    const entry = parseUseCaseEntry({
      purpose: 'Renseigner sur les démarches administratives',
      legal_basis: 'public_interest',
      controller: { name: 'Commune de Fès' },
      cndp: { regime: 'declaration', reference: null, status: 'not_filed' },
      sector: 'administrative_services',
      people_affected: ['general_public'],
      data_categories: [],
      retention_days: 90,
      recipients: [],
      processors: [],
      transfers: { countries: [], basis: 'none' },
      dpo: { name: 'Omar Idrissi', email: 'dpo@fes.ma' },
    });
    const record = processingRecord(input({ entry }));
    assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
    assert.equal(record.controller.address, null);
    assert.equal(record.cndp_formality.reference, null);
    assert.equal(record.dpo.phone, null);
  });
});

describe('renderProcessingRecordHtml', () => {
  const record = processingRecord(input());

  it('is a complete, self-contained HTML5 document in French by default', () => {
    const html = renderProcessingRecordHtml(record);
    assert.ok(html.startsWith('<!doctype html>\n<html lang="fr" dir="ltr">'));
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /@media print/);
    assert.match(html, /<\/html>\n$/);
    assert.match(html, /Responsable du traitement/);
    assert.match(html, /Formalité auprès de la CNDP/);
    assert.doesNotMatch(
      html,
      /<script|<link|<img|\bsrc=|\bhref=|url\(|@import/i,
      'no script, no external resource',
    );
  });

  it('escapes every value, so a hostile purpose is shown and never run', () => {
    const html = renderProcessingRecordHtml(record);
    assert.ok(
      html.includes(
        'Orienter les patients &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;accueil',
      ),
    );
    const hostileName = processingRecord(
      input({ application: { id: 'a', name: '</title><b onclick="x">' } }),
    );
    const rendered = renderProcessingRecordHtml(hostileName);
    assert.doesNotMatch(rendered, /<b onclick/);
    assert.match(rendered, /&lt;\/title&gt;&lt;b onclick=&quot;x&quot;&gt;/);
  });

  it('shows the register facts', () => {
    const html = renderProcessingRecordHtml(record);
    for (const fact of [
      'CHU Ibn Sina',
      'Autorisation préalable',
      'A-45/2025',
      'Autorisation accordée',
      'Patients',
      'Numéro de CIN',
      'SENSITIVE_HEALTH',
      'Service des admissions',
      'Nuage SAS',
      'France',
      'Pays figurant sur la liste de la CNDP',
      '30 jours',
      'dpo@chu-rabat.ma',
      'Élevé',
      'Dr Youssef Tazi',
      '2025-08-29',
      'atlas-chat-9b',
      '10 % des réponses',
      '2025-05-01 08:30 UTC',
    ]) {
      assert.ok(html.includes(fact), `missing ${fact}`);
    }
  });

  it('names the exact formality and never claims a certification (R17)', () => {
    for (const lang of ['fr', 'ar', 'en'] as const) {
      const html = renderProcessingRecordHtml(record, { lang });
      assert.doesNotMatch(html, /certifi|معتمد|مصادق/i, lang);
    }
    const declared = processingRecord(
      input({
        entry: {
          ...input().entry,
          cndp: { regime: 'declaration', reference: 'D-123/2025', status: 'granted' },
        },
      }),
    );
    const html = renderProcessingRecordHtml(declared);
    assert.match(html, /Déclaration préalable/);
    assert.match(html, /Récépissé délivré/);
    assert.doesNotMatch(html, /Autorisation accordée/);
  });

  it('renders Arabic right to left with Arabic labels and the values unchanged', () => {
    const html = renderProcessingRecordHtml(record, { lang: 'ar' });
    assert.ok(html.startsWith('<!doctype html>\n<html lang="ar" dir="rtl">'));
    assert.match(html, /المسؤول عن المعالجة/);
    assert.match(html, /إذن مسبق/);
    assert.match(html, /30 يوما/);
    assert.match(html, /<bdi>A-45\/2025<\/bdi>/);
    assert.doesNotMatch(html, /Responsable du traitement/);
  });

  it('renders English labels on request', () => {
    const html = renderProcessingRecordHtml(record, { lang: 'en' });
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en" dir="ltr">'));
    assert.match(html, /Categories of data subjects/);
    assert.match(html, /Authorisation granted/);
  });

  it('says the system is not assessed rather than leaving the AI section empty', () => {
    const html = renderProcessingRecordHtml(processingRecord(input({ assessment: null })));
    assert.match(html, /Niveau de risque<\/th><td>Non évalué/);
  });
});
