import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { configSchema, type MizanConfig } from './schema.js';

export interface ConfigProblem {
  /** Dotted path in the YAML file, e.g. `providers.0.base_url`. */
  key: string;
  /** Where the faulty value came from: the file or an environment variable. */
  source: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(
      'invalid configuration:\n' + problems.map((p) => `  - ${p.key} (${p.source}): ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadedConfig {
  config: MizanConfig;
  /** The file read, if any. */
  file: string | undefined;
  /** Problems that do not stop the server outside production, such as a secret written in the file. */
  warnings: string[];
}

type Env = Record<string, string | undefined>;
type RawConfig = Record<string, unknown>;

/** Environment variables that override one key of the file; the README's configuration table lists the same. */
export const environmentOverrides: ReadonlyArray<{ env: string; key: string; kind: 'string' | 'integer' }> = [
  { env: 'PORT', key: 'server.port', kind: 'integer' },
  { env: 'MIZAN_HOST', key: 'server.host', kind: 'string' },
  { env: 'MIZAN_BODY_LIMIT_BYTES', key: 'server.body_limit_bytes', kind: 'integer' },
  { env: 'MIZAN_DATA_DIR', key: 'data_dir', kind: 'string' },
  { env: 'DATABASE_URL', key: 'database.url', kind: 'string' },
  { env: 'MIZAN_SECRET', key: 'security.key_hash_secret', kind: 'string' },
  { env: 'MIZAN_ADMIN_TOKEN', key: 'security.admin_token', kind: 'string' },
  { env: 'MIZAN_LOG_LEVEL', key: 'logging.level', kind: 'string' },
  { env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', key: 'tracing.otlp_endpoint', kind: 'string' },
  { env: 'OTEL_SERVICE_NAME', key: 'tracing.service_name', kind: 'string' },
];

/** The id under which the `MIZAN_UPSTREAM_*` shortcut registers its provider. */
export const SHORTCUT_PROVIDER_ID = 'upstream';
export const EXTRACTIVE_PROVIDER_ID = 'builtin';
export const EXTRACTIVE_MODEL_ID = 'mizan-extractive';

/**
 * Reads the YAML file (explicit path, else `MIZAN_CONFIG`, else `./mizan.yaml` when present), applies the
 * environment, validates, and checks what a schema cannot: references between providers, models and fallbacks.
 */
export function loadConfig(
  options: {
    file?: string;
    env?: Env;
    cwd?: string;
    /** Used instead of a file, e.g. by tests. */ document?: RawConfig;
  } = {},
): LoadedConfig {
  const env = options.env ?? process.env;
  const file = options.document
    ? undefined
    : resolveFile(options.file ?? env.MIZAN_CONFIG, options.cwd ?? process.cwd());
  const sources = new Map<string, string>();
  const raw = options.document ? structuredClone(options.document) : file ? readYaml(file) : {};
  for (const key of allKeys(raw)) sources.set(key, file ?? 'file');

  const problems: ConfigProblem[] = [];
  const literalSecrets = resolveSecrets(raw, env, sources, problems, file ?? 'file');
  for (const override of environmentOverrides) {
    const value = fromEnvironment(env, override.env, problems, override.key);
    if (value === undefined || value === '') continue;
    const parsed = override.kind === 'integer' ? Number(value) : value;
    if (override.kind === 'integer' && !Number.isInteger(parsed)) {
      problems.push({
        key: override.key,
        source: override.env,
        message: `expected an integer, got "${value}"`,
      });
      continue;
    }
    setPath(raw, override.key, parsed);
    sources.set(override.key, override.env);
  }
  applyUpstreamShortcut(raw, env, sources, problems);

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    problems.push(...result.error.issues.map((issue) => toProblem(issue, sources, file)));
    throw new ConfigError(problems);
  }
  const warnings: string[] = [];
  for (const key of literalSecrets) {
    const message = `a secret written in the configuration: give it as "\${ENV_VAR}", in ${key.split('.').at(-1)}_file, or by its environment variable`;
    // Outside production a literal secret is tolerated, so that a development file can stay self-contained.
    if (env.NODE_ENV === 'production') problems.push({ key, source: file ?? 'file', message });
    else warnings.push(`${key}: ${message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config = withBuiltinAnswerer(result.data);
  const referenceProblems = checkReferences(config, sources, file);
  if (referenceProblems.length > 0) throw new ConfigError(referenceProblems);
  return { config, file, warnings };
}

/** A key whose value is a secret: never to be written in the file itself. */
const SECRET_KEY = /(secret|token|password|private_key|api_key)$/;
/** Headers sent to another service: any may be read from `<header>_file`, and those named like credentials are secrets. */
const HEADER_MAPS = new Set(['tracing.headers']);
const CREDENTIAL_HEADER = /(authorization|key|token|secret|password)$/i;
const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Secrets come from the environment or from files (Docker and Kubernetes secrets): any string may reference
 * variables as `${NAME}`, and any secret key may be given as `<key>_file`, a path whose content (without its final
 * newline) is the secret. Returns the secret keys whose values were written in the document itself.
 */
function resolveSecrets(
  node: unknown,
  env: Env,
  sources: Map<string, string>,
  problems: ConfigProblem[],
  origin: string,
  prefix = '',
): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as RawConfig;
  const literal: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    const key = prefix ? `${prefix}.${name}` : name;
    const secretFile =
      name.endsWith('_file') && (HEADER_MAPS.has(prefix) || SECRET_KEY.test(name.slice(0, -'_file'.length)));
    if (secretFile && typeof value === 'string') {
      const target = name.slice(0, -'_file'.length);
      const targetKey = prefix ? `${prefix}.${target}` : target;
      delete record[name];
      if (target in record) {
        problems.push({ key, source: origin, message: `give either ${target} or ${name}, not both` });
        continue;
      }
      const content = readSecretFile(value, key, origin, problems);
      if (content !== undefined) record[target] = content;
      sources.set(targetKey, value);
    } else if (typeof value === 'string' && value.includes('${')) {
      record[name] = value.replace(ENV_REFERENCE, (_match, variable: string) => {
        const found = env[variable];
        if (found === undefined)
          problems.push({ key, source: origin, message: `environment variable ${variable} is not set` });
        return found ?? '';
      });
      sources.set(key, `${origin} (environment)`);
    } else if (typeof value === 'string') {
      const credentialHeader = HEADER_MAPS.has(prefix) && CREDENTIAL_HEADER.test(name);
      if (SECRET_KEY.test(name) || credentialHeader || (/(^|_)url$/.test(name) && hasPassword(value)))
        literal.push(key);
    } else {
      literal.push(...resolveSecrets(value, env, sources, problems, origin, key));
    }
  }
  return literal;
}

/** `NAME`, or else the content of the file named by `NAME_FILE`. */
function fromEnvironment(env: Env, name: string, problems: ConfigProblem[], key: string) {
  const value = env[name];
  const file = env[`${name}_FILE`];
  if ((value !== undefined && value !== '') || !file) return value;
  return readSecretFile(file, key, `${name}_FILE`, problems);
}

function readSecretFile(path: string, key: string, source: string, problems: ConfigProblem[]) {
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    problems.push({
      key,
      source,
      message: `cannot read the secret file ${path}: ${(error as Error).message}`,
    });
    return undefined;
  }
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return false;
  }
}

function resolveFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new ConfigError([{ key: '(file)', source: explicit, message: 'configuration file not found' }]);
    }
    return explicit;
  }
  const implicit = `${cwd}/mizan.yaml`;
  return existsSync(implicit) ? implicit : undefined;
}

function readYaml(file: string): RawConfig {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([
      { key: '(file)', source: file, message: `not valid YAML: ${(error as Error).message}` },
    ]);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError([{ key: '(file)', source: file, message: 'the top level must be a mapping' }]);
  }
  // A section left with only comments parses as null: it means "the defaults", not an error.
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== null));
}

/** `MIZAN_UPSTREAM_*`: one OpenAI-compatible upstream and one model, without writing a file. */
function applyUpstreamShortcut(
  raw: RawConfig,
  env: Env,
  sources: Map<string, string>,
  problems: ConfigProblem[],
): void {
  const baseUrl = env.MIZAN_UPSTREAM_BASE_URL;
  if (!baseUrl) return;
  const model = env.MIZAN_UPSTREAM_MODEL;
  if (!model) {
    problems.push({
      key: 'models',
      source: 'MIZAN_UPSTREAM_MODEL',
      message: 'required with MIZAN_UPSTREAM_BASE_URL: the model name the upstream serves',
    });
    return;
  }
  let operator: string;
  try {
    operator = new URL(baseUrl).hostname;
  } catch {
    problems.push({
      key: 'providers',
      source: 'MIZAN_UPSTREAM_BASE_URL',
      message: `not a URL: "${baseUrl}" (expected e.g. http://127.0.0.1:8000/v1)`,
    });
    return;
  }
  const country = env.MIZAN_UPSTREAM_COUNTRY || 'MA';
  const providers = Array.isArray(raw.providers) ? raw.providers : [];
  const models = Array.isArray(raw.models) ? raw.models : [];
  const index = providers.length;
  providers.push({
    id: SHORTCUT_PROVIDER_ID,
    type: 'openai-compatible',
    base_url: baseUrl,
    ...(env.MIZAN_UPSTREAM_API_KEY ? { api_key_env: 'MIZAN_UPSTREAM_API_KEY' } : {}),
    hosting: { operator, country, sovereign: country === 'MA' },
  });
  // Connecting a model this way is the operator's act: it may serve minimal- and limited-risk uses at once;
  // MIZAN_UPSTREAM_APPROVED_FOR says otherwise (e.g. "minimal,limited,high" once its evaluation passed).
  const approvedFor = (env.MIZAN_UPSTREAM_APPROVED_FOR ?? 'minimal,limited')
    .split(',')
    .map((tier) => tier.trim())
    .filter(Boolean);
  models.push({
    id: model,
    provider: SHORTCUT_PROVIDER_ID,
    aliases: models.length === 0 ? ['default'] : [],
    approved_for: approvedFor,
  });
  raw.providers = providers;
  raw.models = models;
  sources.set(`providers.${index}.base_url`, 'MIZAN_UPSTREAM_BASE_URL');
  sources.set(`providers.${index}.hosting.country`, 'MIZAN_UPSTREAM_COUNTRY');
}

/** With no chat model configured, the built-in answerer serves so that `npm start` works out of the box. */
function withBuiltinAnswerer(config: MizanConfig): MizanConfig {
  if (config.models.some((m) => m.kind === 'chat')) return config;
  return {
    ...config,
    providers: [...config.providers, { id: EXTRACTIVE_PROVIDER_ID, type: 'extractive' }],
    models: [
      ...config.models,
      {
        id: EXTRACTIVE_MODEL_ID,
        provider: EXTRACTIVE_PROVIDER_ID,
        kind: 'chat',
        aliases: ['default'],
        licence: 'Apache-2.0',
        languages: ['ary', 'arb', 'zgh', 'fra', 'eng'],
        approved_for: ['minimal', 'limited', 'high'],
        fallback: [],
      },
    ],
  };
}

function checkReferences(
  config: MizanConfig,
  sources: Map<string, string>,
  file: string | undefined,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const problem = (key: string, message: string) =>
    problems.push({ key, source: sources.get(key) ?? file ?? 'defaults', message });

  const providerIds = new Set<string>();
  config.providers.forEach((p, i) => {
    if (providerIds.has(p.id)) problem(`providers.${i}.id`, `duplicate provider id "${p.id}"`);
    providerIds.add(p.id);
  });

  const names = new Map<string, string>();
  config.models.forEach((m, i) => {
    if (!providerIds.has(m.provider)) problem(`models.${i}.provider`, `no provider with id "${m.provider}"`);
    for (const name of [m.id, ...m.aliases]) {
      const owner = names.get(name);
      if (owner !== undefined && owner !== m.id)
        problem(`models.${i}`, `"${name}" already names model "${owner}"`);
      names.set(name, m.id);
    }
  });
  config.models.forEach((m, i) => {
    m.fallback.forEach((f, j) => {
      const target = names.get(f);
      if (target === undefined) problem(`models.${i}.fallback.${j}`, `no model named "${f}"`);
      else if (target === m.id) problem(`models.${i}.fallback.${j}`, 'a model cannot fall back to itself');
    });
  });
  return problems;
}

function toProblem(
  issue: z.core.$ZodIssue,
  sources: Map<string, string>,
  file: string | undefined,
): ConfigProblem {
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  let source = sources.get(key);
  for (let i = issue.path.length; source === undefined && i > 0; i--) {
    source = sources.get(issue.path.slice(0, i).join('.'));
  }
  const message =
    issue.code === 'unrecognized_keys' ? `unknown key(s): ${issue.keys.join(', ')}` : issue.message;
  return { key, source: source ?? file ?? 'defaults', message };
}

function setPath(target: RawConfig, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node: RawConfig = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as RawConfig;
  }
  node[parts[parts.length - 1]!] = value;
}

/** Every dotted key of a parsed YAML document, at every depth, so a faulty value can be traced to the file. */
function allKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return [key, ...allKeys(v, key)];
  });
}
