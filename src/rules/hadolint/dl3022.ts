import { defineRule } from '../../engine/define-rule.js';
import { instructionsWithStageState } from './general-helpers.js';

const STAGE_INDEX = /^\d+$/;

export default defineRule({
  meta: {
    code: 'DL3022',
    name: 'copy-from-defined-stage',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: '`COPY --from` should reference a previously defined `FROM` alias.',
    docs: [
      'Flags `COPY --from=X` when X is neither the name of a stage declared above (compared exactly,',
      'case-sensitive, as hadolint does) nor the index of one (`--from=0` needs a `FROM` before it).',
      'Values holding a `:` are taken for external images (`--from=nginx:1.27`) and never fire; an',
      'untagged external image (`--from=nginx`) does, as in hadolint. A stage declared later does not',
      'count: BuildKit would not find it either.',
      '',
      'Fix: name the stage with `FROM … AS X` above the COPY, or fix the typo. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3022',
  },
  check({ dockerfile, report }) {
    for (const { instruction, aliasesSoFar, fromCount } of instructionsWithStageState(dockerfile)) {
      if (instruction.kind !== 'COPY' || instruction.from === null) continue;
      const source = instruction.from;
      if (source.includes(':') || aliasesSoFar.has(source)) continue;
      if (STAGE_INDEX.test(source) && Number(source) < fromCount) continue;
      const flag = instruction.flags.find((candidate) => candidate.name === 'from');
      report({
        range: flag?.range ?? instruction.range,
        message: '`COPY --from` should reference a previously defined `FROM` alias',
      });
    }
  },
});
