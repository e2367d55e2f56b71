import { defineRule } from '../../engine/define-rule.js';
import { execFormFix } from '../fix-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3025',
    name: 'exec-form-cmd-entrypoint',
    family: 'hadolint',
    severity: 'warning',
    fixable: 'unsafe',
    description: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.',
    docs: [
      'Flags `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written in shell form (anything that is not a',
      'valid JSON array of strings, single-quoted arrays included): the command then runs under',
      '`/bin/sh -c`, which does not forward signals, so the process cannot shut down gracefully.',
      '`ONBUILD` triggers are not checked (as in hadolint).',
      '',
      'Fix: write `CMD ["executable", "arg"]`.',
      '',
      'Fixable (unsafe, `--unsafe-fixes`): the shell words become a JSON array (`CMD npm start` →',
      '`CMD ["npm", "start"]`; a leading `exec` is dropped). Unsafe because the program no longer runs',
      'under `/bin/sh -c`: it becomes PID 1 and receives signals, variables are no longer expanded, and an',
      'ENTRYPOINT starts receiving CMD as arguments. Offered only for one simple command with literal',
      'words: no `$`, `&&`, `;`, pipe, redirect, glob, backquote, escape or comment, no variable',
      'assignment or shell builtin (`cd`, `source`, …) as the program, and not after a `SHELL` instruction.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3025',
  },
  check({ dockerfile, report }) {
    for (const instruction of dockerfile.instructions) {
      const shellForm =
        ((instruction.kind === 'CMD' || instruction.kind === 'ENTRYPOINT') && instruction.form === 'shell') ||
        (instruction.kind === 'HEALTHCHECK' && instruction.subcommand === 'CMD' && instruction.form === 'shell');
      if (!shellForm || instruction.argsText.trim() === '') continue;
      // HEALTHCHECK's words start with its `CMD` subcommand.
      const commandWords = instruction.kind === 'HEALTHCHECK' ? instruction.words.slice(1) : instruction.words;
      const fix = execFormFix(dockerfile, instruction, commandWords);
      report({ range: instruction.range, message: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments', ...(fix ? { fix } : {}) });
    }
  },
});
