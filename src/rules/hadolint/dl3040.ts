import { defineRule } from '../../engine/define-rule.js';
import type { ShellCommand } from '../../parser/types.js';
import { commandRange, hasArg, hasCacheMount, runInstructions } from '../helpers.js';
import { appendCommandFix } from '../fix-helpers.js';
import { installNotCleanedAfter } from './shell-helpers.js';

/** §2 DL3040: the sub-commands that fill dnf's cache. */
const DNF_INSTALL_ARGS = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

export default defineRule({
  meta: {
    code: 'DL3040',
    name: 'dnf-clean-all',
    family: 'hadolint',
    severity: 'warning',
    fixable: 'safe',
    description: '`dnf clean all` missing after dnf command.',
    docs: [
      'Flags a RUN (also `ONBUILD RUN`) where `dnf` or `microdnf` installs, upgrades or reinstalls packages',
      '(`install`, `in`, `upgrade`, `up`, `upgrade-minimal`, `up-min`, `reinstall`, `rei`) and is not followed,',
      'in the same RUN, by the *same tool* with a `clean` or `all` argument, or by an `rm` with `-rf` or',
      '`/var/cache/libdnf5*`. The package cache left in the layer only makes the image bigger.',
      '',
      'Each tool is checked on its own: `dnf install … && microdnf clean all` is reported. A RUN with a cache or',
      'tmpfs mount whose target contains `/var/cache/libdnf5` or `.cache/libdnf5` is exempt.',
      '',
      'Fix: end the RUN with `&& dnf clean all`.',
      '',
      'Fixable (safe): `--fix` appends ` && dnf clean all` (` && microdnf clean all` when microdnf installed)',
      'at the end of the RUN\'s script, so the cache is removed in the same layer. Not fixed: exec form,',
      'heredocs, a script with a shell syntax error or a comment, or one ending in `&`, `|` or the escape',
      'character; nor a RUN that already cleans before installing (only the first clean counts), nor under',
      'a `SHELL` that is not a POSIX-style shell (PowerShell has no `&&`).',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3040',
  },
  check({ dockerfile, report }) {
    for (const { run } of runInstructions(dockerfile, { onbuild: true })) {
      if (hasCacheMount(run, '/var/cache/libdnf5') || hasCacheMount(run, '.cache/libdnf5')) continue;
      let uncleaned: ShellCommand | null = null;
      let cleanedBefore = false;
      for (const tool of ['dnf', 'microdnf']) {
        if (uncleaned) break;
        const isClean = (command: ShellCommand): boolean =>
          (command.name === tool && hasArg(command, 'clean', 'all')) ||
          (command.name === 'rm' && hasArg(command, '-rf', '/var/cache/libdnf5*'));
        uncleaned = installNotCleanedAfter(run, (command) => command.name === tool && hasArg(command, ...DNF_INSTALL_ARGS), isClean);
        cleanedBefore = run.script.commands.some(isClean);
      }
      if (!uncleaned) continue;
      // The tool that installed is the one that must clean (microdnf's cache is not dnf's). Only the
      // first clean counts (§1 "Order checks"): after an earlier one, appending cannot help.
      const fix = cleanedBefore ? undefined : appendCommandFix(run, dockerfile, `${uncleaned.name} clean all`);
      report({ range: commandRange(run, uncleaned), message: '`dnf clean all` missing after dnf command.', fix });
    }
  },
});
