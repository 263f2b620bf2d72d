import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MizanConfig } from '../config/schema.js';
import { readOrCreateSecretFile } from '../tenancy/server-secret.js';

/**
 * The embedded database is open in one process only. So that `mizan keys create` still works while
 * `mizan serve` runs on the same data folder, the server advertises its address in the folder and the CLI
 * goes through its admin API, with a token kept in the folder (readable by its owner only).
 */
const SERVER_FILE = 'server.json';
const ADMIN_TOKEN_FILE = 'admin-token';

export interface LocalServer {
  url: string;
  token: string;
}

/** Without a configured admin token, an embedded server gets one from its data folder. */
export function withLocalAdminToken(config: MizanConfig): MizanConfig {
  if (config.database.url || config.security.admin_token) return config;
  const token = readOrCreateSecretFile(config.data_dir, ADMIN_TOKEN_FILE);
  return { ...config, security: { ...config.security, admin_token: token } };
}

/** Writes where the server listens; returns the function that withdraws it. */
export function advertiseLocalServer(dataDir: string, address: string): () => void {
  const file = join(dataDir, SERVER_FILE);
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  writeFileSync(file, JSON.stringify({ pid: process.pid, url: url.origin }), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

export function findLocalServer(config: MizanConfig): LocalServer | undefined {
  try {
    const { url } = JSON.parse(readFileSync(join(config.data_dir, SERVER_FILE), 'utf8')) as { url: string };
    const token =
      config.security.admin_token ?? readFileSync(join(config.data_dir, ADMIN_TOKEN_FILE), 'utf8').trim();
    return { url, token };
  } catch {
    return undefined;
  }
}
