import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasCacheMount, runInstructions } from '../helpers.js';
import { installNotCleanedAfter } from './shell-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3036',
    name: 'zypper-clean',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: '`zypper clean` missing after zypper use.',
    docs: [
      'Flags a RUN (also `ONBUILD RUN`) with `zypper install` / `zypper in` that is not followed, in the same',
      'RUN, by `zypper clean` or `zypper cc`. The package cache left in the layer only makes the image bigger.',
      '',
      'A RUN with a cache or tmpfs mount whose target contains `/var/cache/zypp` is exempt: the cache never',
      'reaches the layer. `zypper clean && zypper install …` is still reported (wrong order).',
      '',
      'Fix: end the RUN with `&& zypper clean`. Not fixable automatically yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3036',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      if (hasCacheMount(run, '/var/cache/zypp')) continue;
      const install = installNotCleanedAfter(
        run,
        (command) => command.name === 'zypper' && hasArg(command, 'install', 'in'),
        (command) => command.name === 'zypper' && hasArg(command, 'clean', 'cc'),
      );
      if (install) report({ range: commandRange(run, install), message: '`zypper clean` missing after zypper use.' });
    }
  },
});
