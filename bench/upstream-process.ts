/**
 * The test upstream in a process of its own, so it can be pinned to a core away from the gateway under test.
 * It prints one JSON line `{"url": ...}` when listening and exits when its parent closes stdin (or dies).
 */
import { startTestUpstream } from '../test/support/test-upstream.js';

const upstream = await startTestUpstream({ record: false });
process.stdout.write(`${JSON.stringify({ url: upstream.url })}\n`);

const stop = async (): Promise<void> => {
  await upstream.close();
  process.exit(0);
};
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
