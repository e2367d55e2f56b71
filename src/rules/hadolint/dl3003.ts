import { defineRule } from '../../engine/define-rule.js';
import { commandRange, commandsNamed } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL3003',
    name: 'use-workdir-not-cd',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Use WORKDIR to switch to a directory.',
    docs: [
      'Flags a RUN with a `cd` command anywhere in its script, including inside a `(cd dir && make)`',
      'subshell (hadolint does not exempt subshells either). `cd` only lasts for the one RUN, which makes',
      'the working directory of later instructions hard to follow; `WORKDIR` states it once for all of them.',
      '',
      'Prefer `WORKDIR /src` or tool options such as `make -C /src` and `git -C /src`. `echo cd` is fine.',
      '`ONBUILD RUN` is not checked, as in hadolint.',
      '',
      'Not fixable: moving the directory change out of the RUN changes every later instruction.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3003',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind !== 'RUN') continue;
      const cd = commandsNamed(instruction, 'cd')[0];
      if (cd) report({ range: commandRange(instruction, cd), message: 'Use WORKDIR to switch to a directory' });
    }
  },
});
