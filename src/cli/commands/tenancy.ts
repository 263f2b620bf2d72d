import { errors } from '../../errors.js';
import { withTenancy, type CliOptions } from '../context.js';
import { printRows, UsageError } from '../output.js';
import { readPolicy } from './pii.js';

type Args = { positionals: string[]; values: Record<string, string | boolean | undefined> };

const str = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

function one(args: Args, what: string): string {
  const value = args.positionals[0];
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

export async function tenants(action: string | undefined, args: Args, options: CliOptions): Promise<void> {
  await withTenancy(options, async (tenancy) => {
    if (action === 'create') {
      printRows([{ ...(await tenancy.createTenant({ name: one(args, 'the tenant name') })) }], options.json);
    } else if (action === 'list') {
      printRows(
        (await tenancy.listTenants()).map((t) => ({ ...t })),
        options.json,
      );
    } else {
      throw new UsageError('usage: mizan tenants create NAME | mizan tenants list');
    }
  });
}

export async function apps(action: string | undefined, args: Args, options: CliOptions): Promise<void> {
  await withTenancy(options, async (tenancy) => {
    const tenantName = str(args.values.tenant);
    const tenant = tenantName ? await tenancy.findTenant(tenantName) : undefined;
    if (tenantName && !tenant) throw errors.notFound('tenant_not_found', `no tenant "${tenantName}"`);
    if (action === 'create') {
      if (!tenant)
        throw new UsageError(
          'usage: mizan apps create --tenant TENANT [--models a,b] [--rpm N] [--transfers FR,ES] [--policy FILE] NAME',
        );
      const models = str(args.values.models);
      const rpm = str(args.values.rpm);
      if (rpm !== undefined && !/^\d+$/.test(rpm)) throw new UsageError('--rpm takes a whole number');
      const transfers =
        str(args.values.transfers)
          ?.split(',')
          .map((c) => c.trim().toUpperCase()) ?? [];
      if (transfers.some((c) => !/^[A-Z]{2}$/.test(c))) {
        throw new UsageError('--transfers takes ISO country codes, e.g. FR,ES');
      }
      const policyFile = str(args.values.policy);
      const application = await tenancy.createApplication({
        tenantId: tenant.id,
        name: one(args, 'the application name'),
        allowedModels: models
          ? models
              .split(',')
              .map((m) => m.trim())
              .filter(Boolean)
          : [],
        rateLimitRpm: rpm === undefined ? null : Number(rpm),
        privacyPolicy: policyFile ? readPolicy(policyFile) : null,
        authorisedTransfers: transfers,
      });
      printRows([{ ...application }], options.json);
    } else if (action === 'list') {
      printRows(
        (await tenancy.listApplications(tenant ? { tenantId: tenant.id } : {})).map((a) => ({ ...a })),
        options.json,
      );
    } else {
      throw new UsageError(
        'usage: mizan apps create --tenant TENANT NAME | mizan apps list [--tenant TENANT]',
      );
    }
  });
}

export async function keys(action: string | undefined, args: Args, options: CliOptions): Promise<void> {
  await withTenancy(options, async (tenancy) => {
    if (action === 'create') {
      const applicationId = str(args.values.app);
      if (!applicationId)
        throw new UsageError('usage: mizan keys create --app APPLICATION_ID [--expires ISO_DATE]');
      const expires = str(args.values.expires);
      const expiresAt = expires ? new Date(expires) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime()))
        throw new UsageError('--expires takes a date, e.g. 2027-01-31');
      const { record, key } = await tenancy.createKey({ applicationId, expiresAt });
      if (options.json) console.log(JSON.stringify({ ...record, key }, null, 2));
      else
        console.log(
          `${key}\n\nkey ${record.id} (${record.prefix}…) for ${applicationId}: store it now, it is not shown again`,
        );
    } else if (action === 'revoke') {
      const revoked = await tenancy.revokeKey(one(args, 'the key id or prefix'));
      if (!revoked) throw errors.notFound('key_not_found', `no key "${args.positionals[0]}"`);
      printRows([{ ...revoked }], options.json);
    } else if (action === 'list') {
      const applicationId = str(args.values.app);
      const tenantName = str(args.values.tenant);
      const tenant = tenantName ? await tenancy.findTenant(tenantName) : undefined;
      if (tenantName && !tenant) throw errors.notFound('tenant_not_found', `no tenant "${tenantName}"`);
      const records = await tenancy.listApiKeys({
        ...(applicationId ? { applicationId } : {}),
        ...(tenant ? { tenantId: tenant.id } : {}),
      });
      printRows(
        records.map((r) => ({ ...r })),
        options.json,
      );
    } else {
      throw new UsageError(
        'usage: mizan keys create --app ID | mizan keys revoke ID | mizan keys list [--app ID]',
      );
    }
  });
}
