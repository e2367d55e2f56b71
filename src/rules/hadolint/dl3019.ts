import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasCacheMount, hasFlag, runInstructions } from '../helpers.js';
import { insertFlagFix, wordNamed } from './package-fix-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3019',
    name: 'apk-no-cache',
    family: 'hadolint',
    severity: 'info',
    fixable: 'safe',
    description:
      'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages.',
    docs: [
      'Flags an `apk add` (also in `ONBUILD RUN`) without `--no-cache`: apk then keeps the package',
      'index in `/var/cache/apk` and it ends up in the layer. `apk add --no-cache …` fetches a fresh',
      'index and stores nothing, so neither `apk update` nor `rm -rf /var/cache/apk/*` is needed.',
      '',
      'Not reported when a BuildKit cache or tmpfs mount targets `/var/cache/apk`',
      '(`RUN --mount=type=cache,target=/var/cache/apk apk add …`), which keeps the cache out of the image.',
      '',
      'Fixable (safe): `--fix` inserts `--no-cache` after `add` in every `apk add` of the RUN that lacks',
      'it. A separate `apk update` or `rm -rf /var/cache/apk/*` is left in place (harmless, now',
      'redundant). Not offered for exec-form or heredoc RUNs.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3019',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const adds = run.script.commands.filter(
        (command) => command.name === 'apk' && hasArg(command, 'add') && !hasFlag(command, 'no-cache'),
      );
      const add = adds[0];
      if (add && !hasCacheMount(run, '/var/cache/apk')) {
        report({
          range: commandRange(run, add),
          fix: insertFlagFix(run, adds, (command) => wordNamed(command, 'add', 'args'), ' --no-cache', 'safe', 'Add --no-cache to apk add'),
          message:
            'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        });
      }
    }
  },
});
