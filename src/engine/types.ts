import type { Dockerfile, Range } from '../parser/types.js';
import type { BuildContext } from '../context/types.js';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** Lower rank = more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, style: 3 };

/** Where a rule comes from; decides which pragmas and directives address it. */
export type RuleFamily = 'hadolint' | 'buildkit' | 'analysis' | 'security' | 'shellcheck' | 'core';

export type FixApplicability = 'safe' | 'unsafe';

/** Replace the text in `range` (1-based, end exclusive) with `text`. */
export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

export interface Fix {
  readonly edits: readonly TextEdit[];
  readonly applicability: FixApplicability;
  /** What the fix does, for `--diff` and editors. */
  readonly description: string;
}

export interface RuleMeta {
  /** hadolint's code (`DL3008`) when the rule reproduces one; otherwise the kebab name. */
  readonly code: string;
  /** kebab-case name (`no-latest-tag`). */
  readonly name: string;
  /** Other identities: BuildKit check names (`JSONArgsRecommended`), codes of merged rules. */
  readonly aliases: readonly string[];
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** False for rules hadolint hides by default (DL1001, DL3057) and experimental checks. */
  readonly enabledByDefault: boolean;
  /** One sentence shown in `dockside rules` and SARIF's shortDescription. */
  readonly description: string;
  /** The rule's documentation (Markdown): what it catches, why, how to fix, differences. */
  readonly docs: string;
  /** Upstream documentation (hadolint wiki, Docker docs), when there is one. */
  readonly url?: string;
  /** Whether findings carry a fix, and of which applicability at most. */
  readonly fixable: false | FixApplicability;
  /** The rule needs the build context (walks the context folder). */
  readonly requiresContext?: boolean;
  /**
   * The rule judges the ignore file itself, so it still runs when that file cannot be read. The other
   * context rules then get no context: what it would exclude is unknown.
   */
  readonly judgesIgnoreFile?: boolean;
  /** BuildKit marks some checks experimental: off unless enabled with `# check=experimental=`. */
  readonly experimental?: boolean;
  /** JSON Schema of the rule's options object (used to validate config). */
  readonly optionsSchema?: Record<string, unknown>;
}

export interface ReportDescriptor {
  /**
   * The most precise range the rule knows (an instruction's `range`, a flag's, a word's). Unless
   * `precisePositions` is on, the engine reports findings inside an instruction at the
   * instruction's first line, as hadolint and BuildKit do.
   */
  readonly range: Range;
  readonly message: string;
  readonly fix?: Fix;
  /** A code other than the rule's own (ShellCheck findings carry `SC2086`). */
  readonly code?: string;
  /** A severity other than the rule's configured one (ShellCheck's own levels). */
  readonly severity?: Severity;
  /**
   * Keep `range` even without precise positions: the reference tool reports this finding at a
   * line other than the instruction's first (BuildKit's NoEmptyContinuation: the last line).
   */
  readonly exactPosition?: boolean;
}

/** Settings shared by several rules (hadolint config keys, build args). */
export interface LintSettings {
  readonly trustedRegistries: readonly string[];
  /** label name → type (`text`, `url`, `semver`, `hash`, `rfc3339`, `spdx`, `email`). */
  readonly labelSchema: Readonly<Record<string, string>>;
  readonly strictLabels: boolean;
  readonly buildArgs: ReadonlyMap<string, string>;
  /** Report precise positions inside multi-line RUNs instead of the instruction's first line. */
  readonly precisePositions: boolean;
  /**
   * Whether the ShellCheck binary can run, answered by the caller (the CLI: once per thread of a
   * run). Without an answer the ShellCheck rule asks the environment on every file.
   */
  readonly shellcheckAvailable: (() => boolean) | undefined;
}

export interface RuleContext<Options> {
  readonly dockerfile: Dockerfile;
  readonly options: Options;
  readonly settings: LintSettings;
  /** The build context, or null when the rule does not require it or none is available. */
  readonly buildContext: BuildContext | null;
  report(descriptor: ReportDescriptor): void;
}

/** What a rule's `prepare` sees: the file, not yet `report` (findings come from `check`). */
export type PrepareContext<Options> = Pick<RuleContext<Options>, 'dockerfile' | 'options' | 'settings'>;

export interface Rule<Options = Record<string, never>> {
  readonly meta: RuleMeta;
  readonly defaultOptions: Options;
  /**
   * Work the check needs that waits on something outside the thread (the ShellCheck rule's
   * process). `lintSource` awaits it before any rule checks the file, so a run can keep other files
   * going meanwhile and share one process among them. Never rejects: a failure is the check's to
   * report. `lintDockerfile` alone skips it, and the check then does the work itself.
   */
  prepare?(context: PrepareContext<Options>): Promise<void>;
  check(context: RuleContext<Options>): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds rules of any options type
export type AnyRule = Rule<any>;

/** The same object type, writable: for code that builds one field by field. */
export type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/** One finding, the unit every reporter consumes. The JSON reporter prints these keys. */
export interface Finding {
  /** The path as given on the command line (or `-`). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
  readonly rule: string;
  readonly aliases: readonly string[];
  readonly level: Severity;
  readonly message: string;
  readonly fixable: boolean;
  /** How safe the finding's fix is, when it has one (kept even where the fix itself is not). */
  readonly fixApplicability?: FixApplicability;
  /** The edits, unless the engine was told it needs none (`keepFixes: false`). */
  readonly fix?: Fix;
}

/** The outcome of linting one file. */
export interface FileResult {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** The file could not be linted at all (unreadable, not a file): one-line reason. */
  readonly error?: string;
  /** The file's source text, for reporters that show snippets and the fixer. */
  readonly source?: string;
}

/**
 * Orders rule codes and paths case-insensitively, as `localeCompare` did for these ASCII names,
 * without it: the first `localeCompare` of a process loads ICU's collator (~13 ms of a cold start).
 */
export function compareNames(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a === b ? 0 : a < b ? 1 : -1; // ties: lower case first, as the collator does
}
