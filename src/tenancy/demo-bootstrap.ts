import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenancyService } from './tenancy-service.js';

export const DEMO_TENANT = 'demo';
export const DEMO_APPLICATION = 'demo-assistant';
const DEMO_KEY_FILE = 'demo-key';

/**
 * On a first start with an empty database, creates a demo tenant, application and key so that the quick start
 * works at once. The key goes to a file readable by its owner only, never to the logs.
 */
export async function bootstrapDemo(
  tenancy: TenancyService,
  dataDir: string,
): Promise<{ keyFile: string } | undefined> {
  if ((await tenancy.listTenants()).length > 0) return undefined;
  const tenant = await tenancy.createTenant({ name: DEMO_TENANT });
  const application = await tenancy.createApplication({ tenantId: tenant.id, name: DEMO_APPLICATION });
  const { key } = await tenancy.createKey({ applicationId: application.id });
  const keyFile = join(dataDir, DEMO_KEY_FILE);
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  return { keyFile };
}
