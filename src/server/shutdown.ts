import type { FastifyInstance } from 'fastify';

/**
 * Stops accepting requests and lets those in flight finish for up to `graceMs`; then closes every connection
 * still open, including sockets a client opened but never used, which would otherwise hold the process until
 * their keep-alive timeout.
 */
export async function closeGracefully(app: FastifyInstance, graceMs: number): Promise<void> {
  const force = setTimeout(() => app.server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}
