import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHATML_TEMPLATE, encodeTinyChatModel, tinyChatModel } from '../../scripts/models/tiny-chat-model.js';

/** node-llama-cpp's own GGUF reader (pure JavaScript) serves as the independent reader of what we write. */
const reader = await import('node-llama-cpp').catch(() => undefined);

describe('the tiny GGUF chat model', () => {
  const folder = mkdtempSync(join(tmpdir(), 'mizan-gguf-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is the same file for the same seed, and another for another seed', () => {
    assert.ok(encodeTinyChatModel(1).equals(encodeTinyChatModel(1)));
    assert.ok(!encodeTinyChatModel(1).equals(encodeTinyChatModel(2)));
  });

  it(
    'reads back, through another GGUF reader, with its chat template, vocabulary and tensors',
    { skip: reader ? false : 'node-llama-cpp is not installed' },
    async () => {
      const path = join(folder, 'tiny.gguf');
      writeFileSync(path, encodeTinyChatModel());
      const info = await reader!.readGgufFileInfo(path, { sourceType: 'filesystem', logWarnings: false });
      const { metadata, tensors } = tinyChatModel();
      assert.equal(info.version, 3);
      assert.equal(info.metadata.general.architecture, 'llama');
      assert.equal(info.metadata.tokenizer.chat_template, CHATML_TEMPLATE);
      const tokens = metadata.get('tokenizer.ggml.tokens')?.value as string[];
      assert.deepEqual(info.metadata.tokenizer.ggml.tokens, tokens);
      assert.ok(tokens.includes('<|im_start|>') && tokens.includes('<|im_end|>'));
      assert.deepEqual(
        info.fullTensorInfo?.map((t) => [t.name, t.dimensions.map(Number)]),
        tensors.map((t) => [t.name, [...t.dims]]),
      );
    },
  );
});
