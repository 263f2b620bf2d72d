import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MizanError } from '../../errors.js';
import {
  cndpAuthorisationGranted,
  parseUseCaseEntry,
  requiredCndpRegime,
  toUseCaseWire,
  type UseCaseEntry,
  type UseCaseWire,
} from './use-case.js';

/** A commune's assistant for civil-status procedures: declaration regime, no sensitive data, nothing abroad. */
const base = (): UseCaseWire => ({
  purpose: 'Renseigner les usagers sur les démarches de l’état civil de la commune',
  legal_basis: 'public_interest',
  legal_basis_reference: 'Loi organique 113-14 relative aux communes, art. 92',
  controller: { name: 'Commune de Rabat', address: 'Avenue Mohammed V, Rabat' },
  cndp: { regime: 'declaration', reference: 'D-123/2025', status: 'granted', date: '2025-03-14' },
  sector: 'administrative_services',
  people_affected: ['general_public', 'foreign_residents'],
  data_categories: ['PERSON', 'MA_PHONE', 'EMAIL'],
  retention_days: 90,
  recipients: ['Service de l’état civil'],
  processors: [
    { name: 'Maroc Datacenter', role: 'hébergement', country: 'MA', contract_reference: 'C-2025-17' },
  ],
  transfers: { countries: [], basis: 'none' },
  dpo: { name: 'Salma Bennani', email: 'dpo@rabat.ma', phone: '+212 5 37 00 00 00' },
});

type Patch = (wire: UseCaseWire) => void;
const withPatch = (patch: Patch): UseCaseWire => {
  const wire = base();
  patch(wire);
  return wire;
};

/** Runs the parser and returns the error it throws, failing the test if it accepts the body. */
function rejection(body: unknown): MizanError {
  try {
    parseUseCaseEntry(body);
  } catch (error) {
    assert.ok(error instanceof MizanError, `expected a MizanError, got ${String(error)}`);
    return error;
  }
  assert.fail('the entry was accepted');
}

describe('parseUseCaseEntry: shape', () => {
  it('returns the camelCase domain entry for a valid body', () => {
    const entry = parseUseCaseEntry(base());
    assert.equal(entry.legalBasis, 'public_interest');
    assert.deepEqual(entry.cndp, {
      regime: 'declaration',
      reference: 'D-123/2025',
      status: 'granted',
      date: '2025-03-14',
    });
    assert.deepEqual(entry.peopleAffected, ['general_public', 'foreign_residents']);
    assert.equal(entry.retentionDays, 90);
    assert.deepEqual(entry.processors[0], {
      name: 'Maroc Datacenter',
      role: 'hébergement',
      country: 'MA',
      contractReference: 'C-2025-17',
    });
  });

  it('round-trips through toUseCaseWire, with and without optional fields', () => {
    const full = base();
    assert.deepEqual(toUseCaseWire(parseUseCaseEntry(full)), full);
    const minimal = withPatch((w) => {
      delete w.legal_basis_reference;
      delete w.controller.address;
      delete w.cndp.date;
      delete w.dpo.phone;
      w.cndp = { regime: 'declaration', reference: null, status: 'not_filed' };
      w.processors = [{ name: 'Maroc Datacenter', role: 'hébergement', country: 'MA' }];
    });
    const wire = toUseCaseWire(parseUseCaseEntry(minimal));
    assert.deepEqual(wire, minimal);
    assert.ok(!('legal_basis_reference' in wire), 'absent optional fields stay absent');
  });

  const shapeCases: { name: string; body: unknown; param: string | null; mentions: string }[] = [
    { name: 'a body that is not an object', body: [], param: null, mentions: 'JSON object' },
    {
      name: 'a purpose under 10 characters',
      body: withPatch((w) => (w.purpose = 'Aide')),
      param: 'purpose',
      mentions: 'purpose',
    },
    {
      name: 'an unknown legal basis',
      body: withPatch((w) => Object.assign(w, { legal_basis: 'convenience' })),
      param: 'legal_basis',
      mentions: 'legal_basis',
    },
    {
      name: 'a missing CNDP status',
      body: withPatch((w) => delete (w.cndp as Partial<UseCaseWire['cndp']>).status),
      param: 'cndp.status',
      mentions: 'cndp.status',
    },
    {
      name: 'no people affected',
      body: withPatch((w) => (w.people_affected = [])),
      param: 'people_affected',
      mentions: 'people_affected',
    },
    {
      name: 'a data category that is not a privacy entity type',
      body: withPatch((w) => Object.assign(w, { data_categories: ['PERSON', 'SHOE_SIZE'] })),
      param: 'data_categories[1]',
      mentions: 'data_categories[1]',
    },
    {
      name: 'a retention of more than ten years',
      body: withPatch((w) => (w.retention_days = 3651)),
      param: 'retention_days',
      mentions: 'retention_days',
    },
    {
      name: 'a processor country in lower case',
      body: withPatch((w) => (w.processors[0]!.country = 'ma')),
      param: 'processors[0].country',
      mentions: 'ISO 3166-1',
    },
    {
      name: 'a DPO email that is not one',
      body: withPatch((w) => (w.dpo.email = 'dpo at rabat')),
      param: 'dpo.email',
      mentions: 'dpo.email',
    },
    {
      name: 'an impossible receipt date',
      body: withPatch((w) => (w.cndp.date = '2025-02-30')),
      param: 'cndp.date',
      mentions: 'cndp.date',
    },
    {
      name: 'an unknown field',
      body: withPatch((w) => Object.assign(w.controller, { siret: '123' })),
      param: 'controller.siret',
      mentions: 'controller.siret',
    },
  ];
  for (const { name, body, param, mentions } of shapeCases) {
    it(`rejects ${name} with a 400 naming the field`, () => {
      const error = rejection(body);
      assert.equal(error.status, 400);
      assert.equal(error.code, 'invalid_use_case');
      assert.equal(error.param, param);
      assert.match(error.message, new RegExp(mentions.replace(/[.[\]]/g, '\\$&')));
    });
  }
});

describe('parseUseCaseEntry: consistency with Law 09-08', () => {
  const cases: { name: string; patch: Patch; code: string; param: string; mentions: RegExp[] }[] = [
    {
      name: 'a CIN under a declaration',
      patch: (w) => w.data_categories.push('MA_CIN'),
      code: 'cndp_authorisation_required',
      param: 'cndp.regime',
      mentions: [/MA_CIN/, /art\. 12/],
    },
    {
      name: 'health data under a declaration',
      patch: (w) => w.data_categories.push('SENSITIVE_HEALTH', 'SENSITIVE_RELIGION'),
      code: 'cndp_authorisation_required',
      param: 'cndp.regime',
      mentions: [/SENSITIVE_HEALTH, SENSITIVE_RELIGION/],
    },
    {
      name: 'a granted declaration without reference',
      patch: (w) => (w.cndp.reference = null),
      code: 'cndp_reference_required',
      param: 'cndp.reference',
      mentions: [/granted/],
    },
    {
      name: 'a filed authorisation without reference',
      patch: (w) => (w.cndp = { regime: 'authorisation', reference: null, status: 'filed' }),
      code: 'cndp_reference_required',
      param: 'cndp.reference',
      mentions: [/A-45\/2025/],
    },
    {
      name: 'an authorisation number under a declaration',
      patch: (w) => (w.cndp.reference = 'A-45/2025'),
      code: 'cndp_reference_format',
      param: 'cndp.reference',
      mentions: [/'D-'/],
    },
    {
      name: 'a declaration number under an authorisation',
      patch: (w) => (w.cndp.regime = 'authorisation'),
      code: 'cndp_reference_format',
      param: 'cndp.reference',
      mentions: [/'A-'/],
    },
    {
      name: 'a reference without a four-digit year',
      patch: (w) => (w.cndp.reference = 'D-123/25'),
      code: 'cndp_reference_format',
      param: 'cndp.reference',
      mentions: [/D-123\/25/],
    },
    {
      name: 'countries listed without a transfer basis',
      patch: (w) => (w.transfers.countries = ['FR']),
      code: 'transfer_basis_required',
      param: 'transfers.basis',
      mentions: [/FR/],
    },
    {
      name: 'the United States under the CNDP list',
      patch: (w) => (w.transfers = { countries: ['FR', 'US'], basis: 'cndp_list' }),
      code: 'transfer_not_on_cndp_list',
      param: 'transfers.countries[1]',
      mentions: [/US is not on the CNDP's list/, /F118/, /art\. 44/],
    },
    {
      name: 'an F118 basis without reference',
      patch: (w) => (w.transfers = { countries: ['US'], basis: 'f118_authorisation' }),
      code: 'transfer_reference_required',
      param: 'transfers.reference',
      mentions: [/T-7\/2025/],
    },
    {
      name: 'an F118 basis with a declaration number',
      patch: (w) =>
        (w.transfers = { countries: ['US'], basis: 'f118_authorisation', reference: 'D-123/2025' }),
      code: 'transfer_reference_required',
      param: 'transfers.reference',
      mentions: [/'T-'/],
    },
    {
      name: 'health data on legitimate interest',
      patch: (w) => {
        w.data_categories.push('SENSITIVE_HEALTH');
        w.cndp = { regime: 'authorisation', reference: 'A-45/2025', status: 'granted' };
        w.legal_basis = 'legitimate_interest';
      },
      code: 'sensitive_basis',
      param: 'legal_basis',
      mentions: [/SENSITIVE_HEALTH/, /art\. 21/, /consent/],
    },
    {
      name: 'religion on a contract',
      patch: (w) => {
        w.data_categories.push('SENSITIVE_RELIGION');
        w.cndp = { regime: 'authorisation', reference: 'A-45/2025', status: 'granted' };
        w.legal_basis = 'contract';
      },
      code: 'sensitive_basis',
      param: 'legal_basis',
      mentions: [/SENSITIVE_RELIGION/],
    },
    {
      name: 'criminal records on consent',
      patch: (w) => {
        w.data_categories.push('SENSITIVE_CRIMINAL');
        w.cndp = { regime: 'authorisation', reference: 'A-45/2025', status: 'granted' };
        w.legal_basis = 'consent';
      },
      code: 'criminal_data_public_body',
      param: 'legal_basis',
      mentions: [/'consent'/, /legal_obligation/],
    },
    {
      name: 'a processor abroad missing from transfers',
      patch: (w) => {
        w.processors.push({ name: 'Cloud Inc.', role: 'model hosting', country: 'US' });
        w.transfers = { countries: ['FR'], basis: 'cndp_list' };
      },
      code: 'processor_abroad_not_declared',
      param: 'processors[1].country',
      mentions: [/Cloud Inc\./, /US/],
    },
  ];
  for (const { name, patch, code, param, mentions } of cases) {
    it(`rejects ${name} with a 422 ${code}`, () => {
      const error = rejection(withPatch(patch));
      assert.equal(error.status, 422);
      assert.equal(error.code, code);
      assert.equal(error.param, param);
      for (const pattern of mentions) assert.match(error.message, pattern);
    });
  }

  const accepted: { name: string; patch: Patch }[] = [
    {
      name: 'a CIN under a granted authorisation',
      patch: (w) => {
        w.data_categories.push('MA_CIN');
        w.cndp = { regime: 'authorisation', reference: 'A-45/2025', status: 'granted' };
      },
    },
    { name: 'a declaration with category letters', patch: (w) => (w.cndp.reference = 'D-W-123/2025') },
    { name: 'a reference with other separators', patch: (w) => (w.cndp.reference = 'd 123 - 2025') },
    {
      name: 'an entry not yet filed',
      patch: (w) => (w.cndp = { regime: 'declaration', reference: null, status: 'not_filed' }),
    },
    {
      name: 'a transfer to a listed country with its processor',
      patch: (w) => {
        w.processors.push({ name: 'Hébergeur SAS', role: 'model hosting', country: 'FR' });
        w.transfers = { countries: ['FR', 'GB', 'CA'], basis: 'cndp_list' };
      },
    },
    {
      name: 'a transfer to the United States under an F118 authorisation',
      patch: (w) => {
        w.processors.push({ name: 'Cloud Inc.', role: 'model hosting', country: 'US' });
        w.transfers = { countries: ['US'], basis: 'f118_authorisation', reference: 'T-7/2025' };
      },
    },
    {
      name: 'criminal records under a legal obligation',
      patch: (w) => {
        w.data_categories.push('SENSITIVE_CRIMINAL');
        w.cndp = { regime: 'authorisation', reference: 'A-45/2025', status: 'granted' };
        w.legal_basis = 'legal_obligation';
      },
    },
  ];
  for (const { name, patch } of accepted) {
    it(`accepts ${name}`, () => {
      assert.doesNotThrow(() => parseUseCaseEntry(withPatch(patch)));
    });
  }
});

describe('requiredCndpRegime', () => {
  it('asks for a declaration for plain identifiers', () => {
    assert.equal(requiredCndpRegime(['PERSON', 'MA_PHONE', 'MA_MASSAR']), 'declaration');
    assert.equal(requiredCndpRegime([]), 'declaration');
  });
  it('asks for an authorisation for a CIN or any sensitive category', () => {
    assert.equal(requiredCndpRegime(['PERSON', 'MA_CIN']), 'authorisation');
    assert.equal(requiredCndpRegime(['SENSITIVE_UNION']), 'authorisation');
  });
});

describe('cndpAuthorisationGranted', () => {
  const entry = (patch: Patch): UseCaseEntry => parseUseCaseEntry(withPatch(patch));
  it('is true for a granted declaration when a declaration is all the data need', () => {
    assert.equal(cndpAuthorisationGranted(entry(() => {})), true);
  });
  it('is false while the formality is only filed, not filed or refused', () => {
    for (const status of ['filed', 'not_filed', 'refused'] as const) {
      const reference = status === 'not_filed' ? null : 'D-123/2025';
      assert.equal(
        cndpAuthorisationGranted(entry((w) => (w.cndp = { regime: 'declaration', reference, status }))),
        false,
      );
    }
  });
  it('is true when a granted authorisation covers a CIN', () => {
    const authorised = entry((w) => {
      w.data_categories.push('MA_CIN');
      w.cndp = { regime: 'authorisation', reference: 'A-45/2025', status: 'granted' };
    });
    assert.equal(cndpAuthorisationGranted(authorised), true);
  });
  it('is false when a stored entry holds a CIN under a mere declaration', () => {
    // Entries stored before a category was added are not re-parsed: the gateway must still refuse them.
    const stored: UseCaseEntry = { ...parseUseCaseEntry(base()), dataCategories: ['PERSON', 'MA_CIN'] };
    assert.equal(cndpAuthorisationGranted(stored), false);
  });
});
