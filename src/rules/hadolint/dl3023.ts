import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3023',
    name: 'copy-from-not-own-stage',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: '`COPY --from` cannot reference its own `FROM` alias.',
    docs: [
      'Flags `COPY --from=X` inside the stage named X: a stage cannot copy from itself (BuildKit reports',
      'a dependency cycle). Names are compared exactly, case-sensitive, as hadolint does.',
      '',
      'Fix: copy from the stage that produced the files. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3023',
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const ownName = stage.from.stageName;
      if (ownName === null) continue;
      for (const instruction of stage.instructions) {
        if (instruction.kind !== 'COPY' || instruction.from !== ownName) continue;
        const flag = instruction.flags.find((candidate) => candidate.name === 'from');
        report({ range: flag?.range ?? instruction.range, message: '`COPY --from` cannot reference its own `FROM` alias' });
      }
    }
  },
});
