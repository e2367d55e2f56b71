import { defineRule } from '../../engine/define-rule.js';
import { referencesVariable } from './general-helpers.js';

const DIGITS_ONLY = /^\d*$/;

export default defineRule({
  meta: {
    code: 'DL3066',
    name: 'numeric-user-id',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: 'Non-numeric user-id may not be resolvable by host system.',
    docs: [
      'Flags `USER name` (the part before the first `:`) when it is not all digits: a user name is',
      'resolved through the image\'s `/etc/passwd`, which the host and orchestrators (Kubernetes',
      '`runAsNonRoot`) cannot see. `USER root` and `USER nobody` fire too. A user given through an',
      '`ARG` declared earlier (`USER ${APP_UID}`) is accepted; an `ENV` variable is not.',
      '',
      'Fix: use the numeric id (`USER 10001:10001`). Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3066',
  },
  check({ dockerfile, report }) {
    const argNames = new Set<string>();
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'ARG') {
        for (const definition of instruction.definitions) argNames.add(definition.name);
        continue;
      }
      if (instruction.kind !== 'USER') continue;
      const user = instruction.argsText.trim().split(':')[0] ?? '';
      if (DIGITS_ONLY.test(user)) continue;
      if (user.includes('$') && [...argNames].some((name) => referencesVariable(user, name))) continue;
      report({ range: instruction.range, message: 'Non-numeric user-id may not be resolvable by host system' });
    }
  },
});
