import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { Shell } from './Shell.js';

afterEach(cleanup);

test('choosing Arabic flips the page right-to-left and translates the navigation', () => {
  render(
    <LocaleProvider initial="fr">
      <Shell path="/">
        <p>contenu</p>
      </Shell>
    </LocaleProvider>,
  );
  assert.equal(document.documentElement.dir, 'ltr');
  assert.ok(screen.getByRole('link', { name: 'Transparence' }));
  fireEvent.change(screen.getByTestId('language-picker'), { target: { value: 'ar' } });
  assert.equal(document.documentElement.dir, 'rtl');
  assert.equal(document.documentElement.lang, 'ar');
  assert.ok(screen.getByRole('link', { name: 'الشفافية' }));
  assert.equal(screen.getByRole('link', { name: 'المساعد' }).getAttribute('aria-current'), 'page');
});

test('Tamazight is offered in Tifinagh and tags the page for the Tifinagh font', () => {
  render(
    <LocaleProvider initial="zgh">
      <Shell path="/transparency">
        <p />
      </Shell>
    </LocaleProvider>,
  );
  assert.equal(document.documentElement.lang, 'zgh-Tfng');
  assert.equal(document.documentElement.dir, 'ltr');
  assert.ok(screen.getByRole('option', { name: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' }));
  assert.equal(screen.getByRole('link', { name: 'ⵜⴰⴼⵔⵉⵙⵜ' }).getAttribute('aria-current'), 'page');
});
