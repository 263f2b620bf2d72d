/**
 * A small round-robin load balancer on loopback, in a process of its own: `node --import tsx balancer.ts URL...`.
 * Each request goes to the next replica in turn over a keep-alive pool; answers are streamed back as they come.
 * It prints one JSON line `{"url": ...}` once listening and exits when its parent closes stdin (or dies).
 * A replica that cannot be reached answers 502, so that a failure shows up in the load's errors, not as a hang.
 */
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';

const replicas = process.argv.slice(2).map((url) => new URL(url));
if (replicas.length === 0) throw new Error('usage: balancer.ts REPLICA_URL...');

// Enough sockets per replica that the balancer never queues requests of its own.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = createServer((req, res) => {
  const target = replicas[next++ % replicas.length]!;
  const upstream = request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      pipeline(answer, res).catch(() => res.destroy());
    },
  );
  upstream.once('error', (error) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { type: 'balancer_error', code: 'replica_unreachable', message: String(error) },
      }),
    );
  });
  pipeline(req, upstream).catch(() => upstream.destroy());
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  agent.destroy();
  process.exit(0);
};
process.stdin.on('close', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
