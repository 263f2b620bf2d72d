import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  secrets?: string[];
  configs?: Array<{ source: string; target: string }>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  configs: Record<string, { file: string }>;
  secrets: Record<string, { file: string }>;
}

const compose = parse(readFileSync('deploy/compose.yaml', 'utf8')) as ComposeFile;
const services = compose.services;
const hostOf = (url: string) => new URL(url.replace(/\$\{[^}]+\}/g, 'x')).hostname;

describe('deploy/compose.yaml', () => {
  it('depends only on services it defines, each waited for until healthy or done', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        assert.ok(services[dependency], `${name} depends on a missing service ${dependency}`);
        const expected = services[dependency]!.healthcheck
          ? 'service_healthy'
          : 'service_completed_successfully';
        assert.equal(condition, expected, `${name} → ${dependency}`);
      }
    }
    assert.deepEqual(Object.keys(services.gateway?.depends_on ?? {}).sort(), [
      'migrate',
      'model',
      'postgres',
      'redis',
    ]);
  });

  it('gives every long-running service a healthcheck', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'migrate') assert.ok(service.healthcheck?.test.length, `${name} has no healthcheck`);
    }
  });

  it('declares every secret and config its services use', () => {
    for (const service of Object.values(services)) {
      for (const secret of service.secrets ?? []) assert.ok(compose.secrets[secret], secret);
      for (const config of service.configs ?? []) assert.ok(compose.configs[config.source], config.source);
    }
  });

  it('runs the migrations with the gateway image before the gateway', () => {
    assert.deepEqual(services.migrate?.command, ['migrate']);
    assert.equal(hostOf(services.migrate!.environment!.DATABASE_URL!), 'postgres');
  });

  it('carries a Mizan configuration that loads and points at the services of the file', () => {
    const gateway = services.gateway!;
    const file = `deploy/${compose.configs[gateway.configs![0]!.source]!.file}`;
    const { config } = loadConfig({ file, env: { MIZAN_SECRET: 'k'.repeat(32) } });
    assert.equal(hostOf(gateway.environment!.DATABASE_URL!), 'postgres');
    assert.ok(services[hostOf(config.quota.redis_url!)], 'redis_url names a service');
    for (const provider of config.providers) {
      if (provider.type === 'openai-compatible')
        assert.ok(services[hostOf(provider.base_url)], provider.base_url);
    }
    // Every secret the gateway reads from a file is one compose mounts for it.
    for (const [name, value] of Object.entries(gateway.environment!)) {
      if (name.endsWith('_FILE'))
        assert.ok(gateway.secrets?.includes(value.replace('/run/secrets/', '')), name);
    }
  });
});
