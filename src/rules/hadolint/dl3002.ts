import { defineRule } from '../../engine/define-rule.js';
import type { Instruction } from '../../parser/types.js';

/** `root`, `0`, `root:<group>`, `0:<group>` (hadolint's isRoot, exact and case-sensitive). */
function isRootUser(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export default defineRule({
  meta: {
    code: 'DL3002',
    name: 'last-user-not-root',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Last USER should not be root.',
    docs: [
      'Flags, in every stage, the last `USER` when it switches to root (`root`, `0`, `root:…`, `0:…`):',
      'containers of that stage would run as root. A later non-root `USER` in the same stage clears it;',
      'stages without `USER` and a `USER` before the first `FROM` never fire. Like hadolint, every stage',
      'is judged, not only the final one, and `ONBUILD USER` is ignored.',
      '',
      'Fix: end the stage with `USER <unprivileged user>`. Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3002',
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      let lastUser: Instruction | undefined;
      for (const instruction of stage.instructions) if (instruction.kind === 'USER') lastUser = instruction;
      if (lastUser && isRootUser(lastUser.argsText.trim())) {
        report({ range: lastUser.range, message: 'Last USER should not be root' });
      }
    }
  },
});
