import { strict as assert } from 'node:assert';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useWebGateway } from './support/web-gateway.js';

const ADMIN = { kind: 'platform_admin' } as const;

/** The select a label names (a select's accessible name also holds its chosen option's text). */
const field = (page: Page, label: string) =>
  page.locator('label', { has: page.getByText(label, { exact: true }) }).locator('select');

describe('web interface: the governance console', () => {
  const web = useWebGateway({
    providers: [{ id: 'builtin', type: 'extractive' }],
    models: [{ id: 'atlas', provider: 'builtin' }],
  });
  const tokens = {} as Record<'auditor' | 'dpo' | 'admin', string>;

  before(async () => {
    const { platform, tenantId, key, origin } = web.gateway;
    const staff = async (name: string, role: string) =>
      (await platform.oversight.staff.create(ADMIN, { tenantId, name, roles: [role] })).token;
    tokens.auditor = await staff('Auditrice', 'auditor');
    tokens.dpo = await staff('Déléguée', 'dpo');
    tokens.admin = await staff('Administrateur', 'tenant_admin');

    // Flows for the log to hold, and two requests of a person: an objection (answered at once) and a
    // rectification the gateway cannot apply, left to the DPO.
    const call = (path: string, body: unknown) =>
      fetch(`${origin}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const question of ['Comment renouveler ma CNIE ?', 'Quels papiers pour un acte de naissance ?']) {
      const answer = await call('/v1/chat/completions', {
        model: 'atlas',
        messages: [{ role: 'user', content: question }],
      });
      assert.equal(answer.status, 200, await answer.text());
    }
    const objection = await call('/v1/subject-rights/requests', { user: 'usager-17', kind: 'opposition' });
    assert.equal(objection.status, 201, await objection.text());
    const rectification = await call('/v1/subject-rights/requests', {
      user: 'usager-42',
      kind: 'rectification',
      corrections: [{ type: 'EMAIL', from: 'ancien@example.ma', to: 'nouveau@example.ma' }],
    });
    assert.equal(rectification.status, 201, await rectification.text());
    // The records enter the Merkle tree and a new head is signed, as the integrator does every second.
    await platform.audit.integrator.integrate();
  });

  /** Signs in with a staff token on the console's form (labelled in the page's language). */
  const signIn = async (page: Page, token: string, path = '/governance') => {
    await page.goto(path);
    const field = page.locator('input[type="password"]');
    await field.fill(token);
    await field.press('Enter');
  };

  test('an auditor filters the log, sees a chart, and verifies the signed head and a record in the browser (fr)', async () => {
    const { context, page } = await web.open({ locale: 'fr' });
    await signIn(page, tokens.auditor);
    await page.getByRole('heading', { name: 'Console de gouvernance' }).waitFor();
    // An auditor has no data-subject requests nor kill switch.
    assert.deepEqual(await page.getByRole('tab').allTextContents(), [
      'Applications',
      'Journal d’audit',
      'Modèles',
      'Bacs à sable',
      'Rapports d’assurance',
    ]);
    // The tabs answer the keyboard: the right arrow moves from Applications to the audit log.
    await page.getByRole('tab', { name: 'Applications' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(
      await page.getByRole('tab', { name: 'Journal d’audit' }).getAttribute('aria-selected'),
      'true',
    );

    await field(page, 'Type').selectOption('flow');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const rows = page.getByTestId('audit-records').locator('tbody tr');
    await page.getByText('2 enregistrement(s)').waitFor();
    assert.equal(await rows.count(), 2);
    assert.match(await rows.first().innerText(), /assistant/);

    await page.getByTestId('flow-chart').waitFor();
    await field(page, 'Par').selectOption('provider_country');
    await page.getByText('Flux par pays du fournisseur').waitFor();
    await page.getByText('Les chiffres en tableau').click();
    assert.match(await page.locator('.flow-chart table').innerText(), /2/);

    await page.getByRole('button', { name: 'Vérifier la tête d’arbre signée' }).click();
    const head = page.getByTestId('head-result');
    await head.getByText('vérifié ✓').waitFor();
    const sth = (await (await fetch(`${web.origin}/v1/audit/sth`)).json()) as Record<string, unknown>;
    const shown = await head.innerText();
    for (const fact of [String(sth.tree_size), String(sth.root_hash), String(sth.key_id)])
      assert.ok(shown.includes(fact), `the verified head shows ${fact}`);
    assert.match(shown, /Signature Ed25519 par la clé du journal\s*✓ oui/);

    await rows
      .first()
      .getByRole('button', { name: /Prouver l’inclusion/ })
      .click();
    const inclusion = page.getByTestId('inclusion-result');
    await inclusion.getByText('vérifié ✓').first().waitFor();
    assert.match(await inclusion.innerText(), /le chemin d’audit mène à la racine signée\s*✓ oui/);

    await page.getByRole('button', { name: 'Vérifier la cohérence avec la dernière tête' }).click();
    await page.getByTestId('consistency-result').getByText('vérifié ✓').waitFor();
    await web.screenshot(page, 'governance-audit-fr');
    await context.close();
  });

  test('the audit explorer in Arabic runs right to left, and in Tamazight in Tifinagh', async () => {
    for (const locale of ['ar', 'zgh'] as const) {
      const { context, page } = await web.open({ locale: locale === 'ar' ? 'ar' : 'fr' });
      // The DPO reads the log too, and (unlike an auditor) answers the risk questionnaire.
      await signIn(
        page,
        locale === 'ar' ? tokens.auditor : tokens.dpo,
        `/governance?lang=${locale}&section=audit`,
      );
      await page.getByTestId('flow-chart').waitFor();
      assert.equal(await page.getAttribute('html', 'dir'), locale === 'ar' ? 'rtl' : 'ltr');
      const verify = locale === 'ar' ? 'التحقق من رأس الشجرة الموقّع' : 'ⵙⵙⵏⵜⵎ ⴰⵇⵔⵔⵓ ⵏ ⵜⵙⴳⵔⵜ ⵉⵜⵜⵓⵙⵎⴷⵢⵏ';
      await page.getByRole('button', { name: verify }).click();
      await page
        .getByTestId('head-result')
        .getByText(locale === 'ar' ? 'تم التحقق ✓' : 'ⵉⵜⵜⵓⵙⵏⵜⵎ ✓')
        .waitFor();
      if (locale === 'ar') await web.screenshot(page, 'governance-audit-ar');
      else {
        await page.getByRole('tab', { name: 'ⵉⵙⵏⵙⵏ' }).click();
        await page.getByRole('button', { name: 'ⵕⵥⵎ assistant' }).click();
        // The questionnaire has no Tamazight text: it is shown in French, and the page says so.
        await page.getByText('ⴰⵙⵇⵙⵉ ⵓⵔ ⵉⵍⵍⵉ ⵙ ⵜⵓⵜⵍⴰⵢⵜ ⴰⴷ: ⵉⵜⵜⵓⵙⵎⴰⵍ ⵙ ⵜⴼⵔⴰⵏⵙⵉⵙⵜ.').waitFor();
        assert.equal(await page.locator('.questionnaire [lang="fr"]').count(), 1);
        await web.screenshot(page, 'governance-applications-zgh');
      }
      await context.close();
    }
  });

  test('the DPO sees the requests of people, refuses one with a reason, and the questionnaire renders', async () => {
    const { context, page } = await web.open({ locale: 'fr' });
    await signIn(page, tokens.dpo);
    await page.getByRole('tab', { name: 'Demandes des personnes' }).click();
    const requests = page.getByTestId('subject-requests');
    await requests.waitFor();
    // People are named by their pseudonym in the log, never as the application named them.
    const open = requests.locator('tr', { hasText: 'rectification' });
    assert.match(await open.innerText(), /rectification\s+assistant\s+received/);
    assert.doesNotMatch(await requests.innerText(), /usager-42|usager-17/);
    assert.match(await requests.locator('tr', { hasText: 'opposition' }).innerText(), /completed/);
    // The opposition stands as an objection, which the DPO may lift.
    const objections = page.locator('section', {
      has: page.getByRole('heading', { name: 'Oppositions en cours' }),
    });
    await objections.getByRole('button', { name: 'Lever l’opposition' }).waitFor();

    await open.getByRole('button', { name: 'Refuser' }).click();
    const confirm = open.getByRole('button', { name: 'Confirmer' });
    assert.equal(await confirm.isDisabled(), true, 'a refusal needs its reason');
    await open.getByLabel('Motif du refus').fill('Adresse introuvable dans nos échanges');
    await confirm.click();
    await requests.locator('tr', { hasText: 'rectification' }).getByText('refused').waitFor();

    await page.getByRole('tab', { name: 'Applications' }).click();
    await page.getByRole('button', { name: 'Ouvrir assistant' }).click();
    await page.getByRole('heading', { name: /Questionnaire de risque éthique \(version 1\)/ }).waitFor();
    assert.ok(await page.getByRole('group', { name: 'Que fait le système ?' }).isVisible());
    assert.ok((await page.getByRole('radio').count()) > 5);
    await context.close();
  });

  test('the tenant admin suspends the application with the kill switch, after a reason and a confirmation, then lifts it', async () => {
    const { context, page } = await web.open({ locale: 'fr', viewport: { width: 360, height: 800 } });
    await signIn(page, tokens.admin);
    await page.getByRole('tab', { name: 'Coupe-circuit' }).click();
    await page.getByText('Aucune suspension en cours.').waitFor();
    await page.getByRole('button', { name: 'Suspendre' }).click();
    await page.getByLabel(/Motif/).fill('Réponses erronées signalées par les usagers');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('assistant est suspendu.').waitFor();
    const chat = () =>
      fetch(`${web.origin}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${web.gateway.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'atlas', messages: [{ role: 'user', content: 'Bonjour' }] }),
      });
    const refused = await chat();
    assert.equal(refused.status, 503);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'application_suspended');

    await web.screenshot(page, 'governance-killswitch-fr-360');
    const suspension = page.getByTestId('suspension');
    assert.match(await suspension.innerText(), /Réponses erronées signalées par les usagers/);
    await suspension.getByRole('button', { name: 'Lever la suspension' }).click();
    await suspension.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Aucune suspension en cours.').waitFor();
    assert.equal((await chat()).status, 200);
    await context.close();
  });
});
