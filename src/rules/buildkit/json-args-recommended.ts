import { defineRule } from '../../engine/define-rule.js';
import { EXEC_FORM_FIX_DOCS, execFormFix } from '../fix-helpers.js';
import { simulateDispatch } from './dispatch.js';

export default defineRule({
  meta: {
    code: 'json-args-recommended',
    name: 'json-args-recommended',
    aliases: ['JSONArgsRecommended'],
    family: 'buildkit',
    severity: 'warning',
    fixable: 'unsafe',
    description: 'CMD and ENTRYPOINT should use the JSON (exec) form so the process receives OS signals.',
    docs: [
      'Flags a CMD or ENTRYPOINT in shell form: it runs under `/bin/sh -c`, so the shell, not your',
      'program, is PID 1 and `docker stop` signals never reach the program. Text that is not a valid JSON',
      'array of strings (single quotes, a missing bracket) is shell form too.',
      '',
      'As in BuildKit, a `SHELL` earlier in the stage or in a parent stage of this Dockerfile means the',
      'shell form is intended, and nothing is reported. RUN and `HEALTHCHECK CMD` are never reported.',
      'Difference: BuildKit also stays quiet when the *base image* config sets a shell; dockside cannot',
      'see image configs. Fix: `CMD ["program", "arg"]`, or `SHELL [...]` if you need a shell.',
      '',
      ...EXEC_FORM_FIX_DOCS,
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      const instruction = record.instruction;
      if (instruction.kind !== 'CMD' && instruction.kind !== 'ENTRYPOINT') continue;
      if (instruction.form !== 'shell' || !record.noShellConfigured) continue;
      const fix = execFormFix(dockerfile, instruction, instruction.words);
      report({
        range: instruction.keywordRange,
        message: `JSON arguments recommended for ${instruction.keyword} to prevent unintended behavior related to OS signals`,
        fix,
      });
    }
  },
});
