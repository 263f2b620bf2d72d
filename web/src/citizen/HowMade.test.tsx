import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, render, screen } from '@testing-library/react';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { HowMade } from './HowMade.js';
import { MIZAN } from './mizan-fixture.js';

afterEach(cleanup);

test('tells where the model runs, what personal data was protected (counts only), grounding and review', () => {
  render(
    <LocaleProvider initial="fr">
      <HowMade mizan={MIZAN} review="pending" />
    </LocaleProvider>,
  );
  const panel = screen.getByText('Comment cette réponse a été produite').closest('details')!;
  const text = panel.textContent ?? '';
  assert.match(text, /atlas-7b/);
  assert.match(text, /Hébergé par Datacenter Rabat, pays : MA/);
  assert.match(text, /Hébergement souverain/);
  const items = [...screen.getByTestId('protected-data').querySelectorAll('li')].map((li) => li.textContent);
  assert.deepEqual(items, [
    'Numéro de téléphone : 2 (remplacé par un pseudonyme)',
    'Numéro de CIN : 1 (remplacé par un pseudonyme)',
  ]);
  assert.match(text, /Aucune valeur personnelle n’a été envoyée au modèle/);
  assert.match(text, /au Maroc \(MA\)/);
  assert.match(text, /1 phrase\(s\) sur 3 ne sont pas appuyées/);
  assert.match(text, /Niveau de risque\s*limité/);
  assert.match(text, /En attente d’un agent/);
  assert.match(text, /flow-123/);
});

test('an entity type the interface does not know shows its code, and no privacy block says nothing was found', () => {
  const { rerender } = render(
    <LocaleProvider initial="en">
      <HowMade
        mizan={{ ...MIZAN, privacy: { ...MIZAN.privacy, entities: { MA_NEW_ID: { redact: 1 } } } as never }}
        review="none"
      />
    </LocaleProvider>,
  );
  assert.equal(screen.getByTestId('protected-data').textContent, 'MA_NEW_ID: 1 (removed)');
  rerender(
    <LocaleProvider initial="en">
      <HowMade mizan={{ ...MIZAN, privacy: {}, model: null }} review="none" />
    </LocaleProvider>,
  );
  assert.ok(screen.getByText('No personal data was found in your question.'));
  assert.ok(screen.getByText(/No model read this question/));
});
