/** A worker thread of the export verifier: hashes the blocks of records.jsonl it is sent (see verify-records.ts). */
import { parentPort } from 'node:worker_threads';
import { hashBlock } from './verify-records.js';

parentPort!.on('message', (block: Uint8Array) => {
  const result = hashBlock(block);
  parentPort!.postMessage(result, [result.leaves.buffer, result.indices.buffer]);
});
parentPort!.postMessage('ready');
