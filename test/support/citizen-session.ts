import { SESSION_TOKEN_PREFIX } from '../../src/identity/identity-service.js';
import type { Platform } from '../../src/platform.js';
import { createSessionStore } from '../../src/store/session-store.js';
import { generateApiKey, hashApiKey } from '../../src/tenancy/api-keys.js';
import { resolveKeyHashSecret } from '../../src/tenancy/server-secret.js';

/**
 * A citizen's session token at `tenantId`, opened as the OpenID callback opens one but with no provider: for tests
 * of what a session may reach (test/gateway/oidc.test.ts signs in for real). `subject` stands for the pseudonym.
 */
export async function openCitizenSession(
  platform: Platform,
  tenantId: string,
  subject: string,
): Promise<string> {
  const { key: token } = generateApiKey(SESSION_TOKEN_PREFIX);
  await createSessionStore(platform.database.db).create({
    tenantId,
    tokenHash: hashApiKey(token, resolveKeyHashSecret(platform.config)),
    kind: 'citizen',
    subject,
    roles: ['citizen'],
    issuer: 'https://idp.test',
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return token;
}
