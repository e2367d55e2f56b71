/**
 * Facts several rules share, computed from the model (never from text). hadolint semantics are
 * from hadolint-rules.md §1 "Shared semantics".
 */
import type {
  Dockerfile,
  Instruction,
  RunInstruction,
  ShellCommand,
  ShellWord,
  Range,
} from '../parser/types.js';
import { perDockerfile } from '../parser/derived.js';

/** A RUN with the stage it belongs to; ONBUILD triggers form their own stream (stage -1 = "last"). */
export interface RunInStage {
  readonly run: RunInstruction;
  /** Index in `dockerfile.stages`, -1 before the first FROM. */
  readonly stageIndex: number;
  /** True for `ONBUILD RUN …` triggers. */
  readonly onbuild: boolean;
}

/**
 * RUN instructions in file order. With `onbuild: true`, `ONBUILD RUN` triggers are yielded too,
 * after the stage RUNs, as one separate stream (hadolint treats them as one extra last stage).
 * Computed once per Dockerfile and option: two dozen rules walk it.
 */
export function runInstructions(dockerfile: Dockerfile, options: { onbuild: boolean }): readonly RunInStage[] {
  return options.onbuild ? runsWithTriggers(dockerfile) : runsWithoutTriggers(dockerfile);
}

const runsWithTriggers = perDockerfile((dockerfile) => collectRunInstructions(dockerfile, { onbuild: true }));
const runsWithoutTriggers = perDockerfile((dockerfile) => collectRunInstructions(dockerfile, { onbuild: false }));

function collectRunInstructions(dockerfile: Dockerfile, options: { onbuild: boolean }): RunInStage[] {
  const runs: RunInStage[] = [];
  const triggers: RunInStage[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.kind === 'RUN') runs.push({ run: instruction, stageIndex: instruction.stageIndex, onbuild: false });
    else if (options.onbuild && instruction.kind === 'ONBUILD' && instruction.trigger?.kind === 'RUN') {
      triggers.push({ run: instruction.trigger, stageIndex: instruction.stageIndex, onbuild: true });
    }
  }
  return triggers.length === 0 ? runs : [...runs, ...triggers];
}

/**
 * The instruction stream hadolint's stateful rules fold over: stage instructions in order, then
 * (when `onbuild`) every ONBUILD trigger as if it were a separate, last stage without FROM.
 */
export function instructionStream(dockerfile: Dockerfile, options: { onbuild: boolean }): Instruction[] {
  const stream: Instruction[] = [];
  const triggers: Instruction[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.kind === 'ONBUILD') {
      if (options.onbuild && instruction.trigger) triggers.push(instruction.trigger);
      continue;
    }
    stream.push(instruction);
  }
  return [...stream, ...triggers];
}

export function commandsNamed(run: RunInstruction, ...names: string[]): ShellCommand[] {
  return run.script.commands.filter((command) => names.includes(command.name));
}

export function hasCommand(run: RunInstruction, ...names: string[]): boolean {
  return run.script.commands.some((command) => names.includes(command.name));
}

/** Some argument equals one of `values` exactly (hadolint's `cmdHasArgs`). */
export function hasArg(command: ShellCommand, ...values: string[]): boolean {
  return command.args.some((argument) => values.includes(argument.value));
}

/** The command has one of these flags (`y` matches `-y` and `-qy`; `yes` matches `--yes`). */
export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  return command.flags.some((flag) => names.includes(flag));
}

/** Arguments that are not themselves flags (a flag's value is kept: hadolint §1 "Flags"). */
export function nonFlagArgs(command: ShellCommand): ShellWord[] {
  return command.args.filter((argument) => argument.value === '-' || argument.value === '--' || !argument.value.startsWith('-'));
}

/**
 * hadolint's cache mount exemption: the RUN has `--mount=type=cache` or `type=tmpfs` whose target
 * contains `fragment`.
 */
export function hasCacheMount(run: RunInstruction, fragment: string): boolean {
  return run.mounts.some(
    (mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target !== null && mount.target.includes(fragment),
  );
}

/** The range of a shell command inside the Dockerfile. */
export function commandRange(run: RunInstruction, command: ShellCommand): Range {
  const start = run.script.map.positionAt(command.start);
  const last = run.script.map.positionAt(Math.max(command.start, command.end - 1));
  return { start, end: { line: last.line, column: last.column + 1 } };
}

/** The range of a shell word inside the Dockerfile. */
export function wordRange(run: RunInstruction, word: ShellWord): Range {
  const start = run.script.map.positionAt(word.start);
  const last = run.script.map.positionAt(Math.max(word.start, word.end - 1));
  return { start, end: { line: last.line, column: last.column + 1 } };
}

/** The stage names declared so far, as hadolint compares them (exact, case-sensitive). */
export function stageAliasesBefore(dockerfile: Dockerfile, line: number): Set<string> {
  const aliases = new Set<string>();
  for (const stage of dockerfile.stages) {
    if (stage.from.startLine >= line) break;
    if (stage.from.stageName) aliases.add(stage.from.stageName);
  }
  return aliases;
}

/** Strips one pair of surrounding quotes (`"x"`, `'x'`), as hadolint does for paths. */
export function stripQuotes(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0]) return text.slice(1, -1);
  return text;
}
