import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig, type ConfigProblem } from '../../src/config/load.js';

const EXAMPLE_CONFIG = fileURLToPath(new URL('../../mizan.example.yaml', import.meta.url));

/** The problems of the ConfigError that `load` throws; fails if it throws anything else or nothing. */
function problemsOf(load: () => unknown): ConfigProblem[] {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.ok(error.problems.length > 0);
    for (const problem of error.problems) assert.ok(error.message.includes(problem.key));
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

const find = (problems: ConfigProblem[], key: string) => {
  const found = problems.find((p) => p.key === key);
  assert.ok(found, `a problem on ${key}; got ${JSON.stringify(problems)}`);
  return found;
};

const provider = (id: string) => ({
  id,
  type: 'openai-compatible',
  base_url: 'http://127.0.0.1:8000/v1',
  hosting: { operator: 'Centre national de données', country: 'MA', sovereign: true },
});

describe('loadConfig with no file and no environment', () => {
  let emptyDir: string;
  before(() => {
    emptyDir = mkdtempSync(join(tmpdir(), 'mizan-config-'));
  });
  after(() => rmSync(emptyDir, { recursive: true, force: true }));

  it('uses the documented defaults when nothing is configured', () => {
    const { config, file } = loadConfig({ env: {}, cwd: emptyDir });
    assert.equal(file, undefined);
    assert.equal(config.server.port, 8080);
    assert.equal(config.server.host, '0.0.0.0');
    assert.equal(config.server.body_limit_bytes, 1_048_576);
    assert.equal(config.data_dir, './data');
    assert.equal(config.database.url, undefined);
    assert.equal(config.logging.level, 'info');
    assert.equal(config.limits.default_rpm, 0);
    assert.equal(config.security.admin_token, undefined, 'the admin API is off by default');
  });

  it('serves the built-in mizan-extractive model aliased default when no chat model is configured', () => {
    const { config } = loadConfig({ env: {}, cwd: emptyDir });
    const model = config.models.find((m) => m.id === 'mizan-extractive');
    assert.ok(model);
    assert.equal(model.kind, 'chat');
    assert.deepEqual(model.aliases, ['default']);
    assert.deepEqual(
      config.providers.find((p) => p.id === model.provider),
      { id: model.provider, type: 'extractive' },
    );
  });

  it('adds no built-in model when a chat model is configured', () => {
    const { config } = loadConfig({
      document: { providers: [provider('dc')], models: [{ id: 'atlas', provider: 'dc' }] },
      env: {},
    });
    assert.deepEqual(
      config.models.map((m) => m.id),
      ['atlas'],
    );
    assert.deepEqual(
      config.providers.map((p) => p.id),
      ['dc'],
    );
  });

  it('adds the built-in chat model when only an embedding model is configured', () => {
    const { config } = loadConfig({
      document: { providers: [provider('dc')], models: [{ id: 'e5', provider: 'dc', kind: 'embedding' }] },
      env: {},
    });
    assert.deepEqual(config.models.map((m) => m.id).sort(), ['e5', 'mizan-extractive']);
  });
});

describe('loadConfig with a YAML file', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file and keeps the defaults of what it leaves out', () => {
    const file = write('plain.yaml', 'server:\n  port: 9000\nlimits:\n  default_rpm: 30\n');
    const loaded = loadConfig({ file, env: {} });
    assert.equal(loaded.file, file);
    assert.equal(loaded.config.server.port, 9000);
    assert.equal(loaded.config.server.body_limit_bytes, 1_048_576);
    assert.equal(loaded.config.limits.default_rpm, 30);
  });

  it('reads ./mizan.yaml from the working directory when no file is named', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(cwd, 'mizan.yaml'), 'server:\n  port: 9111\n');
    const loaded = loadConfig({ env: {}, cwd });
    assert.equal(loaded.file, join(cwd, 'mizan.yaml'));
    assert.equal(loaded.config.server.port, 9111);
  });

  it('reads the file named by MIZAN_CONFIG when no file is given', () => {
    const file = write('from-env.yaml', 'server:\n  port: 9222\n');
    assert.equal(loadConfig({ env: { MIZAN_CONFIG: file } }).config.server.port, 9222);
  });

  it('lets PORT, MIZAN_DATA_DIR, DATABASE_URL and MIZAN_LOG_LEVEL win over the file', () => {
    const file = write(
      'overridden.yaml',
      [
        'server:',
        '  port: 9000',
        'data_dir: /var/lib/from-file',
        'database:',
        '  url: postgres://file@db/mizan',
        'security:',
        '  key_hash_secret: a-secret-that-is-long-enough-0123456789',
        'logging:',
        '  level: warn',
      ].join('\n'),
    );
    const { config } = loadConfig({
      file,
      env: {
        PORT: '9100',
        MIZAN_DATA_DIR: '/srv/mizan',
        DATABASE_URL: 'postgresql://env@db/mizan',
        MIZAN_LOG_LEVEL: 'debug',
      },
    });
    assert.equal(config.server.port, 9100);
    assert.equal(config.data_dir, '/srv/mizan');
    assert.equal(config.database.url, 'postgresql://env@db/mizan');
    assert.equal(config.logging.level, 'debug');
  });

  it('ignores an override set to the empty string', () => {
    const file = write('empty-env.yaml', 'server:\n  port: 9000\n');
    assert.equal(loadConfig({ file, env: { PORT: '' } }).config.server.port, 9000);
  });

  it('names server.port and the PORT variable when PORT is not an integer', () => {
    const problem = find(
      problemsOf(() => loadConfig({ document: {}, env: { PORT: 'abc' } })),
      'server.port',
    );
    assert.equal(problem.source, 'PORT');
    assert.match(problem.message, /abc/);
  });

  it('names the variable as the source when an override has a wrong value', () => {
    const level = find(
      problemsOf(() => loadConfig({ document: {}, env: { MIZAN_LOG_LEVEL: 'verbose' } })),
      'logging.level',
    );
    assert.equal(level.source, 'MIZAN_LOG_LEVEL');
    const url = find(
      problemsOf(() => loadConfig({ document: {}, env: { DATABASE_URL: 'mysql://db/mizan' } })),
      'database.url',
    );
    assert.equal(url.source, 'DATABASE_URL');
  });

  it('names the file as the source when a value in the file is wrong', () => {
    const file = write('bad-port.yaml', 'server:\n  port: 70000\n');
    const problem = find(
      problemsOf(() => loadConfig({ file, env: {} })),
      'server.port',
    );
    assert.equal(problem.source, file);
  });

  it('names an unknown key when the file has one, at the top level or in a section', () => {
    const top = problemsOf(() =>
      loadConfig({ file: write('typo-top.yaml', 'sever:\n  port: 1\n'), env: {} }),
    );
    assert.ok(
      top.some((p) => p.message.includes('sever')),
      JSON.stringify(top),
    );
    const nested = problemsOf(() =>
      loadConfig({ file: write('typo-nested.yaml', 'server:\n  prot: 8081\n'), env: {} }),
    );
    const problem = find(nested, 'server');
    assert.match(problem.message, /prot/);
  });

  it('names the file when it is not valid YAML', () => {
    const file = write('broken.yaml', 'server:\n  port: [8080\n  host: x\n');
    const problem = find(
      problemsOf(() => loadConfig({ file, env: {} })),
      '(file)',
    );
    assert.equal(problem.source, file);
    assert.match(problem.message, /YAML/);
  });

  it('names the file when it does not exist', () => {
    const missing = join(dir, 'nowhere.yaml');
    assert.equal(
      find(
        problemsOf(() => loadConfig({ file: missing, env: {} })),
        '(file)',
      ).source,
      missing,
    );
  });

  it('uses the defaults of a section that holds only comments', () => {
    const file = write('comments.yaml', 'database:\n  # url: postgres://x\nserver:\n  port: 9333\n');
    const { config } = loadConfig({ file, env: {} });
    assert.equal(config.database.url, undefined);
    assert.equal(config.server.port, 9333);
  });
});

describe('loadConfig with models referring to providers and each other', () => {
  const load = (models: unknown[], providers: unknown[] = [provider('dc')]) =>
    problemsOf(() => loadConfig({ document: { providers, models }, env: {} }));

  it('names models.N.provider when a model names a missing provider', () => {
    const problem = find(
      load([
        { id: 'atlas', provider: 'dc' },
        { id: 'qwen', provider: 'nowhere' },
      ]),
      'models.1.provider',
    );
    assert.match(problem.message, /nowhere/);
  });

  it('names models.N.fallback.M when a fallback names an unknown model', () => {
    const problem = find(load([{ id: 'atlas', provider: 'dc', fallback: ['ghost'] }]), 'models.0.fallback.0');
    assert.match(problem.message, /ghost/);
  });

  it('names the fallback when a model falls back to itself through an alias', () => {
    find(
      load([{ id: 'atlas', provider: 'dc', aliases: ['default'], fallback: ['default'] }]),
      'models.0.fallback.0',
    );
  });

  it('names models.N when an alias is already taken by another model', () => {
    const problem = find(
      load([
        { id: 'atlas', provider: 'dc', aliases: ['default'] },
        { id: 'qwen', provider: 'dc', aliases: ['default'] },
      ]),
      'models.1',
    );
    assert.match(problem.message, /default/);
  });

  it('names providers.N.id when two providers share an id', () => {
    find(load([{ id: 'atlas', provider: 'dc' }], [provider('dc'), provider('dc')]), 'providers.1.id');
  });

  it('accepts a fallback given by alias when it names another model', () => {
    const { config } = loadConfig({
      document: {
        providers: [provider('dc')],
        models: [
          { id: 'atlas', provider: 'dc', fallback: ['small'] },
          { id: 'qwen', provider: 'dc', aliases: ['small'] },
        ],
      },
      env: {},
    });
    assert.deepEqual(config.models[0]?.fallback, ['small']);
  });
});

describe('loadConfig with the MIZAN_UPSTREAM_* shortcut', () => {
  const shortcut = {
    MIZAN_UPSTREAM_BASE_URL: 'https://llm.gov.ma/v1',
    MIZAN_UPSTREAM_MODEL: 'atlas-chat',
    MIZAN_UPSTREAM_API_KEY: 'sk-upstream',
  };

  it('creates provider upstream hosted in Morocco and its model aliased default when no country is given', () => {
    const { config } = loadConfig({ document: {}, env: shortcut });
    const upstream = config.providers.find((p) => p.id === 'upstream');
    assert.ok(upstream && upstream.type === 'openai-compatible');
    assert.equal(upstream.base_url, 'https://llm.gov.ma/v1');
    assert.equal(upstream.api_key_env, 'MIZAN_UPSTREAM_API_KEY', 'the file never holds the key itself');
    assert.deepEqual(upstream.hosting, { operator: 'llm.gov.ma', country: 'MA', sovereign: true });
    assert.deepEqual(
      config.models.map((m) => [m.id, m.provider, m.aliases, m.approved_for]),
      [['atlas-chat', 'upstream', ['default'], ['minimal', 'limited']]],
    );
  });

  it('approves the model for the tiers MIZAN_UPSTREAM_APPROVED_FOR names, and refuses an unknown tier', () => {
    const { config } = loadConfig({
      document: {},
      env: { ...shortcut, MIZAN_UPSTREAM_APPROVED_FOR: 'minimal, limited, high' },
    });
    assert.deepEqual(config.models[0]?.approved_for, ['minimal', 'limited', 'high']);
    assert.throws(() =>
      loadConfig({ document: {}, env: { ...shortcut, MIZAN_UPSTREAM_APPROVED_FOR: 'hihg' } }),
    );
  });

  it('marks the upstream not sovereign when MIZAN_UPSTREAM_COUNTRY is FR', () => {
    const { config } = loadConfig({ document: {}, env: { ...shortcut, MIZAN_UPSTREAM_COUNTRY: 'FR' } });
    const upstream = config.providers.find((p) => p.id === 'upstream');
    assert.ok(upstream && upstream.type === 'openai-compatible');
    assert.deepEqual(upstream.hosting, { operator: 'llm.gov.ma', country: 'FR', sovereign: false });
  });

  it('sends no key when MIZAN_UPSTREAM_API_KEY is unset', () => {
    const withoutKey = { ...shortcut, MIZAN_UPSTREAM_API_KEY: undefined };
    const upstream = loadConfig({ document: {}, env: withoutKey }).config.providers.find(
      (p) => p.id === 'upstream',
    );
    assert.ok(upstream && upstream.type === 'openai-compatible');
    assert.equal(upstream.api_key_env, undefined);
  });

  it('names MIZAN_UPSTREAM_MODEL when the base URL is set without it', () => {
    const problems = problemsOf(() =>
      loadConfig({ document: {}, env: { MIZAN_UPSTREAM_BASE_URL: shortcut.MIZAN_UPSTREAM_BASE_URL } }),
    );
    assert.ok(
      problems.some((p) => p.source === 'MIZAN_UPSTREAM_MODEL'),
      JSON.stringify(problems),
    );
  });

  it('names MIZAN_UPSTREAM_COUNTRY when the country is not an ISO code in capitals', () => {
    const problems = problemsOf(() =>
      loadConfig({ document: {}, env: { ...shortcut, MIZAN_UPSTREAM_COUNTRY: 'Maroc' } }),
    );
    assert.ok(
      problems.some((p) => p.source === 'MIZAN_UPSTREAM_COUNTRY' && p.key.endsWith('hosting.country')),
      JSON.stringify(problems),
    );
  });

  it('answers a ConfigError naming MIZAN_UPSTREAM_BASE_URL when it is not a URL', () => {
    const problems = problemsOf(() =>
      loadConfig({ document: {}, env: { ...shortcut, MIZAN_UPSTREAM_BASE_URL: 'llm.gov.ma/v1' } }),
    );
    assert.ok(
      problems.some((p) => p.source === 'MIZAN_UPSTREAM_BASE_URL'),
      JSON.stringify(problems),
    );
  });

  it('names MIZAN_UPSTREAM_BASE_URL when the URL is not http or https', () => {
    const problems = problemsOf(() =>
      loadConfig({ document: {}, env: { ...shortcut, MIZAN_UPSTREAM_BASE_URL: 'ftp://llm.gov.ma/v1' } }),
    );
    assert.ok(
      problems.some((p) => p.source === 'MIZAN_UPSTREAM_BASE_URL'),
      JSON.stringify(problems),
    );
  });

  it('adds the upstream beside the file’s providers without taking the default alias', () => {
    const { config } = loadConfig({
      document: {
        providers: [provider('dc')],
        models: [{ id: 'local', provider: 'dc', aliases: ['default'] }],
      },
      env: shortcut,
    });
    assert.deepEqual(
      config.providers.map((p) => p.id),
      ['dc', 'upstream'],
    );
    assert.deepEqual(config.models.find((m) => m.id === 'atlas-chat')?.aliases, []);
  });
});

describe('loadConfig with the example configuration', () => {
  it(
    'loads mizan.example.yaml without problems',
    { skip: !existsSync(EXAMPLE_CONFIG) && 'no mizan.example.yaml' },
    () => {
      const { config, file } = loadConfig({ file: EXAMPLE_CONFIG, env: {} });
      assert.equal(file, EXAMPLE_CONFIG);
      assert.ok(config.providers.length > 0);
      assert.ok(config.models.some((m) => m.kind === 'chat'));
      const names = new Set(config.models.flatMap((m) => [m.id, ...m.aliases]));
      assert.ok(names.has('default'), 'the example gives the default alias to a model');
      for (const model of config.models) {
        for (const fallback of model.fallback)
          assert.ok(names.has(fallback), `${model.id} falls back to ${fallback}`);
      }
    },
  );
});
