import { loadConfig } from '../../config/load.js';
import { resolveKeyHashSecret } from '../../tenancy/server-secret.js';
import type { CliOptions } from '../context.js';

/** Validates the configuration without starting anything; a ConfigError lists every faulty key. */
export function configCheck(options: CliOptions): void {
  const { config, file, warnings } = loadConfig({ file: options.config });
  if (config.database.url) resolveKeyHashSecret(config);
  const summary = {
    file: file ?? null,
    database: config.database.url ? 'postgresql' : `pglite (${config.data_dir})`,
    listen: `${config.server.host}:${config.server.port}`,
    providers: config.providers.map((p) => ({
      id: p.id,
      type: p.type,
      ...(p.type === 'openai-compatible'
        ? {
            base_url: p.base_url,
            hosting: p.hosting,
            api_key: p.api_key
              ? 'set'
              : p.api_key_env
                ? process.env[p.api_key_env]
                  ? 'set'
                  : `missing: ${p.api_key_env}`
                : 'none',
          }
        : {}),
    })),
    models: config.models.map((m) => ({
      id: m.id,
      provider: m.provider,
      kind: m.kind,
      fallback: m.fallback,
    })),
    admin_api: config.security.admin_token ? 'on' : 'off',
    warnings,
  };
  console.log(
    options.json
      ? JSON.stringify(summary, null, 2)
      : `configuration is valid\n${JSON.stringify(summary, null, 2)}`,
  );
}
