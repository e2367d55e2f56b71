import { defineRule } from '../../engine/define-rule.js';
import { stripQuotes } from '../helpers.js';

/** hadolint's absolute destinations: `/…`, a variable, or a Windows drive (`c:\…`, `c:/…`). */
function isAbsoluteOrVariable(destination: string): boolean {
  if (destination.startsWith('/') || destination.startsWith('$')) return true;
  const afterDrive = destination.slice(1);
  return afterDrive.startsWith(':\\') || afterDrive.startsWith(':/');
}

export default defineRule({
  meta: {
    code: 'DL3045',
    name: 'copy-relative-needs-workdir',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: '`COPY` to a relative destination without `WORKDIR` set.',
    docs: [
      'Flags a `COPY` (with or without `--from`) to a relative destination when no `WORKDIR` was set in',
      'the current stage or in a stage it builds on (`FROM <stage name>`, followed through chains): the',
      'files land relative to whatever working directory the base image happens to have.',
      'Destinations starting with `/`, `$` or a Windows drive (`c:\\`, `c:/`) are fine. The base image\'s',
      'own `WORKDIR` cannot be known and is ignored. `ONBUILD COPY` is not checked.',
      '',
      'Difference from hadolint: hadolint also keys stages without a name by their image name, so a',
      'second `FROM debian:12` stage "inherits" the `WORKDIR` of an earlier unnamed `FROM debian:11`',
      'stage; dockside follows only real stage references.',
      '',
      'Fix: set `WORKDIR /app` before the COPY, or use an absolute destination. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3045',
  },
  check({ dockerfile, report }) {
    // Per stage index: whether a WORKDIR is in effect at the end of what has been seen so far.
    const workdirByStage: boolean[] = [];
    let workdirBeforeFrom = false;
    const stageByAlias = new Map<string, number>();
    let fromCount = 0;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') {
        // A FROM's own `stageIndex` is the stage before it: count stages here instead.
        const stageIndex = fromCount++;
        const image = instruction.image;
        // Inheritance through an earlier stage's name, compared exactly as hadolint does (§1 "Stages").
        const parent = image.registry === null ? stageByAlias.get(image.name) : undefined;
        workdirByStage[stageIndex] = parent !== undefined && workdirByStage[parent] === true;
        if (instruction.stageName !== null) stageByAlias.set(instruction.stageName, stageIndex);
        continue;
      }
      const stageIndex = instruction.stageIndex;
      if (instruction.kind === 'WORKDIR') {
        if (stageIndex === -1) workdirBeforeFrom = true;
        else workdirByStage[stageIndex] = true;
        continue;
      }
      if (instruction.kind !== 'COPY' || instruction.destination === null) continue;
      const workdirSet = stageIndex === -1 ? workdirBeforeFrom : workdirByStage[stageIndex] === true;
      const destination = instruction.destination;
      // hadolint reads the destination as written (quotes dropped): `c:\dir` keeps its backslash,
      // which BuildKit's escape processing removes from `value`.
      if (workdirSet || isAbsoluteOrVariable(destination.value) || isAbsoluteOrVariable(stripQuotes(destination.raw))) continue;
      report({
        range: destination.range,
        message: '`COPY` to a relative destination without `WORKDIR` set.',
      });
    }
  },
});
