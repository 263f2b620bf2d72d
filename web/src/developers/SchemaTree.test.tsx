import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { fakeFetch } from '../test-support/dom.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import type { Locale } from '../i18n/locales.js';
import { ApiReference } from './ApiReference.js';
import type { ApiDocument, JsonSchema } from './openapi.js';
import { SchemaTree } from './SchemaTree.js';

afterEach(cleanup);

const message = (role: string): JsonSchema => ({
  type: 'object',
  properties: { role: { type: 'string', const: role }, content: { type: 'string' } },
  required: ['role', 'content'],
});

const BODY: JsonSchema = {
  type: 'object',
  properties: {
    model: { type: 'string', minLength: 1, description: 'A model of GET /v1/models.' },
    messages: { type: 'array', minItems: 1, items: { oneOf: [message('system'), message('user')] } },
    stream: { type: ['boolean', 'null'] },
    stream_options: {
      anyOf: [{ type: 'object', properties: { include_usage: { type: 'boolean' } } }, { type: 'null' }],
    },
    reasoning_effort: { type: 'string', enum: ['low', 'high'], default: 'low' },
    hosting: { $ref: '#/components/schemas/Hosting' },
  },
  required: ['model', 'messages'],
};

const DOCUMENT: ApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Mizan', version: '1' },
  tags: [{ name: 'Chat' }, { name: 'Models' }],
  paths: {
    '/v1/chat/completions': {
      post: {
        operationId: 'createChatCompletion',
        summary: 'Answer a conversation',
        tags: ['Chat'],
        'x-mizan-auth': ['api_key', 'session'],
        requestBody: { content: { 'application/json': { schema: BODY } } },
        responses: {
          '200': {
            description: 'The answer',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '401': { $ref: '#/components/responses/Error' },
          '429': { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/models/{model}': {
      get: {
        operationId: 'getModel',
        summary: 'One model',
        tags: ['Models'],
        'x-mizan-auth': ['api_key', 'public'],
        parameters: [{ name: 'model', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The model' } },
      },
    },
  },
  components: {
    schemas: {
      Hosting: {
        type: 'object',
        properties: { country: { type: 'string' }, sovereign: { type: 'boolean' } },
        required: ['country'],
      },
    },
  },
};

const field = (name: string, root: HTMLElement = document.body) =>
  root.querySelector<HTMLElement>(`[data-field="${name}"]`)!;

const tree = (locale: Locale = 'en') =>
  render(
    <LocaleProvider initial={locale}>
      <SchemaTree document={DOCUMENT} schema={BODY} />
    </LocaleProvider>,
  );

test('shows each field with its type, whether it is required, its allowed values and its description', () => {
  tree();
  const model = within(field('model'));
  assert.ok(model.getByText('string'));
  assert.ok(model.getByText('required'));
  assert.ok(model.getByText('length ≥ 1'));
  assert.ok(model.getByText('A model of GET /v1/models.'));
  const effort = within(field('reasoning_effort'));
  assert.ok(effort.getByText('optional'));
  assert.equal(
    field('reasoning_effort').querySelector('.schema-enum')?.textContent,
    'Allowed values: "low""high"',
  );
  assert.ok(effort.getByText('default'));
  // "X or null" reads as X, nullable.
  assert.equal(field('stream').querySelector('.schema-type')?.textContent, 'boolean');
  assert.ok(within(field('stream')).getByText('| null'));
  assert.equal(field('stream_options').querySelector('.schema-type')?.textContent, 'object');
});

test('opens nested objects, array items with their alternatives, and $ref components', () => {
  tree();
  const messages = field('messages');
  assert.equal(messages.querySelector('.schema-type')?.textContent, 'array of object | object');
  const nested = messages.querySelector('details')!;
  assert.equal(nested.open, false);
  fireEvent.click(within(messages).getByText('Fields of messages'));
  const variants = within(nested)
    .getAllByRole('listitem')
    .filter((li) => li.parentElement?.tagName === 'OL');
  assert.equal(variants.length, 2);
  assert.match(variants[0]!.textContent ?? '', /Shape 1.*role: "system"/);
  assert.match(variants[1]!.textContent ?? '', /Shape 2.*role: "user"/);
  assert.ok(within(field('content', variants[1]!)).getByText('required'));

  const hosting = field('hosting');
  assert.equal(hosting.querySelector('.schema-type')?.textContent, 'Hosting');
  assert.ok(within(field('country', hosting)).getByText('required'));
  assert.ok(within(field('sovereign', hosting)).getByText('optional'));
});

test('the reference lists operations by tag, filters them, and shows the selected one with its authentication', async () => {
  const calls = fakeFetch(() => ({ body: DOCUMENT }));
  render(
    <LocaleProvider initial="fr">
      <ApiReference />
    </LocaleProvider>,
  );
  const index = await screen.findByRole('navigation', { name: 'Opérations de l’API' });
  assert.equal(calls[0]?.url, '/openapi.json');
  assert.ok(within(index).getByRole('region', { name: 'Chat' }));
  assert.ok(screen.getByRole('heading', { level: 2, name: 'POST /v1/chat/completions' }));
  assert.ok(screen.getByText(/Clé d’application/, { selector: 'strong' }));
  assert.ok(screen.getByText(/Quota ou débit dépassé/));

  fireEvent.change(screen.getByLabelText('Rechercher une opération'), { target: { value: 'models' } });
  assert.deepEqual(
    within(index)
      .getAllByRole('link')
      .map((a) => a.textContent),
    ['GET /v1/models/{model}'],
  );
  fireEvent.click(within(index).getByRole('link'));
  assert.ok(screen.getByRole('heading', { level: 2, name: 'GET /v1/models/{model}' }));
  assert.ok(screen.getByRole('columnheader', { name: 'Emplacement' }));
  assert.ok(screen.getByText(/Sans authentification/, { selector: 'li' }));
});
