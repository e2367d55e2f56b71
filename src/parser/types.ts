/**
 * The typed model of a Dockerfile that every rule reads.
 *
 * It is built once per file by `parseDockerfile()` and never re-derived by rules. Positions are
 * 1-based lines and columns; `end` points just past the last character (exclusive), like ESLint's
 * `endColumn` and SARIF's `endColumn`. Columns count UTF-16 code units of the physical line.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Every instruction keyword BuildKit knows (`frontend/dockerfile/command/command.go`). */
export const INSTRUCTION_KINDS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;

export type KnownInstructionKind = (typeof INSTRUCTION_KINDS)[number];
/** `UNKNOWN` is an instruction BuildKit rejects (`unknown instruction: X`); it is kept so rules can go on. */
export type InstructionKind = KnownInstructionKind | 'UNKNOWN';

export interface Flag {
  /** Name without the leading dashes, as written (`from`, `mount`). */
  readonly name: string;
  /** Value after `=`, quotes removed; `null` for a bare `--link`. */
  readonly value: string | null;
  /** The flag as written, e.g. `--from=build`. */
  readonly raw: string;
  readonly range: Range;
}

/** A whitespace-separated argument word (quotes kept in `raw`, removed in `value`). */
export interface Word {
  readonly value: string;
  readonly raw: string;
  readonly range: Range;
}

export interface Heredoc {
  /** The delimiter with quotes removed (`EOF`). */
  readonly delimiter: string;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  readonly stripTabs: boolean;
  /** Any part of the delimiter was quoted: variables are not expanded in the body. */
  readonly quoted: boolean;
  /** File descriptor prefix (`3<<EOF`), or null. */
  readonly fd: number | null;
  /** The body text, lines joined by `\n`, with a trailing `\n` after each line (tabs stripped for `<<-`). */
  readonly body: string;
  /** For `<<-`: how many leading tabs were stripped from each body line (for positions). */
  readonly strippedTabs: readonly number[];
  /** First body line (1-based); equals `terminatorLine` for an empty body. */
  readonly bodyStartLine: number;
  /** The line holding the terminator, or the last line of the file when unterminated. */
  readonly terminatorLine: number;
  /** The `<<EOF` marker word in the instruction line. */
  readonly markerRange: Range;
  readonly terminated: boolean;
}

/** Maps offsets in a text derived from the Dockerfile (arguments, a RUN script) back to positions. */
export interface SourceMap {
  positionAt(offset: number): Position;
}

export interface ImageReference {
  /** The image text as written (before variable expansion). */
  readonly raw: string;
  /** After ARG expansion with global ARG defaults and build args; equals `raw` when nothing to expand. */
  readonly expanded: string;
  /** Variables in the image text that have no value (no default and no build arg). */
  readonly unresolvedVariables: readonly string[];
  /** Registry host (`docker.io` is implicit and reported as null), or null. */
  readonly registry: string | null;
  /** Repository path without registry, tag or digest, as written (`library/ubuntu` stays so). */
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
  readonly range: Range;
}

export interface Mount {
  readonly type: string;
  /** Every `key=value` option of the mount, keys lower-cased. */
  readonly options: ReadonlyMap<string, string>;
  readonly target: string | null;
}

export interface KeyValuePair {
  readonly key: string;
  /** Value with quotes removed (escapes resolved), not variable-expanded. */
  readonly value: string;
  /** `ENV key value` (no `=`): BuildKit's legacy form. */
  readonly legacy: boolean;
  readonly range: Range;
  readonly keyRange: Range;
}

export interface ArgDefinition {
  readonly name: string;
  /** Default value with quotes removed, or null when the ARG has none. */
  readonly defaultValue: string | null;
  readonly range: Range;
}

export interface ExposePort {
  /** As written, e.g. `80/TCP`, `8000-8010`, `${PORT}`. */
  readonly raw: string;
  readonly range: Range;
}

export interface ShellWord {
  /** hadolint's normalised value: quotes removed, `$v`/`${v...}` → `${v}`, `$(a b)` → `${ab}`. */
  readonly value: string;
  /** Text as written in the script. */
  readonly raw: string;
  /** True when the word holds no expansion, substitution or glob that changes it at run time. */
  readonly literal: boolean;
  /** Offsets in `ShellScript.source`. */
  readonly start: number;
  readonly end: number;
}

export interface ShellCommand {
  /** Command name after unwrapping `command`, `builtin`, `exec`, `busybox`, `run` (hadolint §1). */
  readonly name: string;
  /** Every word after the first (so a wrapper's target is the first argument). */
  readonly args: readonly ShellWord[];
  /** The whole command's words including the first one. */
  readonly words: readonly ShellWord[];
  /** Flag names from args: `--name[=v]` → `name`, `-abc` → `a`,`b`,`c`. */
  readonly flags: readonly string[];
  /** Offsets in `ShellScript.source` covering the command. */
  readonly start: number;
  readonly end: number;
  /** Index of the pipeline this command belongs to, for "piped into" checks (DL4006). */
  readonly pipelineId: number;
  /** Position in its pipeline (0 = first). */
  readonly pipelineIndex: number;
}

export interface ShellScript {
  /** The script as the shell sees it. */
  readonly source: string;
  /** Simple commands in source order, including those nested in subshells, `$(…)`, `if`/`for` bodies. */
  readonly commands: readonly ShellCommand[];
  /** True when the shell parser found a syntax error somewhere (commands are still best-effort). */
  readonly hasSyntaxError: boolean;
  /** The script holds a real pipe (`|` or `|&` between two commands, compound ones included; `||` is none). */
  readonly hasPipe: boolean;
  /** Maps offsets in `source` to positions in the Dockerfile. */
  readonly map: SourceMap;
}

interface InstructionBase {
  readonly kind: InstructionKind;
  /** The keyword as written (`run`, `Run`). */
  readonly keyword: string;
  readonly keywordRange: Range;
  /** The whole instruction, from the keyword to the end of its last line or heredoc terminator. */
  readonly range: Range;
  readonly startLine: number;
  /** Last line of the logical line (before any heredoc bodies). */
  readonly logicalEndLine: number;
  /** Last line including heredoc bodies. */
  readonly endLine: number;
  readonly flags: readonly Flag[];
  /**
   * The arguments after the flags, continuation lines joined the BuildKit way: the escape char and
   * newline removed with no separator, comment and blank lines inside the continuation dropped.
   */
  readonly argsText: string;
  readonly argsMap: SourceMap;
  /** `argsText` split on unquoted whitespace. */
  readonly words: readonly Word[];
  /** Lines inside the continuation that were blank (BuildKit's NoEmptyContinuation). */
  readonly emptyContinuationLines: readonly number[];
  readonly heredocs: readonly Heredoc[];
  /** Index in `Dockerfile.stages` (a FROM: the stage it opens), or -1 before the first FROM. */
  readonly stageIndex: number;
  /** The ONBUILD instruction this one is wrapped in, or null. */
  readonly onbuildParent: OnbuildInstruction | null;
  /** Index in `Dockerfile.instructions` (for wrapped ONBUILD triggers: their parent's index). */
  readonly index: number;
}

/** JSON (exec) form vs shell form, decided as BuildKit does (§6 "JSON (exec) form vs shell form"). */
export interface CommandForm {
  readonly form: 'exec' | 'shell';
  /** Exec-form strings, or null in shell form. */
  readonly execArgs: readonly string[] | null;
}

export interface FromInstruction extends InstructionBase, Partial<CommandForm> {
  readonly kind: 'FROM';
  readonly image: ImageReference;
  /** `AS` keyword as written, or null. */
  readonly asKeyword: string | null;
  readonly asKeywordRange: Range | null;
  /** Stage name as written (not lower-cased), or null. */
  readonly stageName: string | null;
  readonly stageNameRange: Range | null;
  readonly platform: string | null;
}

export interface RunInstruction extends InstructionBase, CommandForm {
  readonly kind: 'RUN';
  readonly mounts: readonly Mount[];
  readonly network: string | null;
  readonly security: string | null;
  /**
   * The script hadolint's rules look at (§1 "RUN text"), parsed once on first access and cached.
   * Exec form: the strings joined by spaces. `RUN <<EOF`: the heredoc body. `RUN cmd <<EOF`: `cmd`.
   */
  readonly script: ShellScript;
}

export interface CopyInstruction extends InstructionBase, CommandForm {
  readonly kind: 'COPY' | 'ADD';
  /** Source words (not heredoc sources), quotes removed, not expanded. */
  readonly sources: readonly Word[];
  readonly destination: Word | null;
  /** Heredoc sources (`COPY <<EOF /file`). */
  readonly heredocSources: readonly Heredoc[];
  /** `--from=` value, or null. */
  readonly from: string | null;
}

export interface KeyValueInstruction extends InstructionBase {
  readonly kind: 'ENV' | 'LABEL';
  readonly pairs: readonly KeyValuePair[];
}

export interface ArgInstruction extends InstructionBase {
  readonly kind: 'ARG';
  readonly definitions: readonly ArgDefinition[];
}

export interface ExposeInstruction extends InstructionBase {
  readonly kind: 'EXPOSE';
  readonly ports: readonly ExposePort[];
}

export interface ExecCapableInstruction extends InstructionBase, CommandForm {
  readonly kind: 'CMD' | 'ENTRYPOINT' | 'SHELL' | 'VOLUME';
}

export interface HealthcheckInstruction extends InstructionBase, Partial<CommandForm> {
  readonly kind: 'HEALTHCHECK';
  /** `NONE`, `CMD`, or null when the arguments are missing. */
  readonly subcommand: 'NONE' | 'CMD' | null;
}

export interface OnbuildInstruction extends InstructionBase {
  readonly kind: 'ONBUILD';
  /** The wrapped trigger instruction, or null when ONBUILD has no arguments. */
  readonly trigger: Instruction | null;
}

export interface PlainInstruction extends InstructionBase {
  readonly kind: 'MAINTAINER' | 'STOPSIGNAL' | 'USER' | 'WORKDIR' | 'UNKNOWN';
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CopyInstruction
  | KeyValueInstruction
  | ArgInstruction
  | ExposeInstruction
  | ExecCapableInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | PlainInstruction;

export interface Comment {
  /** Text after `#`, untrimmed. */
  readonly text: string;
  readonly line: number;
  readonly range: Range;
  /** True for comment lines dropped from inside a line continuation (BuildKit drops them). */
  readonly insideContinuation: boolean;
}

export interface Directive {
  /** Lower-cased key: `syntax`, `escape` or `check`. */
  readonly name: string;
  readonly value: string;
  readonly line: number;
  readonly range: Range;
}

export interface Stage {
  readonly index: number;
  readonly from: FromInstruction;
  /** Stage name lower-cased as BuildKit stores it, or null. */
  readonly name: string | null;
  /** Index of the earlier stage this one builds on (`FROM <name>`), or null for an external image. */
  readonly baseStageIndex: number | null;
  /** Instructions of this stage after its FROM (ONBUILD triggers are not expanded here). */
  readonly instructions: readonly Instruction[];
}

export interface ParseError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** True when BuildKit would refuse the whole file (the model may be partial). */
  readonly fatal: boolean;
}

export interface Dockerfile {
  /** The path as given (or `-` for stdin). */
  readonly path: string;
  /** Decoded text (BOM removed). */
  readonly text: string;
  /** Physical lines without their line terminators. */
  readonly lines: readonly string[];
  readonly lineEnding: '\n' | '\r\n';
  readonly hasBom: boolean;
  readonly endsWithNewline: boolean;
  readonly escapeChar: '\\' | '`';
  readonly directives: readonly Directive[];
  /** Top-level instructions in file order (ONBUILD triggers live inside their ONBUILD). */
  readonly instructions: readonly Instruction[];
  /** Every comment line, including directives' lines and ones dropped inside continuations. */
  readonly comments: readonly Comment[];
  readonly stages: readonly Stage[];
  /** ARG instructions before the first FROM. */
  readonly globalArgs: readonly ArgInstruction[];
  readonly parseErrors: readonly ParseError[];
  /** Build args the run was given (`--build-arg`), used for expansion. */
  readonly buildArgs: ReadonlyMap<string, string>;
  /**
   * The stage the run was told to build (`--target`), or null for a default build, which builds the
   * last stage. `stageIndex` is null when no stage has that name (a fatal parse error says so).
   */
  readonly target: BuildTarget | null;
}

export interface BuildTarget {
  /** As given. */
  readonly name: string;
  readonly stageIndex: number | null;
}
