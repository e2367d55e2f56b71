/**
 * Facts shared by the RUN-script rules (yum/dnf/zypper, shell usage). Computed from the model,
 * never from text; hadolint semantics from hadolint-rules.md §1, §2 and §10.
 */
import type {
  CopyInstruction,
  Dockerfile,
  ExecCapableInstruction,
  Instruction,
  RunInstruction,
  ShellCommand,
  Word,
} from '../../parser/types.js';
import { InheritedMap, StageInheritance } from '../../parser/inherited-map.js';
import type { ReportDescriptor } from '../../engine/types.js';
import { commandRange, hasArg, runInstructions } from '../helpers.js';
import { isArchivePath } from './general-helpers.js';

/**
 * The instruction streams hadolint's stateful rules fold over, each with fresh state: the file's
 * top-level instructions (ONBUILD wrappers left out), then — for ONBUILD-aware rules — the
 * ONBUILD triggers as one separate stream without FROM (§1 "ONBUILD-aware rules").
 */
export function instructionStreams(dockerfile: Dockerfile, options: { onbuild: boolean }): Instruction[][] {
  const main: Instruction[] = [];
  const triggers: Instruction[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.kind !== 'ONBUILD') main.push(instruction);
    else if (options.onbuild && instruction.trigger) triggers.push(instruction.trigger);
  }
  return options.onbuild ? [main, triggers] : [main];
}

/** Commands named one of `names` having one of `values` as an argument (hadolint's `cmdHasArgs`). */
export function commandsWithArg(run: RunInstruction, names: readonly string[], values: readonly string[]): ShellCommand[] {
  return run.script.commands.filter((command) => names.includes(command.name) && hasArg(command, ...values));
}

/** hadolint's `getArgsNoFlags`: arguments not starting with `-` (a flag's value is kept). */
export function argumentsWithoutFlags(command: ShellCommand): string[] {
  const values: string[] = [];
  for (const argument of command.args) if (!argument.value.startsWith('-')) values.push(argument.value);
  return values;
}

/**
 * hadolint's "clean after install" order check (§1 "Order checks"): the index of the first
 * install command must be smaller than the index of the first cleaning command. Returns the first
 * install command when the check fails, or null when there is no install or it is cleaned after.
 */
export function installNotCleanedAfter(
  run: RunInstruction,
  isInstall: (command: ShellCommand) => boolean,
  isClean: (command: ShellCommand) => boolean,
): ShellCommand | null {
  const commands = run.script.commands;
  const installIndex = commands.findIndex(isInstall);
  if (installIndex === -1) return null;
  const cleanIndex = commands.findIndex(isClean);
  return cleanIndex > installIndex ? null : commands[installIndex]!;
}

// ---------------------------------------------------------------------------------------------
// RPM package versions (DL3033, DL3041)

/**
 * Names a package argument may reference to count as versioned (`git-core-${version}`): ENV keys
 * of the current stage and of the stages it inherits from (`FROM <alias>`), and every ARG declared
 * earlier in the file, whatever its stage (§2 DL3033). One instance per instruction stream.
 */
export class RpmVersionVariables {
  /** ENV names inherited from the parent stage (handed over or layered, never copied: inherited-map.ts). */
  private readonly inheritance: StageInheritance<InheritedMap<true>>;
  private currentEnv = InheritedMap.empty<true>();
  private readonly args = new Set<string>();
  private stageCount = 0;

  constructor(private readonly dockerfile: Dockerfile) {
    this.inheritance = new StageInheritance(dockerfile.stages, (parent) => parent.inherit());
  }

  /** Feed every instruction of the stream, in order, before checking it. */
  visit(instruction: Instruction): void {
    if (instruction.kind === 'FROM') {
      if (instruction.onbuildParent !== null) {
        // `ONBUILD FROM` (itself an error, DL3043) starts nothing in the file's stage list.
        this.currentEnv = InheritedMap.empty();
        return;
      }
      const stage = this.dockerfile.stages[this.stageCount];
      this.currentEnv = this.inheritance.inheritedBy(stage?.baseStageIndex ?? null) ?? InheritedMap.empty();
      // The stage's map is recorded now and filled by its own instructions, all of which come
      // before any stage built on it.
      this.inheritance.finish(this.stageCount, this.currentEnv);
      this.stageCount += 1;
    } else if (instruction.kind === 'ENV') {
      for (const pair of instruction.pairs) this.currentEnv.set(pair.key, true);
    } else if (instruction.kind === 'ARG') {
      for (const definition of instruction.definitions) this.args.add(definition.name);
    }
  }

  has(name: string): boolean {
    return this.currentEnv.has(name) || this.args.has(name);
  }
}

const VERSION_PART = /^[A-Za-z0-9.~^_:+]+$/;
const STARTS_WITH_DIGIT = /^[0-9]/;
const VARIABLE_REFERENCE = /\$\{([^}]*)\}/g;

/**
 * hadolint's RPM "package has a version" test (§2 DL3033/DL3041): the package contains `-` and
 * ends in `.rpm`, or references a known variable (`${V}`), or every `-`-separated part after the
 * name is made of version characters with at least one part starting with a digit
 * (`rpm-sign-4.16.1.3`, `openssl-1:1.1.1k`).
 */
export function rpmPackageVersioned(packageName: string, variables: RpmVersionVariables): boolean {
  const parts = packageName.split('-');
  if (parts.length <= 1) return false;
  if (packageName.endsWith('.rpm')) return true;
  if (packageName.includes('$')) {
    for (const match of packageName.matchAll(VARIABLE_REFERENCE)) {
      if (variables.has(match[1]!)) return true;
    }
  }
  const versionParts = parts.slice(1);
  return versionParts.every((part) => VERSION_PART.test(part)) && versionParts.some((part) => STARTS_WITH_DIGIT.test(part));
}

/**
 * The first `yum`/`dnf`-style command of `run` with an unversioned package or module (§2
 * DL3033/DL3041). Commands with one of `skipPackageCheckArgs` (`module`, and `group` for dnf) are
 * not package-checked; `… module install` modules need a `:stream`.
 */
export function firstUnversionedRpmInstall(
  run: RunInstruction,
  tools: readonly string[],
  skipPackageCheckArgs: readonly string[],
  variables: RpmVersionVariables,
): ShellCommand | null {
  for (const command of run.script.commands) {
    if (!tools.includes(command.name) || !hasArg(command, 'install')) continue;
    const installed = argumentsWithoutFlags(command).filter((value) => value !== 'install' && value !== 'module');
    if (hasArg(command, 'module')) {
      if (installed.some((module) => !module.includes(':'))) return command;
    }
    if (!hasArg(command, ...skipPackageCheckArgs)) {
      if (installed.some((packageName) => !rpmPackageVersioned(packageName, variables))) return command;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Archives (DL3010)


/** §10: commands that extract an archive (besides `tar` with an extract flag). */
export const EXTRACT_COMMANDS: ReadonlySet<string> = new Set([
  'unzip',
  'gunzip',
  'bunzip2',
  'unlzma',
  'unxz',
  'zgz',
  'uncompress',
  'zcat',
  'gzcat',
]);

/** The last path segment, splitting on both `/` and `\` (Windows paths in hadolint's specs). */
export function pathBasename(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut === -1 ? path : path.slice(cut + 1);
}

/**
 * A COPY path as hadolint sees it: the text as written with one pair of surrounding quotes
 * stripped. The word's `value` would resolve `\` as an escape and turn `build\foo\bar.tar.gz` into
 * `buildfoobar.tar.gz`, which hadolint does not do (DL3010-hit-4).
 */
export function copyPathText(copy: CopyInstruction, word: Word): string {
  if (copy.form === 'exec') return word.value;
  const raw = word.raw;
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0]) return raw.slice(1, -1);
  return raw;
}

export interface CopiedArchive {
  /** The archive's basename, compared with the files RUNs extract. */
  readonly name: string;
  /** The path word that names the archive. */
  readonly word: Word;
}

/** The archives a COPY brings in: the destination when it names an archive, else each archive source. */
export function copiedArchives(copy: CopyInstruction): CopiedArchive[] {
  if (copy.destination) {
    const name = pathBasename(copyPathText(copy, copy.destination));
    if (isArchivePath(name)) return [{ name, word: copy.destination }];
  }
  const archives: CopiedArchive[] = [];
  for (const source of copy.sources) {
    const name = pathBasename(copyPathText(copy, source));
    if (isArchivePath(name)) archives.push({ name, word: source });
  }
  return archives;
}

/** `tar` with `--extract`, `--get`, or any `-…` argument containing `x` (even `--exclude`: §2 DL3010). */
function isTarExtract(command: ShellCommand): boolean {
  return command.args.some(
    (argument) => argument.value === '--extract' || argument.value === '--get' || (argument.value.startsWith('-') && argument.value.includes('x')),
  );
}

/** The basenames of the files an extracting command (`tar -x`, `unzip`, `gunzip`, …) works on. */
export function extractedBasenames(run: RunInstruction): string[] {
  const names: string[] = [];
  for (const command of run.script.commands) {
    const extracts = command.name === 'tar' ? isTarExtract(command) : EXTRACT_COMMANDS.has(command.name);
    if (!extracts) continue;
    for (const value of argumentsWithoutFlags(command)) names.push(pathBasename(value));
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Pipes and SHELL (DL4006)

/**
 * The RUN script has a pipe (`|` or `|&`; `||` is a list, not a pipe), also in exec form, whose
 * strings are joined and shell-parsed like hadolint does. Every command inside a pipeline carries
 * its pipeline's id (commands nested in a compound pipeline member, like `a | while …; done`, do
 * not, but the pipeline's first simple command does).
 */
export function hasPipe(run: RunInstruction): ShellCommand | null {
  // `script.hasPipe` also sees pipes between compound commands: `(cd a && tar cf - .) | (tar xf -)`.
  if (!run.script.hasPipe) return null;
  return run.script.commands.find((command) => command.pipelineId !== 0) ?? run.script.commands[0] ?? null;
}

/** The words of a SHELL instruction: the exec-form strings, or the shell-form words. */
function shellWords(shell: ExecCapableInstruction): string[] {
  return shell.execArgs ? [...shell.execArgs] : shell.words.map((word) => word.value);
}

/** §10: a SHELL whose text starts with one of these is not a POSIX shell; DL4006 does not apply. */
const NON_POSIX_SHELL_PREFIXES = ['pwsh', 'powershell', 'cmd'];
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash']);

/**
 * Whether a SHELL makes pipes safe for DL4006: a non-POSIX shell (text starts with `pwsh`,
 * `powershell`, `cmd`), or bash/zsh/ash (matched by basename) with an `o` flag and a `pipefail`
 * argument. `/bin/sh -o pipefail` does not count (§2 DL4006).
 */
export function shellSetsPipefail(shell: ExecCapableInstruction): boolean {
  const words = shellWords(shell);
  const text = words.join(' ');
  if (NON_POSIX_SHELL_PREFIXES.some((prefix) => text.startsWith(prefix))) return true;
  const [program, ...args] = words;
  if (program === undefined || !PIPEFAIL_SHELLS.has(pathBasename(program))) return false;
  const hasOFlag = args.some((argument) => shortOrLongFlags(argument).includes('o'));
  return hasOFlag && args.includes('pipefail');
}

/** hadolint's flag names of one argument (`-eo` → e, o; `--name=v` → name). */
function shortOrLongFlags(argument: string): string[] {
  if (argument === '-' || argument === '--' || !argument.startsWith('-')) return [];
  if (argument.startsWith('--')) {
    const equals = argument.indexOf('=');
    return [equals === -1 ? argument.slice(2) : argument.slice(2, equals)];
  }
  return [...argument.slice(1)];
}

/**
 * DL3033 and DL3041 differ only in the tools and in which subcommands skip the package check:
 * report the first unversioned install of each RUN (and ONBUILD RUN stream) with `message`.
 */
export function reportUnversionedRpmInstalls(
  dockerfile: Dockerfile,
  report: (descriptor: ReportDescriptor) => void,
  tools: readonly string[],
  skippedSubcommands: readonly string[],
  message: string,
): void {
  // Most files run none of these tools: then no stream needs its variables tracked.
  const runsTool = runInstructions(dockerfile, { onbuild: true }).some(({ run }) => run.script.commands.some((command) => tools.includes(command.name)));
  if (!runsTool) return;
  for (const stream of instructionStreams(dockerfile, { onbuild: true })) {
    const variables = new RpmVersionVariables(dockerfile);
    for (const instruction of stream) {
      variables.visit(instruction);
      if (instruction.kind !== 'RUN') continue;
      const command = firstUnversionedRpmInstall(instruction, [...tools], [...skippedSubcommands], variables);
      if (command) report({ range: commandRange(instruction, command), message });
    }
  }
}
