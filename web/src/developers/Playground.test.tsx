import '../test-support/dom.js';
import { strict as assert } from 'node:assert';
import { afterEach, test } from 'node:test';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeFetch } from '../test-support/dom.js';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { MIZAN } from '../citizen/mizan-fixture.js';
import { Playground } from './Playground.js';

afterEach(cleanup);

const answerWith = (sandbox: boolean) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Réponse du modèle [1].' }, finish_reason: 'stop' },
  ],
  mizan: { ...MIZAN, oversight: { risk_tier: 'minimal', sandbox, ai_label: false, notice: null, flags: [] } },
});

/** A playground whose server answers chat completions as a sandbox key would (or not). */
function playground(sandbox: boolean) {
  const calls = fakeFetch((url) =>
    url === '/v1/models'
      ? { body: { object: 'list', data: [{ id: 'atlas' }] } }
      : { body: answerWith(sandbox) },
  );
  render(
    <LocaleProvider initial="en">
      <Playground />
    </LocaleProvider>,
  );
  return calls;
}

async function askWithKey(key: string) {
  fireEvent.change(screen.getByLabelText('API key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
  await screen.findByRole('option', { name: 'atlas' });
  fireEvent.click(screen.getByLabelText('Stream the answer (stream)'));
  fireEvent.change(screen.getByLabelText('User message (user)'), { target: { value: 'Bonjour' } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await screen.findByText('Réponse du modèle [1].');
}

const chats = (calls: { url: string }[]) => calls.filter((c) => c.url === '/v1/chat/completions').length;

test('sends with the pasted key, never stores it, and shows a sandbox answer with its mizan object', async () => {
  const calls = playground(true);
  await askWithKey('mz_sandbox_key');
  for (const call of calls)
    assert.equal(new Headers(call.init.headers).get('authorization'), 'Bearer mz_sandbox_key');
  assert.deepEqual(JSON.parse(String(calls[1]?.init.body)), {
    model: 'atlas',
    messages: [{ role: 'user', content: 'Bonjour' }],
    stream: false,
  });
  assert.equal(screen.getByTestId('sandbox').textContent?.includes('sandbox: true'), true);
  assert.ok(screen.getByText('Sandbox key (sandbox: true)'));
  assert.equal(screen.queryByRole('alert'), null);
  assert.equal(localStorage.length + sessionStorage.length, 0);
  // Another question goes out at once.
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => assert.equal(chats(calls), 2));
});

test('after an answer that says sandbox: false, refuses to send again until the developer confirms', async () => {
  const calls = playground(false);
  await askWithKey('mz_production_key');
  const warning = screen.getByRole('alert');
  assert.match(warning.textContent ?? '', /This is not a sandbox key/);
  const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
  assert.equal(send.disabled, true);
  // Even a submission the button cannot make (Enter in a field) sends nothing.
  fireEvent.submit(send.closest('form')!);
  assert.equal(chats(calls), 1, 'nothing was sent');

  fireEvent.click(screen.getByLabelText('I mean to use a production key'));
  assert.equal(send.disabled, false);
  fireEvent.click(send);
  await waitFor(() => assert.equal(chats(calls), 2));
});

test('a new key clears the warning; a server error shows its code and message', async () => {
  const calls = playground(false);
  await askWithKey('mz_production_key');
  fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'mz_revoked' } });
  assert.equal(screen.queryByRole('alert'), null);
  fakeFetch(() => ({
    status: 401,
    body: {
      error: {
        message: 'invalid API key',
        type: 'authentication_error',
        code: 'invalid_api_key',
        param: null,
      },
    },
  }));
  fireEvent.click(screen.getByRole('button', { name: 'Use this key' }));
  const error = await screen.findByRole('alert');
  assert.match(error.textContent ?? '', /invalid API key.*invalid_api_key/);
  assert.equal(chats(calls), 1);
});
