import { defineRule } from '../../engine/define-rule.js';
import { commandRange, runInstructions } from '../helpers.js';

/** §2 DL3001: `ifconfig` is named in the message but not checked. */
const POINTLESS_COMMANDS: ReadonlySet<string> = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

export default defineRule({
  meta: {
    code: 'DL3001',
    name: 'no-interactive-system-commands',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount.',
    docs: [
      'Flags a RUN (also `ONBUILD RUN`) that runs `free`, `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`,',
      '`top` or `vim`. A build step has no services, terminal or running processes to manage, so these',
      'commands either do nothing useful or hang the build.',
      '',
      'Only commands count: `apt-get install ssh` or `echo top` is fine. Like hadolint, `ifconfig` is named in',
      'the message but not checked, and `/usr/bin/top` (a path) is not `top`.',
      '',
      'Not fixable: remove the command or move it to the container\'s runtime.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3001',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const command = run.script.commands.find((candidate) => POINTLESS_COMMANDS.has(candidate.name));
      if (command) {
        report({
          range: commandRange(run, command),
          message:
            'For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`',
        });
      }
    }
  },
});
