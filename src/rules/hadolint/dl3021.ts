import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  meta: {
    code: 'DL3021',
    name: 'copy-multiple-sources-to-directory',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'COPY with more than 2 arguments requires the last argument to end with /.',
    docs: [
      'Flags a `COPY` with two or more sources whose destination does not end with `/`: Docker refuses',
      'to build it ("the destination must be a directory and end with a /"). Flags such as `--link` or',
      '`--chown` are not counted. Heredoc sources count as sources too (hadolint cannot see them).',
      '',
      'Fix: end the destination with `/`. Not fixable yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3021',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'COPY' || instruction.destination === null) continue;
      if (instruction.sources.length + instruction.heredocSources.length < 2) continue;
      if (instruction.destination.value.endsWith('/')) continue;
      report({
        range: instruction.destination.range,
        message: 'COPY with more than 2 arguments requires the last argument to end with /',
      });
    }
  },
});
