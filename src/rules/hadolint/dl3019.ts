import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasCacheMount, hasFlag, runInstructions } from '../helpers.js';

export default defineRule({
  meta: {
    code: 'DL3019',
    name: 'apk-no-cache',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
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
      'Not fixable yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3019',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      const add = run.script.commands.find(
        (command) => command.name === 'apk' && hasArg(command, 'add') && !hasFlag(command, 'no-cache'),
      );
      if (add && !hasCacheMount(run, '/var/cache/apk')) {
        report({
          range: commandRange(run, add),
          message:
            'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        });
      }
    }
  },
});
