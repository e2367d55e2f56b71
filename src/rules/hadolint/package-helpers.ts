/**
 * Facts the package-manager rules share (DL3008–DL3062), computed from the model. Semantics mirror
 * hadolint's `Hadolint.Shell` helpers (hadolint-rules.md §1 "Arguments", "Flags").
 */
import type { ReportDescriptor } from '../../engine/types.js';
import type { Dockerfile, FromInstruction, ShellCommand, ShellWord } from '../../parser/types.js';
import { runInstructions, wordRange, type RunInStage } from '../helpers.js';

/** A word is an option (`-x`, `--x`, `--x=v`); `-` and `--` are not (hadolint's `getAllFlags`). */
export function isFlagWord(word: ShellWord): boolean {
  return word.value !== '-' && word.value !== '--' && word.value.startsWith('-');
}

/** The flag names a single word carries: `--name[=v]` → `name`; `-abc` → `a`, `b`, `c`. */
function flagNamesOf(word: ShellWord): string[] {
  const value = word.value;
  if (value.startsWith('--')) {
    const equals = value.indexOf('=');
    return [equals === -1 ? value.slice(2) : value.slice(2, equals)];
  }
  return [...value.slice(1)];
}

/**
 * The command's arguments without the values of the given flags (hadolint's `dropFlagArg`): the
 * argument right after a flag word that carries one of `flagNames` is dropped. A long flag written
 * `--name=value` already holds its value, so it swallows nothing (reference DL3013 "unless given as
 * `--flag=value`"; DL3016-hit-19 needs the same for `--registry=`).
 */
export function argsWithoutFlagValues(command: ShellCommand, flagNames: readonly string[]): ShellWord[] {
  const kept: ShellWord[] = [];
  const args = command.args;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    kept.push(word);
    if (!isFlagWord(word)) continue;
    if (word.value.startsWith('--') && word.value.includes('=')) continue;
    if (flagNamesOf(word).some((name) => flagNames.includes(name))) index++;
  }
  return kept;
}

/** Arguments that are not flags (hadolint's `getArgsNoFlags`). */
export function withoutFlags(words: readonly ShellWord[]): ShellWord[] {
  return words.filter((word) => !isFlagWord(word));
}

/** Everything after the first run of `install` words (hadolint's `stripInstallPrefix`). */
export function afterInstall(words: readonly ShellWord[]): ShellWord[] {
  let index = words.findIndex((word) => word.value === 'install');
  if (index === -1) return [];
  while (index < words.length && words[index]!.value === 'install') index++;
  return words.slice(index);
}

/** The exact argument sequence `sequence` appears in the command's arguments (Haskell `isInfixOf`). */
export function hasArgSequence(command: ShellCommand, sequence: readonly string[]): boolean {
  const args = command.args;
  outer: for (let start = 0; start + sequence.length <= args.length; start++) {
    for (let offset = 0; offset < sequence.length; offset++) {
      if (args[start + offset]!.value !== sequence[offset]) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * A pip install (hadolint's `isPipInstall`, reference §2 DL3013): a command whose name starts with
 * `pip` (so `pip3`, `pip3.12` and `pipx`, but not `pipenv`) with an `install` argument, or a
 * `python*` command with the consecutive arguments `-m pip install`.
 */
export function isPipInstall(command: ShellCommand): boolean {
  const name = command.name;
  if (name.startsWith('pip') && !name.startsWith('pipenv')) return command.args.some((word) => word.value === 'install');
  return name.startsWith('python') && hasArgSequence(command, ['-m', 'pip', 'install']);
}

/** `pipx` / `pipenv` manage their own caches (hadolint DL3042's `isPipWrapper`). */
export function isPipWrapper(command: ShellCommand): boolean {
  const name = command.name;
  const wraps = (tool: string): boolean =>
    name.includes(tool) || (name.startsWith('python') && hasArgSequence(command, ['-m', tool]));
  return wraps('pipx') || wraps('pipenv');
}

/** The FROM fields hadolint compares structurally (its `BaseImage`: image, tag, digest, alias, platform). */
function fromKey(from: FromInstruction | null): string {
  // A RUN before any FROM is attributed to an implicit `FROM scratch` (hadolint's `emptyImage`).
  if (!from) return 'scratch\u0000\u0000';
  return `${from.image.raw}\u0000${from.stageName ?? ''}\u0000${from.platform ?? ''}`;
}

/**
 * hadolint's DL3009/DL3060 "does a leftover here end up in an image that matters" test: a RUN
 * counts when it is an ONBUILD trigger (the ONBUILD stream is always "the last stage"), when its
 * stage's FROM line is structurally identical to the file's last FROM (or there is no FROM at
 * all and it precedes it), or when a later stage is built `FROM` its stage.
 */
export function createLeftoverStageFilter(dockerfile: Dockerfile): (entry: RunInStage) => boolean {
  const stages = dockerfile.stages;
  const lastKey = fromKey(stages.at(-1)?.from ?? null);
  const reused = new Set<number>();
  for (const stage of stages) if (stage.baseStageIndex !== null) reused.add(stage.baseStageIndex);
  return (entry) => {
    if (entry.onbuild) return true;
    const stage = entry.stageIndex >= 0 ? stages[entry.stageIndex] : undefined;
    if (fromKey(stage?.from ?? null) === lastKey) return true;
    return stage !== undefined && reused.has(stage.index);
  };
}

/**
 * The version-pinning rules that name the package (DL3013 pip, DL3016 npm, DL3028 gem): one
 * finding per RUN (ONBUILD included), at the first unpinned package of its first offending command.
 */
export function reportFirstUnpinnedPackage(
  dockerfile: Dockerfile,
  report: (descriptor: ReportDescriptor) => void,
  firstUnpinned: (command: ShellCommand) => ShellWord | null | undefined,
  message: string,
): void {
  for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
    for (const command of run.script.commands) {
      const unpinned = firstUnpinned(command);
      if (unpinned) {
        report({ range: wordRange(run, unpinned), message });
        break;
      }
    }
  }
}
