import { defineRule } from '../../engine/define-rule.js';
import { commandRange, hasArg, hasCacheMount, runInstructions } from '../helpers.js';
import { createLeftoverStageFilter } from './package-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3060',
    name: 'yarn-cache-not-cleaned',
    family: 'hadolint',
    severity: 'info',
    fixable: false,
    description: '`yarn cache clean` missing after `yarn install` was run.',
    docs: [
      'Flags a RUN with `yarn install` that does not run `yarn cache clean` after it: yarn keeps a',
      'copy of every package in its global cache, which then ships in the layer. Append',
      '`&& yarn cache clean` to the same RUN, or keep the cache in a BuildKit mount',
      '(`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`; any cache or',
      'tmpfs mount whose target contains `.cache/yarn` is accepted).',
      '',
      'As in hadolint, any `yarn` command with a `cache` or `clean` argument counts as the clean-up',
      'when it comes after the first install, and only RUNs whose layers reach an image that',
      'matters are reported (the last stage, a stage a later stage is built `FROM`, ONBUILD',
      'triggers; see DL3009).',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3060',
  },
  check({ dockerfile, report }) {
    const matters = createLeftoverStageFilter(dockerfile);
    for (const entry of runInstructions(dockerfile, { onbuild: true })) {
      const run = entry.run;
      const commands = run.script.commands;
      const installIndex = commands.findIndex((command) => command.name === 'yarn' && hasArg(command, 'install'));
      if (installIndex === -1) continue;
      // Order check on the first command of each kind (reference §1 "Order checks").
      const cleanIndex = commands.findIndex((command) => command.name === 'yarn' && hasArg(command, 'cache', 'clean'));
      if (cleanIndex > installIndex || hasCacheMount(run, '.cache/yarn') || !matters(entry)) continue;
      report({
        range: commandRange(run, commands[installIndex]!),
        message: '`yarn cache clean` missing after `yarn install` was run.',
      });
    }
  },
});
