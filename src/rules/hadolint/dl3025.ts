import { defineRule } from '../../engine/define-rule.js';
import { EXEC_FORM_FIX_DOCS, execFormFix } from '../fix-helpers.js';

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
      ...EXEC_FORM_FIX_DOCS,
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
      report({
        range: instruction.range,
        message: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
        fix,
      });
    }
  },
});
