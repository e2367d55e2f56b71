/**
 * The engine: one parsed model, every enabled rule, then suppression (pragmas, BuildKit check
 * config, config `ignore`), then findings sorted by position. Rules never see config or files.
 */
import { releaseDerivedFacts } from '../parser/derived.js';
import { parseDockerfile } from '../parser/parse.js';
import { initShellParser, ShellParserNotReady } from '../parser/shell.js';
import type { Dockerfile, Instruction } from '../parser/types.js';
import type { BuildContext } from '../context/types.js';
import {
  CHECKS_NOT_SCOPED_BY_INSTRUCTION_COMMENTS,
  anyCheckCommentEnables,
  instructionCheckComment,
  isCheckEnabled,
  isEnabledByCheckComment,
  isSkippedByCheckComment,
  resolveCheckConfiguration,
  type CheckConfiguration,
} from './check-directive.js';
import { EMPTY_CONFIG, type Config } from './config.js';
import { parsePragmas, PragmaFilter } from './pragmas.js';
import type { RuleRegistry } from './registry.js';
import { compareNames, type AnyRule, type FileResult, type Finding, type LintSettings, type Mutable, type ReportDescriptor, type RuleContext, type Severity } from './types.js';

/** BuildKit's check names; a rule with one of these as an alias obeys `# check=`. */
export const BUILDKIT_CHECK_NAMES: ReadonlySet<string> = new Set([
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
  'InvalidBaseImagePlatform',
]);

export const PARSE_ERROR_CODE = 'DL1000';
export const PARSE_ERROR_RULE = 'parse-error';

export interface EngineOptions {
  readonly registry: RuleRegistry;
  readonly config?: Config;
  readonly buildArgs?: ReadonlyMap<string, string>;
  /** `--target`: the stage the build ends with (default: the last). */
  readonly target?: string | null;
  /** Called at most once per file, only when an enabled rule requires the build context. */
  readonly loadBuildContext?: (dockerfile: Dockerfile) => BuildContext | null;
  /** Run only these rules (identities), enabling them whatever the defaults (rule tests). */
  readonly only?: readonly string[];
  /** Overrides `config.precisePositions`. */
  readonly precisePositions?: boolean;
  /** See LintSettings.shellcheckAvailable. */
  readonly shellcheckAvailable?: () => boolean;
  /**
   * Attach each fix's edits to its finding (default true). A run that neither fixes nor prints
   * fixes passes false: ~70,000 fixes over the corpus were built, copied from the workers and kept
   * until the report for nothing but their applicability.
   */
  readonly keepFixes?: boolean;
}

const buildkitNameCache = new WeakMap<AnyRule, string | null>();
export function buildkitNameOf(rule: AnyRule): string | null {
  let name = buildkitNameCache.get(rule);
  if (name === undefined) {
    name = rule.meta.aliases.find((alias) => BUILDKIT_CHECK_NAMES.has(alias)) ?? null;
    buildkitNameCache.set(rule, name);
  }
  return name;
}

/** A rule's identities, lower-cased, computed once per rule (they are read for every file). */
const identityCache = new WeakMap<AnyRule, readonly string[]>();
function identitiesOf(rule: AnyRule): readonly string[] {
  let identities = identityCache.get(rule);
  if (!identities) {
    identities = [rule.meta.code, rule.meta.name, ...rule.meta.aliases].map((identity) => identity.toLowerCase());
    identityCache.set(rule, identities);
  }
  return identities;
}

/** What a config says about one rule: explicitly on or off (or nothing), severity, options. */
interface ConfigVerdict {
  readonly explicitlyEnabled: boolean | undefined;
  readonly severity: Severity;
  readonly options: unknown;
}

/** Config verdicts are the same for every file under one config: computed once per config. */
const verdictCache = new WeakMap<Config, Map<AnyRule, ConfigVerdict>>();
function configVerdict(config: Config, rule: AnyRule): ConfigVerdict {
  let verdicts = verdictCache.get(config);
  if (!verdicts) {
    verdicts = new Map();
    verdictCache.set(config, verdicts);
  }
  let verdict = verdicts.get(rule);
  if (!verdict) {
    const identities = identitiesOf(rule);
    let explicitlyEnabled: boolean | undefined;
    let severity: Severity = rule.meta.severity;
    let ruleOptions: unknown = rule.defaultOptions;
    for (const [identity, setting] of config.rules) {
      if (!identities.includes(identity.toLowerCase())) continue;
      if (setting.level === 'off') explicitlyEnabled = false;
      else {
        explicitlyEnabled = true;
        if (setting.level !== 'on') severity = setting.level;
      }
      if (setting.options) ruleOptions = { ...(rule.defaultOptions as object), ...setting.options };
    }
    verdict = { explicitlyEnabled, severity, options: ruleOptions };
    verdicts.set(rule, verdict);
  }
  return verdict;
}

/**
 * A rule as the engine runs it. The metadata the engine reads for every file and finding is copied
 * here from `rule.meta`: the ~100 rules' meta objects have as many shapes (each lists only the
 * optional keys it sets), so reading `meta.requiresContext` or `meta.code` in the engine's loops
 * was a megamorphic load, one of the most frequent inline-cache misses of a run (`--log-ic`).
 * Every ActiveRule is made by `activeRule`, so all share one shape.
 */
interface ActiveRule {
  readonly rule: AnyRule;
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly experimental: boolean;
  readonly requiresContext: boolean;
  readonly judgesIgnoreFile: boolean;
  readonly severity: Severity;
  readonly options: unknown;
  readonly buildkitName: string | null;
  /** The rule's identities, lower-cased (pragmas and `ignore` match them). */
  readonly identities: readonly string[];
  /** Experimental, and on only where an instruction's `# check=experimental=` asks for it. */
  readonly enabledOnlyByCheckComments: boolean;
}

function activeRule(rule: AnyRule, verdict: Pick<ConfigVerdict, 'severity' | 'options'>, enabledOnlyByCheckComments: boolean): ActiveRule {
  const { meta } = rule;
  return {
    rule,
    code: meta.code,
    name: meta.name,
    aliases: meta.aliases,
    experimental: meta.experimental === true,
    requiresContext: meta.requiresContext === true,
    judgesIgnoreFile: meta.judgesIgnoreFile === true,
    severity: verdict.severity,
    options: verdict.options,
    buildkitName: buildkitNameOf(rule),
    identities: identitiesOf(rule),
    enabledOnlyByCheckComments,
  };
}

/**
 * What a config decides for every rule, once per config (and `only` list): the rules that are on
 * whatever the file says, and the experimental BuildKit checks a file can switch on itself.
 */
interface RulePlan {
  readonly entries: readonly { readonly active: ActiveRule; readonly onByDefault: boolean; readonly decidedByFile: boolean }[];
  /** The rules of a file that enables no experimental check itself: most files, so built once. */
  readonly withoutFileDecisions: readonly ActiveRule[];
  /** The entries a file may turn on (experimental BuildKit checks): a few. */
  readonly decidedByFile: readonly ActiveRule[];
  /** The config's `ignore` list, lower-cased. */
  readonly ignored: ReadonlySet<string>;
}

const planCache = new WeakMap<RuleRegistry, WeakMap<Config, Map<string, RulePlan>>>();

function rulePlan(registry: RuleRegistry, config: Config, only: readonly string[] | undefined): RulePlan {
  let byConfig = planCache.get(registry);
  if (!byConfig) planCache.set(registry, (byConfig = new WeakMap()));
  let byOnly = byConfig.get(config);
  if (!byOnly) byConfig.set(config, (byOnly = new Map()));
  const onlyKey = only ? only.join('\0') : '';
  let plan = byOnly.get(onlyKey);
  if (plan) return plan;
  const onlySet = only ? new Set(only.map((identity) => identity.toLowerCase())) : null;
  const entries: RulePlan['entries'][number][] = [];
  for (const rule of registry.rules) {
    const buildkitName = buildkitNameOf(rule);
    const verdict = configVerdict(config, rule);
    const identities = identitiesOf(rule);
    let onByDefault = rule.meta.enabledByDefault && !rule.meta.experimental;
    // An experimental check can be enabled by the file (`# check=experimental=`, buildkit-checks.md §4).
    let decidedByFile = buildkitName !== null && rule.meta.experimental === true;
    if (verdict.explicitlyEnabled !== undefined) {
      onByDefault = verdict.explicitlyEnabled;
      decidedByFile = false;
    }
    if (onlySet) {
      onByDefault = identities.some((identity) => onlySet.has(identity));
      decidedByFile = false;
    }
    if (!onByDefault && !decidedByFile) continue;
    entries.push({ active: activeRule(rule, verdict, false), onByDefault, decidedByFile });
  }
  plan = {
    entries,
    withoutFileDecisions: entries.filter((entry) => !entry.decidedByFile && entry.onByDefault).map((entry) => entry.active),
    decidedByFile: entries.filter((entry) => entry.decidedByFile).map((entry) => entry.active),
    ignored: new Set(config.ignore.map((identity) => identity.toLowerCase())),
  };
  byOnly.set(onlyKey, plan);
  return plan;
}

/** Which rules run, at which severity and with which options, for one file. */
export function activeRules(dockerfile: Dockerfile | null, options: EngineOptions): readonly ActiveRule[] {
  const plan = rulePlan(options.registry, options.config ?? EMPTY_CONFIG, options.only);
  const checkConfig = dockerfile ? resolveCheckConfiguration(dockerfile, options.buildArgs ?? new Map()) : null;
  return rulesForFile(plan, dockerfile, checkConfig);
}

function rulesForFile(plan: RulePlan, dockerfile: Dockerfile | null, checkConfig: CheckConfiguration | null): readonly ActiveRule[] {
  // Files that turn on none of the experimental checks (nearly all) share the plan's list: one
  // built per file was ~100 entries and 2.5 KB of garbage each.
  if (!plan.decidedByFile.some((entry) => enabledByFile(entry, dockerfile, checkConfig))) return plan.withoutFileDecisions;
  const active: ActiveRule[] = [];
  for (const { active: entry, onByDefault, decidedByFile } of plan.entries) {
    if (!decidedByFile) {
      if (onByDefault) active.push(entry);
      continue;
    }
    const enabled = enabledByFile(entry, dockerfile, checkConfig);
    if (enabled === 'by-config') active.push(entry);
    // Runs only for the instructions whose `# check=experimental=` asks for it (filtered in `report`).
    else if (enabled === 'by-comments') active.push(activeRule(entry.rule, entry, true));
  }
  return active;
}

/** Whether a file turns an experimental check on, for the whole file or for commented instructions. */
function enabledByFile(entry: ActiveRule, dockerfile: Dockerfile | null, checkConfig: CheckConfiguration | null): 'by-config' | 'by-comments' | null {
  if (checkConfig === null || checkConfig.error) return null;
  const buildkitName = entry.buildkitName!;
  if (isCheckEnabled(checkConfig.options, buildkitName, true)) return 'by-config';
  return dockerfile !== null && anyCheckCommentEnables(dockerfile, buildkitName) ? 'by-comments' : null;
}

function settingsFrom(config: Config, options: EngineOptions): LintSettings {
  return {
    trustedRegistries: config.trustedRegistries,
    labelSchema: config.labelSchema,
    strictLabels: config.strictLabels,
    buildArgs: options.buildArgs ?? new Map(),
    precisePositions: options.precisePositions ?? config.precisePositions,
    shellcheckAvailable: options.shellcheckAvailable,
  };
}

/** The instruction whose lines hold `line`, found by binary search over start lines. */
function instructionAt(instructions: readonly Instruction[], line: number): Instruction | undefined {
  let low = 0;
  let high = instructions.length - 1;
  let found: Instruction | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = instructions[middle]!;
    if (candidate.startLine <= line) {
      found = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found && line <= found.endLine ? found : undefined;
}

/** What the checks of one file run with: decided once, before any rule prepares or checks it. */
interface FilePlan {
  readonly config: Config;
  readonly settings: LintSettings;
  readonly checkConfig: CheckConfiguration;
  readonly active: readonly ActiveRule[];
  readonly ignored: ReadonlySet<string>;
}

/** The rules that check this file, or null when it has no instructions (nothing but parse errors to say). */
function planFile(dockerfile: Dockerfile, options: EngineOptions): FilePlan | null {
  if (dockerfile.instructions.length === 0) return null;
  const config = options.config ?? EMPTY_CONFIG;
  const settings = settingsFrom(config, options);
  const plan = rulePlan(options.registry, config, options.only);
  const checkConfig = resolveCheckConfiguration(dockerfile, settings.buildArgs);
  return { config, settings, checkConfig, active: rulesForFile(plan, dockerfile, checkConfig), ignored: plan.ignored };
}

/** Whether a rule the plan holds runs at all: BuildKit's check config can still turn it off. */
function runsOnFile({ experimental, buildkitName }: ActiveRule, checkConfig: CheckConfiguration): boolean {
  if (!buildkitName) return true;
  // A malformed check config makes BuildKit run no check at all (§1 step 1).
  if (checkConfig.error) return false;
  return experimental || isCheckEnabled(checkConfig.options, buildkitName, false);
}

/** Awaits the `prepare` of every rule that will check the file (Rule.prepare). */
async function prepareRules(dockerfile: Dockerfile, plan: FilePlan): Promise<void> {
  const preparing: Promise<void>[] = [];
  for (const entry of plan.active) {
    if (entry.rule.prepare && runsOnFile(entry, plan.checkConfig)) {
      preparing.push(entry.rule.prepare({ dockerfile, options: entry.options, settings: plan.settings }));
    }
  }
  if (preparing.length > 0) await Promise.all(preparing);
}

export function lintDockerfile(dockerfile: Dockerfile, options: EngineOptions): Finding[] {
  return checkFile(dockerfile, options, planFile(dockerfile, options));
}

function checkFile(dockerfile: Dockerfile, options: EngineOptions, filePlan: FilePlan | null): Finding[] {
  const findings: Finding[] = [];
  const file = dockerfile.path;

  for (const error of dockerfile.parseErrors) {
    findings.push({
      file,
      line: error.line,
      column: error.column,
      endLine: error.line,
      endColumn: error.column,
      code: PARSE_ERROR_CODE,
      rule: PARSE_ERROR_RULE,
      aliases: [],
      level: error.fatal ? 'error' : 'warning',
      message: error.message,
      fixable: false,
    });
  }
  // An empty or binary file has nothing more to say.
  if (filePlan === null) return findings;
  const { config, settings, checkConfig, active, ignored } = filePlan;
  if (checkConfig.error) {
    const directive = dockerfile.directives.find((candidate) => candidate.name === 'check');
    findings.push({
      file,
      line: directive?.line ?? 1,
      column: 1,
      endLine: directive?.line ?? 1,
      endColumn: (directive?.range.end.column ?? 1),
      code: PARSE_ERROR_CODE,
      rule: PARSE_ERROR_RULE,
      aliases: [],
      level: 'error',
      message: checkConfig.error,
      fixable: false,
    });
  }
  // Most files have no ignore pragma: then nothing is suppressed by one, and no filter is built.
  const parsedPragmas = config.disableIgnorePragma ? null : parsePragmas(dockerfile);
  const pragmas = parsedPragmas && parsedPragmas.ignores.length > 0 ? new PragmaFilter(dockerfile, parsedPragmas) : null;
  const keepFixes = options.keepFixes ?? true;

  const state: FileBeingChecked = { current: active[0]!, dockerfile, file, settings, checkConfig, pragmas, ignored, keepFixes, findings };
  const context: Mutable<RuleContext<unknown>> = {
    dockerfile,
    options: undefined,
    settings,
    buildContext: null,
    report: reportFinding,
  };
  // Checks run synchronously, one file at a time; the previous state comes back in case a check
  // ever lints another file itself.
  const outerFile = fileBeingChecked;
  fileBeingChecked = state;
  try {
    runChecks(state, context, active, options);
  } finally {
    fileBeingChecked = outerFile;
  }
  // The rules are done with this file: facts memoised for it would only keep it alive.
  releaseDerivedFacts();
  return findings.sort(compareFindings);
}

function runChecks(state: FileBeingChecked, context: Mutable<RuleContext<unknown>>, active: readonly ActiveRule[], options: EngineOptions): void {
  const { dockerfile, checkConfig, findings, file } = state;
  let buildContext: BuildContext | null | undefined;
  for (const entry of active) {
    const { rule } = entry;
    if (!runsOnFile(entry, checkConfig)) continue;
    if (entry.requiresContext) {
      if (buildContext === undefined) buildContext = options.loadBuildContext?.(dockerfile) ?? null;
    }
    state.current = entry;
    context.options = entry.options;
    // An ignore file that cannot be read leaves what the context sends unknown (and stops the build
    // before anything is sent): only the rules that judge the ignore file itself see the context.
    const ruleContext = entry.requiresContext ? (buildContext ?? null) : null;
    const contextKnown = ruleContext === null || ruleContext.dockerignore.readError === null || entry.judgesIgnoreFile;
    context.buildContext = contextKnown ? ruleContext : null;
    try {
      rule.check(context);
    } catch (error) {
      // A rule bug must not take the file down: report it once and go on with the other rules.
      findings.push({
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        code: 'internal-error',
        rule: 'internal-error',
        aliases: [],
        level: 'error',
        message: `rule ${entry.code} failed on this file: ${(error as Error).message ?? String(error)}`,
        fixable: false,
      });
    }
  }
}

/**
 * What `reportFinding` needs of the file whose checks are running. One report function serves
 * every file, not a closure per file: a check that had only met one file's closure when V8
 * optimised it had that closure's identity built into its code, and the next file's threw the
 * code away ("wrong call target", five checks per worker over the corpus).
 */
interface FileBeingChecked {
  /** The rule whose check is running. */
  current: ActiveRule;
  readonly dockerfile: Dockerfile;
  readonly file: string;
  readonly settings: LintSettings;
  readonly checkConfig: CheckConfiguration;
  readonly pragmas: PragmaFilter | null;
  readonly ignored: ReadonlySet<string>;
  readonly keepFixes: boolean;
  readonly findings: Finding[];
}

let fileBeingChecked: FileBeingChecked | null = null;

function reportFinding(descriptor: ReportDescriptor): void {
  const state = fileBeingChecked;
  // A report made after its check returned has no file to go to.
  if (state === null) return;
  const { current, dockerfile, settings, checkConfig, pragmas, ignored } = state;
  const { buildkitName, severity, identities: baseIdentities } = current;
  const code = descriptor.code ?? current.code;
  const identities = descriptor.code ? [descriptor.code.toLowerCase(), ...baseIdentities] : baseIdentities;
  let { start, end } = descriptor.range;
  const instruction = instructionAt(dockerfile.instructions, start.line);
  // Per-instruction `# check=` comments (buildkit-checks.md §4) add skips / experimental enables.
  if (buildkitName && instruction && !CHECKS_NOT_SCOPED_BY_INSTRUCTION_COMMENTS.has(buildkitName)) {
    const checkComment = instructionCheckComment(dockerfile, instruction);
    if (isSkippedByCheckComment(checkComment, buildkitName, current.experimental)) return;
    if (current.enabledOnlyByCheckComments && !isEnabledByCheckComment(checkComment, buildkitName)) return;
  }
  if (!settings.precisePositions && !descriptor.exactPosition && instruction && start.line !== instruction.startLine) {
    start = instruction.range.start;
    if (end.line < start.line) end = instruction.range.end;
  }
  if (pragmas?.isSuppressed(start.line, identities)) return;
  if (ignored.size > 0 && identities.some((identity) => ignored.has(identity))) return;
  const level = checkConfig.options.error && buildkitName ? 'error' : (descriptor.severity ?? severity);
  const finding: Mutable<Finding> = {
    file: state.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    code,
    rule: current.name,
    aliases: current.aliases,
    level,
    message: descriptor.message,
    fixable: descriptor.fix !== undefined,
  };
  if (descriptor.fix) {
    finding.fixApplicability = descriptor.fix.applicability;
    if (state.keepFixes) finding.fix = descriptor.fix;
  }
  state.findings.push(finding);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || compareNames(a.code, b.code);
}

/**
 * Parses every RUN script up front. Most are handled by the fast parser; the WASM shell parser is
 * loaded only when a script needs it (its load is asynchronous; the rules' access is not).
 */
async function prepareRunScripts(dockerfile: Dockerfile): Promise<void> {
  for (const instruction of dockerfile.instructions) {
    const run = instruction.kind === 'RUN' ? instruction : instruction.kind === 'ONBUILD' && instruction.trigger?.kind === 'RUN' ? instruction.trigger : null;
    if (!run) continue;
    try {
      void run.script;
    } catch (error) {
      if (!(error instanceof ShellParserNotReady)) throw error;
      await initShellParser();
      void run.script;
    }
  }
}

/** Parses and lints one file's content. Never throws for bad input: problems become findings. */
export async function lintSource(
  source: string | Uint8Array,
  path: string,
  options: EngineOptions,
): Promise<FileResult & { dockerfile: Dockerfile }> {
  const dockerfile = parseDockerfile(source, { path, buildArgs: options.buildArgs ?? new Map(), target: options.target ?? null });
  await prepareRunScripts(dockerfile);
  const filePlan = planFile(dockerfile, options);
  if (filePlan) await prepareRules(dockerfile, filePlan);
  const findings = checkFile(dockerfile, options, filePlan);
  return { file: path, findings, source: dockerfile.text, dockerfile };
}
