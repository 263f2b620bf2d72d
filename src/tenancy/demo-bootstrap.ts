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
  /** Registers the demo application's use case and puts it in production, unless it is registered already. */
  commission: (applicationId: string) => Promise<void>,
): Promise<{ keyFile: string } | undefined> {
  if ((await tenancy.listTenants()).length > 0) {
    // A demo made by an earlier version, before applications needed a register entry, is registered now.
    const tenant = await tenancy.findTenant(DEMO_TENANT);
    const demo =
      tenant &&
      (await tenancy.listApplications({ tenantId: tenant.id })).find((a) => a.name === DEMO_APPLICATION);
    if (demo) await commission(demo.id);
    return undefined;
  }
  const tenant = await tenancy.createTenant({ name: DEMO_TENANT });
  const application = await tenancy.createApplication({ tenantId: tenant.id, name: DEMO_APPLICATION });
  await commission(application.id);
  const { key } = await tenancy.createKey({ applicationId: application.id });
  const keyFile = join(dataDir, DEMO_KEY_FILE);
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  return { keyFile };
}
