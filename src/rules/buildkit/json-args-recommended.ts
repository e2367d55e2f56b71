import { defineRule } from '../../engine/define-rule.js';
import { execFormFix } from '../fix-helpers.js';
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
      'Fixable (unsafe, `--unsafe-fixes`): the shell words become a JSON array (`CMD npm start` →',
      '`CMD ["npm", "start"]`; a leading `exec` is dropped). Unsafe because the program no longer runs',
      'under `/bin/sh -c`: it becomes PID 1 and receives signals, variables are no longer expanded, and an',
      'ENTRYPOINT starts receiving CMD as arguments. Offered only for one simple command with literal',
      'words: no `$`, `&&`, `;`, pipe, redirect, glob, backquote, escape or comment, no variable',
      'assignment or shell builtin (`cd`, `source`, …) as the program, and not after a `SHELL` instruction.',
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
        ...(fix ? { fix } : {}),
        range: instruction.keywordRange,
        message: `JSON arguments recommended for ${instruction.keyword} to prevent unintended behavior related to OS signals`,
      });
    }
  },
});
