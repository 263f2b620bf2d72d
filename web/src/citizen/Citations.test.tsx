import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { CitedAnswer } from './Citations.js';
import { CITATION } from './mizan-fixture.js';

afterEach(cleanup);

function Answer({ text }: { text: string }) {
  const [open, setOpen] = useState<number>();
  return <CitedAnswer text={text} citations={[CITATION]} language="ary_Latn" open={open} setOpen={setOpen} />;
}

test('a [n] marker opens the cited passage with its article, publisher, version and link', () => {
  render(
    <LocaleProvider initial="fr">
      <Answer text={'Andek l-7e9 tchouf l-ma3loumat dyalek [1].\n\nMa kaynch [9] f had l-masadir.'} />
    </LocaleProvider>,
  );
  const marker = screen.getByRole('button', { name: 'Ouvrir la source 1' });
  assert.equal(marker.getAttribute('aria-expanded'), 'false');
  assert.ok(screen.getByText(/Ma kaynch \[9\]/), 'a number with no source stays plain text');
  assert.equal(
    screen
      .getByText(/Andek l-7e9/)
      .closest('[lang]')
      ?.getAttribute('lang'),
    'ary-Latn',
  );

  fireEvent.click(marker);
  const panel = screen.getByRole('region', { name: /Passage cité de la source 1/ });
  assert.equal(marker.getAttribute('aria-expanded'), 'true');
  assert.equal(marker.getAttribute('aria-controls'), panel.id);
  assert.equal(document.activeElement, panel, 'the passage takes the focus');
  assert.match(panel.textContent ?? '', /Droit d'accès/);
  assert.doesNotMatch(panel.textContent ?? '', /##/, 'Markdown heading marks are not shown');
  assert.ok(within(panel).getByText('Article 7'));
  assert.ok(within(panel).getByText(CITATION.publisher));
  assert.ok(within(panel).getByText('2'));
  assert.equal(within(panel).getByRole('link').getAttribute('href'), CITATION.uri);

  fireEvent.keyDown(panel, { key: 'Escape' });
  assert.equal(screen.queryByRole('region', { name: /Passage cité/ }), null);
});

test('the sources under the answer open the same passage, in the interface language', () => {
  render(
    <LocaleProvider initial="ar">
      <Answer text="الجواب [1]" />
    </LocaleProvider>,
  );
  const sources = screen.getByRole('navigation', { name: 'المصادر' });
  fireEvent.click(within(sources).getByRole('button', { name: /Loi n° 09-08.*Article 7/ }));
  const panel = screen.getByRole('region', { name: /المقطع المقتبس من المصدر 1/ });
  assert.ok(within(panel).getByText('الناشر'));
  assert.equal(within(panel).getByText('Article 7').getAttribute('lang'), 'fr');
});
