/**
 * Writes the tiny random-weight chat model (scripts/models/tiny-chat-model.ts) as a GGUF file, e.g. to try the
 * `llama-cpp` provider without a real model:
 *   node --import tsx scripts/models/make-tiny-gguf.ts /tmp/tiny-chat.gguf [seed]
 */

import { writeFileSync } from 'node:fs';
import { encodeTinyChatModel } from './tiny-chat-model.js';

const [path, seed = '1'] = process.argv.slice(2);
if (!path) {
  console.error('usage: make-tiny-gguf.ts OUTPUT.gguf [seed]');
  process.exit(2);
}
const bytes = encodeTinyChatModel(Number(seed));
writeFileSync(path, bytes);
console.log(`wrote ${path} (${bytes.length} bytes)`);
