import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MizanConfig } from '../config/schema.js';
import { ConfigError } from '../config/load.js';

const SECRET_FILE = 'secret';

/**
 * The HMAC secret for API-key hashes. On the embedded database it is generated once into the data folder
 * (readable by its owner only); with PostgreSQL every replica and the CLI must share it, so it must be given.
 */
export function resolveKeyHashSecret(config: MizanConfig): string {
  if (config.security.key_hash_secret) return config.security.key_hash_secret;
  if (config.database.url) {
    throw new ConfigError([
      {
        key: 'security.key_hash_secret',
        source: 'MIZAN_SECRET',
        message: 'required with a PostgreSQL database, so that every replica and the CLI hash API keys alike',
      },
    ]);
  }
  return readOrCreateSecretFile(config.data_dir, SECRET_FILE);
}

/** A random secret kept in a file of the data folder that only its owner may read, created on first use. */
export function readOrCreateSecretFile(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
