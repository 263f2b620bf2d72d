import type { CaseDetail, ReviewCase } from './review-api.js';

/** A reviewer of the test tenant, as `GET /v1/oversight/me` answers. */
export const REVIEWER = {
  object: 'mizan.actor',
  kind: 'staff',
  id: 'stf_reviewer',
  name: 'Salma',
  tenant: { id: 'ten_1', name: 'ministere' },
  roles: ['reviewer'],
};

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** A case of the test tenant, its deadline `dueIn` minutes away (negative: overdue). */
export function reviewCase(id: string, dueIn: number, overrides: Partial<ReviewCase> = {}): ReviewCase {
  return {
    id,
    applicationId: 'app_guichet',
    kind: 'hold',
    status: 'pending',
    triggers: [{ kind: 'sensitive_topic', detail: 'administrative_decision' }],
    language: 'fra_Latn',
    question: `Question du dossier ${id}`,
    draft: 'Le certificat est délivré par la commune [1]. Le délai est de 60 jours [2].',
    citations: [1, 2].map((n) => ({
      n,
      document_id: `doc_${n}`,
      version: 1,
      title: `Texte ${n}`,
      publisher: 'Ministère de l’Intérieur',
      uri: `https://example.ma/texte-${n}`,
      article: n === 2 ? 'Article 16' : null,
      language: 'fra_Latn',
      passage: `## Passage ${n}\n\nLe texte du passage ${n}.`,
      start: 0,
      end: 10,
      sha256: 'x',
      demo: false,
    })),
    answer: null,
    edited: false,
    reason: null,
    claimedBy: null,
    decidedAt: null,
    expectedBy: minutes(dueIn),
    escalatedAt: null,
    createdAt: minutes(-60),
    ...overrides,
  };
}

/** The case as `GET /v1/oversight/reviews/:id` answers, with the server's cut of its text into sentences. */
export function detailOf(c: ReviewCase, sentences: string[]): CaseDetail {
  return {
    ...c,
    sentences: sentences.map((sentence, index) => ({
      index,
      sentence,
      cited: [...sentence.matchAll(/\[(\d)\]/g)].map((m) => Number(m[1])),
    })),
  };
}
