import type { Citation, MizanExtension } from '../api/chat-stream.js';

/** A cited passage as the gateway sends it, for the component tests. */
export const CITATION: Citation = {
  n: 1,
  document_id: 'doc_loi0908',
  version: 2,
  title: 'Loi n° 09-08 relative à la protection des personnes physiques',
  publisher: 'Royaume du Maroc (texte officiel publié via dgssi.gov.ma)',
  uri: 'https://www.dgssi.gov.ma/fr/loi-09-08',
  article: 'Article 7',
  language: 'fra_Latn',
  passage: "## Article 7\n\nDroit d'accès\n\nLa personne concernée a le droit d'obtenir la confirmation…",
  start: 100,
  end: 200,
  sha256: 'a'.repeat(64),
  demo: false,
};

/** The `mizan` object of an answer with one source, where a phone number and a CIN were pseudonymized. */
export const MIZAN: MizanExtension = {
  audit_id: 'flow-123',
  language: 'fra_Latn',
  citations: [CITATION],
  grounding: { supported: false, checked: 3, unsupported: [{ sentence: 'x', reason: 'low_overlap' }] },
  privacy: {
    entities: { MA_PHONE: { pseudonymize: 2 }, MA_CIN: { pseudonymize: 1 } },
    personal_data_forwarded: false,
    transfer: { country: 'MA', decision: 'domestic' },
    conversation_id: 'web-1',
  },
  review: null,
  oversight: { risk_tier: 'limited', sandbox: false, ai_label: true, notice: null, flags: [] },
  guard: { decision: 'allow', reasons: [] },
  model: {
    id: 'atlas-7b',
    provider: 'dc-rabat',
    hosting: { operator: 'Datacenter Rabat', country: 'MA', sovereign: true },
  },
};
