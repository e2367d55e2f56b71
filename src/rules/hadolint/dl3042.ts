import { defineRule } from '../../engine/define-rule.js';
import type { Dockerfile, Instruction, RunInstruction } from '../../parser/types.js';
import { commandRange, hasArg, hasCacheMount, runInstructions } from '../helpers.js';
import { insertFlagFix, wordNamed } from './package-fix-helpers.js';
import { isPipInstall, isPipWrapper } from './package-helpers.js';

/** Values pip reads as true for `PIP_NO_CACHE_DIR` (hadolint's `truthy`). */
const TRUTHY = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES'];

/** Runs `instructions` in order; returns whether `ENV PIP_NO_CACHE_DIR=<truthy>` was seen. */
function walkEnv(instructions: readonly Instruction[], initial: boolean, covered: Set<RunInstruction>): boolean {
  let noCache = initial;
  for (const instruction of instructions) {
    if (instruction.kind === 'ENV') {
      // hadolint looks at the first pair with that key; a falsy value does not unset an earlier one.
      const pair = instruction.pairs.find((candidate) => candidate.key === 'PIP_NO_CACHE_DIR');
      if (pair && TRUTHY.includes(pair.value)) noCache = true;
    } else if (instruction.kind === 'RUN' && noCache) {
      covered.add(instruction);
    }
  }
  return noCache;
}

/**
 * RUNs preceded by `ENV PIP_NO_CACHE_DIR=<truthy>` in their stage or a stage they build on
 * (`FROM <stage>`); ONBUILD triggers form their own stream (reference §1 "ONBUILD-aware rules").
 */
function runsWithNoCacheEnv(dockerfile: Dockerfile): Set<RunInstruction> {
  const covered = new Set<RunInstruction>();
  walkEnv(
    dockerfile.instructions.filter((instruction) => instruction.stageIndex === -1 && instruction.kind !== 'FROM'),
    false,
    covered,
  );
  const stageState: boolean[] = [];
  for (const stage of dockerfile.stages) {
    const inherited = stage.baseStageIndex !== null && (stageState[stage.baseStageIndex] ?? false);
    stageState[stage.index] = walkEnv(stage.instructions, inherited, covered);
  }
  const triggers: Instruction[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.kind === 'ONBUILD' && instruction.trigger) triggers.push(instruction.trigger);
  }
  walkEnv(triggers, false, covered);
  return covered;
}

/**
 * `PIP_NO_CACHE_DIR=<truthy>` written in the script (`export …`, `VAR=… pip …`): hadolint takes
 * the text after the first `PIP_NO_CACHE_DIR=` and checks it starts with a truthy value.
 */
function scriptSetsNoCache(run: RunInstruction): boolean {
  const source = run.script.source;
  const marker = 'PIP_NO_CACHE_DIR=';
  const at = source.indexOf(marker);
  if (at === -1) return false;
  const rest = source.slice(at + marker.length, at + marker.length + 4);
  return TRUTHY.some((value) => rest.startsWith(value));
}

export default defineRule({
  meta: {
    code: 'DL3042',
    name: 'pip-no-cache-dir',
    family: 'hadolint',
    severity: 'warning',
    fixable: 'safe',
    description: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
    docs: [
      'Flags a `pip install` (also `pip3`, `python -m pip install`, and in `ONBUILD RUN`) without',
      '`--no-cache-dir`: pip keeps every downloaded wheel in `~/.cache/pip`, which then ships in',
      'the layer. Add `--no-cache-dir`, or keep the cache out of the image with',
      '`RUN --mount=type=cache,target=/root/.cache/pip pip install …`.',
      '',
      'Not reported when `ENV PIP_NO_CACHE_DIR=1` (or `true`, `on`, `yes`) was set earlier in the',
      'stage or in a stage it is built `FROM`, or when the RUN sets `PIP_NO_CACHE_DIR=1` itself.',
      '`pipx` and `pipenv` manage their own caches and are not checked.',
      '',
      'Difference from hadolint: hadolint keys the ENV state by image name for stages without an',
      'alias, so `FROM python:3.12` twice shares it; dockside follows the stages as BuildKit does.',
      '',
      'Fixable (safe): `--fix` inserts `--no-cache-dir` after `install` in every such `pip install` of',
      'the RUN (`pip install flask` → `pip install --no-cache-dir flask`). Not offered for exec-form or',
      'heredoc RUNs.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3042',
  },
  check({ dockerfile, report }) {
    const runs = runInstructions(dockerfile, { onbuild: true });
    if (!runs.some(({ run }) => run.script.commands.some(isPipInstall))) return;
    const coveredByEnv = runsWithNoCacheEnv(dockerfile);
    for (const { run } of runs) {
      if (coveredByEnv.has(run) || scriptSetsNoCache(run) || hasCacheMount(run, '.cache/pip')) continue;
      const pips = run.script.commands.filter(
        (command) => isPipInstall(command) && !hasArg(command, '--no-cache-dir') && !isPipWrapper(command),
      );
      const pip = pips[0];
      if (pip) {
        report({
          range: commandRange(run, pip),
          fix: insertFlagFix(run, pips, (command) => wordNamed(command, 'install', 'args'), ' --no-cache-dir', 'safe', 'Add --no-cache-dir to pip install'),
          message: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`',
        });
      }
    }
  },
});
