import { defineRule } from '../../engine/define-rule.js';
import { commandRange } from '../helpers.js';
import { hasPipe, shellSetsPipefail } from './shell-helpers.js';

const MESSAGE =
  'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check';

export default defineRule({
  meta: {
    code: 'DL4006',
    name: 'pipefail-before-pipe',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Set the SHELL option -o pipefail before RUN with a pipe in it.',
    docs: [
      'Flags a RUN whose script has a pipe (`|` or `|&`, also in exec form; `||` is not a pipe) while the',
      'stage\'s current `SHELL` does not set `pipefail`. Without it, `wget -O - URL | tar x` succeeds even when',
      'the download fails, because only the last command\'s status counts.',
      '',
      'The SHELL counts when its program is `bash`, `zsh` or `ash` (any path) with an `-o` flag and a',
      '`pipefail` argument, e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, or when it is not a POSIX',
      'shell (starts with `pwsh`, `powershell` or `cmd`). As in hadolint, `SHELL ["/bin/sh", "-o", "pipefail",',
      '"-c"]` and `set -o pipefail` inside the RUN do not count, the SHELL is forgotten at each `FROM`, the',
      '`# hadolint shell=` pragma has no effect and `ONBUILD RUN` is not checked.',
      '',
      'Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL4006',
  },
  check({ dockerfile, report }) {
    let pipesAreSafe = false;
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'FROM') pipesAreSafe = false;
      else if (instruction.kind === 'SHELL') pipesAreSafe = shellSetsPipefail(instruction);
      else if (instruction.kind === 'RUN' && !pipesAreSafe) {
        const piped = hasPipe(instruction);
        if (piped) report({ range: commandRange(instruction, piped), message: MESSAGE });
      }
    }
  },
});
