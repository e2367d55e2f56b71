/**
 * Configuration: dockside's own files (`.dockside.yaml|yml|json`), validated against
 * `schema/config.schema.json`, and hadolint's `.hadolint.yaml|yml` read when no dockside config is
 * found, so a hadolint user switches with no edits (hadolint-rules.md §3.3).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBounded } from '../io/read-bounded.js';
import type { RuleRegistry } from './registry.js';
import { SEVERITIES, type AnyRule, type Severity } from './types.js';

export type RuleLevelSetting = Severity | 'off' | 'on';

export interface RuleSetting {
  readonly level: RuleLevelSetting;
  readonly options?: Record<string, unknown>;
}

export interface Config {
  /** Keyed by the identity as written in the config. */
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly ignore: readonly string[];
  readonly failureThreshold?: Severity;
  readonly trustedRegistries: readonly string[];
  readonly labelSchema: Readonly<Record<string, string>>;
  readonly strictLabels: boolean;
  readonly disableIgnorePragma: boolean;
  readonly precisePositions: boolean;
  /** The file it came from, or null for the defaults. */
  readonly source: string | null;
}

export const EMPTY_CONFIG: Config = {
  rules: new Map(),
  ignore: [],
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false,
  disableIgnorePragma: false,
  precisePositions: false,
  source: null,
};

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

const DOCKSIDE_NAMES = ['.dockside.yaml', '.dockside.yml', '.dockside.json'];
const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
/** hadolint codes that were retired; accepted in config without complaint (§2). */
const RETIRED_HADOLINT_CODES = new Set(['dl3005', 'dl3017', 'dl3031', 'dl3039', 'dl4002']);

/** Finds the config that applies to a Dockerfile in `startDirectory`, up to the repository root. */
export function findConfigFile(startDirectory: string): string | null {
  let directory = resolve(startDirectory);
  for (;;) {
    for (const name of [...DOCKSIDE_NAMES, ...HADOLINT_NAMES]) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    // The repository root ends the search; so does the file-system root.
    if (existsSync(join(directory, '.git'))) return null;
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

/** Finds dockside configs first across all folders, then hadolint's (a dockside file always wins). */
export function discoverConfigFile(startDirectory: string): string | null {
  const found = findConfigFile(startDirectory);
  if (!found || DOCKSIDE_NAMES.some((name) => found.endsWith(name))) return found;
  // A hadolint file was nearer: a dockside file further up still takes precedence.
  let directory = resolve(startDirectory);
  for (;;) {
    for (const name of DOCKSIDE_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(directory, '.git'))) break;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return found;
}

let cachedValidator: ((data: unknown) => { valid: boolean; message: string }) | null = null;

function schemaPath(): string {
  return fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url));
}

/**
 * The named exports of a CommonJS package loaded with `import()`. Node's ESM loader exposes them on
 * the namespace; the CLI bundle (esbuild, split chunks) only as `default`, i.e. module.exports.
 */
function commonJsExports<Namespace>(namespace: Namespace): Namespace {
  const moduleExports = (namespace as { default?: unknown }).default;
  const usable = moduleExports !== null && (typeof moduleExports === 'object' || typeof moduleExports === 'function');
  return (usable ? moduleExports : namespace) as Namespace;
}

async function validator(): Promise<(data: unknown) => { valid: boolean; message: string }> {
  if (cachedValidator) return cachedValidator;
  // ajv is loaded only when a config file exists (cold start).
  const { Ajv } = commonJsExports(await import('ajv'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as object);
  cachedValidator = (data) => {
    if (validate(data)) return { valid: true, message: '' };
    const first = validate.errors?.[0];
    if (!first) return { valid: false, message: 'invalid configuration' };
    const key = first.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)';
    if (first.keyword === 'additionalProperties') {
      const extra = (first.params as { additionalProperty?: string }).additionalProperty;
      return { valid: false, message: `unknown key "${key === '(root)' ? '' : `${key}.`}${extra}"` };
    }
    if (first.keyword === 'enum') {
      const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      return { valid: false, message: `"${key}" must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}` };
    }
    return { valid: false, message: `"${key}" ${first.message ?? 'is invalid'}` };
  };
  return cachedValidator;
}

async function parseConfigText(file: string, text: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ConfigError(file, `invalid JSON: ${(error as Error).message}`);
    }
  }
  const { parse, YAMLParseError } = commonJsExports(await import('yaml'));
  try {
    return parse(text) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new ConfigError(line ? `${file}:${line}` : file, `invalid YAML: ${error.message.split('\n')[0]}`);
    }
    throw new ConfigError(file, `invalid YAML: ${(error as Error).message}`);
  }
}

function ruleSettingFrom(value: unknown): RuleSetting {
  if (typeof value === 'string') return { level: value as RuleLevelSetting };
  if (Array.isArray(value)) return { level: value[0] as RuleLevelSetting, options: value[1] as Record<string, unknown> };
  const record = value as { severity?: RuleLevelSetting; options?: Record<string, unknown> };
  return { level: record.severity ?? 'on', options: record.options };
}

/** Config files larger than this are refused: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export async function loadConfigFile(file: string, registry: RuleRegistry): Promise<Config> {
  // Bounded: a config named `/dev/zero` (or a link to it) never ended, and every file of the run waits for it.
  const read = readBounded(file, MAX_CONFIG_BYTES);
  if (read.kind === 'folder') throw new ConfigError(file, 'is a directory, not a config file');
  if (read.kind === 'failed') throw new ConfigError(file, `cannot read config: ${read.code}`);
  if (read.kind === 'too-large') {
    throw new ConfigError(file, read.size === null ? `config file too large (over ${MAX_CONFIG_BYTES} bytes)` : `config file too large (${read.size} bytes, limit ${MAX_CONFIG_BYTES})`);
  }
  const text = read.bytes.toString('utf8');
  const data = await parseConfigText(file, text);
  const isHadolint = HADOLINT_NAMES.some((name) => file.endsWith(name)) || /hadolint/i.test(file);
  return isHadolint ? hadolintConfig(file, data) : docksideConfig(file, data, registry);
}

async function docksideConfig(file: string, data: unknown, registry: RuleRegistry): Promise<Config> {
  if (data === null || data === undefined) return { ...EMPTY_CONFIG, source: file };
  const check = (await validator())(data);
  if (!check.valid) throw new ConfigError(file, check.message);
  const record = data as Record<string, unknown>;
  const rules = new Map<string, RuleSetting>();
  for (const [identity, value] of Object.entries((record.rules as Record<string, unknown> | undefined) ?? {})) {
    if (!isKnownIdentity(identity, registry)) throw new ConfigError(file, `unknown rule "${identity}" in "rules"`);
    const setting = ruleSettingFrom(value);
    const rule = registry.find(identity);
    if (rule && setting.options) validateRuleOptions(file, identity, rule, setting.options);
    rules.set(identity, setting);
  }
  const ignore = (record.ignore as string[] | undefined) ?? [];
  for (const identity of ignore) {
    if (!isKnownIdentity(identity, registry)) throw new ConfigError(file, `unknown rule "${identity}" in "ignore"`);
  }
  return {
    rules,
    ignore,
    failureThreshold: record.failureThreshold as Severity | undefined,
    trustedRegistries: (record.trustedRegistries as string[] | undefined) ?? [],
    labelSchema: (record.labelSchema as Record<string, string> | undefined) ?? {},
    strictLabels: (record.strictLabels as boolean | undefined) ?? false,
    disableIgnorePragma: (record.disableIgnorePragma as boolean | undefined) ?? false,
    precisePositions: (record.precisePositions as boolean | undefined) ?? false,
    source: file,
  };
}

function isKnownIdentity(identity: string, registry: RuleRegistry): boolean {
  const lower = identity.toLowerCase();
  return registry.find(identity) !== undefined || RETIRED_HADOLINT_CODES.has(lower) || /^sc\d{4}$/.test(lower);
}

function validateRuleOptions(file: string, identity: string, rule: AnyRule, options: Record<string, unknown>): void {
  const schema = rule.meta.optionsSchema as { properties?: Record<string, { type?: string; minimum?: number }> } | undefined;
  const properties = schema?.properties ?? {};
  for (const [key, value] of Object.entries(options)) {
    const property = properties[key];
    if (!property) throw new ConfigError(file, `unknown option "${key}" for rule "${identity}"`);
    if (property.type === 'integer' || property.type === 'number') {
      if (typeof value !== 'number' || (property.type === 'integer' && !Number.isInteger(value))) {
        throw new ConfigError(file, `option "${key}" of rule "${identity}" must be ${property.type === 'integer' ? 'an integer' : 'a number'}`);
      }
      if (property.minimum !== undefined && value < property.minimum) {
        throw new ConfigError(file, `option "${key}" of rule "${identity}" must be at least ${property.minimum}`);
      }
    } else if (property.type && typeof value !== property.type && !(property.type === 'array' && Array.isArray(value))) {
      throw new ConfigError(file, `option "${key}" of rule "${identity}" must be of type ${property.type}`);
    }
  }
}

const HADOLINT_LEVELS = new Set(['error', 'warning', 'info', 'style', 'ignore', 'none']);

/** `.hadolint.yaml` keys (§3.3); unknown keys are ignored as hadolint does, bad values are errors. */
function hadolintConfig(file: string, data: unknown): Config {
  if (data === null || data === undefined) return { ...EMPTY_CONFIG, source: file };
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, 'expected a mapping at the top level');
  const record = data as Record<string, unknown>;
  const stringList = (key: string): string[] => {
    const value = record[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw new ConfigError(file, `"${key}" must be a list of strings`);
    }
    return value as string[];
  };
  const rules = new Map<string, RuleSetting>();
  const override = record.override;
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) throw new ConfigError(file, '"override" must be a mapping');
    // When a code is in several lists, error > warning > info > style wins (§3.3): apply weakest first.
    for (const level of ['style', 'info', 'warning', 'error'] as const) {
      const codes = (override as Record<string, unknown>)[level];
      if (codes === undefined || codes === null) continue;
      if (!Array.isArray(codes)) throw new ConfigError(file, `"override.${level}" must be a list of rule codes`);
      for (const code of codes) rules.set(String(code), { level });
    }
  }
  const ignored = stringList('ignored');
  let failureThreshold: Severity | undefined;
  const threshold = record['failure-threshold'];
  if (threshold !== undefined) {
    if (typeof threshold !== 'string' || !HADOLINT_LEVELS.has(threshold)) {
      throw new ConfigError(file, `"failure-threshold" must be one of error, warning, info, style, ignore, none`);
    }
    // hadolint's `ignore`/`none` fail on any finding: the least severe level does the same here.
    failureThreshold = threshold === 'ignore' || threshold === 'none' ? 'style' : (threshold as Severity);
  }
  const labelSchema = record['label-schema'];
  if (labelSchema !== undefined && (typeof labelSchema !== 'object' || Array.isArray(labelSchema))) {
    throw new ConfigError(file, '"label-schema" must be a mapping of label name to type');
  }
  const strictLabels = record['strict-labels'];
  if (strictLabels !== undefined && typeof strictLabels !== 'boolean') throw new ConfigError(file, '"strict-labels" must be true or false');
  const disableIgnorePragma = record['disable-ignore-pragma'];
  return {
    rules,
    ignore: ignored,
    failureThreshold,
    trustedRegistries: stringList('trustedRegistries'),
    labelSchema: Object.fromEntries(
      Object.entries((labelSchema as Record<string, unknown> | undefined) ?? {}).map(([key, value]) => [key, String(value ?? '')]),
    ),
    strictLabels: strictLabels === true,
    disableIgnorePragma: disableIgnorePragma === true,
    precisePositions: false,
    source: file,
  };
}

/** The configuration parsed from a JSON-compatible object (tests, the Action). */
export async function configFromObject(data: unknown, registry: RuleRegistry, kind: 'dockside' | 'hadolint' = 'dockside'): Promise<Config> {
  return kind === 'hadolint' ? hadolintConfig('(inline config)', data) : docksideConfig('(inline config)', data, registry);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
