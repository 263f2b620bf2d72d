import { loadConfig } from '../../config/load.js';
import { createPlatform } from '../../platform.js';
import { buildApp } from '../../server/app.js';
import { defaultRuleEngine } from '../../guard/rules/index.js';
import { closeGracefully } from '../../server/shutdown.js';
import { bootstrapDemo } from '../../tenancy/demo-bootstrap.js';
import { commissionDemoApplication } from '../../oversight/demo-use-case.js';
import type { CliOptions } from '../context.js';
import { advertiseLocalServer, withLocalAdminToken } from '../local-server.js';

/** Long enough for most answers in flight to finish; an orchestrator's termination grace is usually 30 s. */
const SHUTDOWN_GRACE_MS = 20_000;

export async function serve(options: CliOptions): Promise<void> {
  const loaded = loadConfig({ file: options.config });
  const config = withLocalAdminToken(loaded.config);
  const platform = await createPlatform(config);
  const { logger } = platform;
  for (const warning of loaded.warnings) logger.warn({ config: loaded.file }, warning);
  if (!config.database.url) {
    const demo = await bootstrapDemo(platform.tenancy, config.data_dir, (id) =>
      commissionDemoApplication(platform.oversight, id),
    );
    if (demo) {
      logger.info(
        { keyFile: demo.keyFile },
        'created the demo tenant and application; its API key is in keyFile',
      );
    }
  }
  const app = await buildApp(platform);
  // The guard's rule packs compile on first use: done before listening, so the first citizen does not wait for it.
  if (config.guard.enabled) defaultRuleEngine();
  const address = await app.listen({ host: config.server.host, port: config.server.port });
  const withdraw = config.database.url ? () => undefined : advertiseLocalServer(config.data_dir, address);
  logger.info(
    {
      address,
      config: loaded.file ?? '(defaults and environment)',
      database: platform.database.kind,
      models: platform.models.list().map((m) => m.id),
    },
    'Mizan is listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    withdraw();
    await closeGracefully(app, SHUTDOWN_GRACE_MS);
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
