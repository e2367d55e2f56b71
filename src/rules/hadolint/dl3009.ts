import { defineRule } from '../../engine/define-rule.js';
import type { RunInstruction } from '../../parser/types.js';
import { commandRange, hasArg, hasCacheMount, runInstructions } from '../helpers.js';
import { appendCommandFix } from '../fix-helpers.js';
import { createLeftoverStageFilter } from './package-helpers.js';

const APT_TOOLS = new Set(['apt-get', 'apt', 'aptitude']);

/**
 * BuildKit cache/tmpfs mounts keep the lists out of the image: one on the lists folder, or both
 * apt folders (reference §2 DL3009; a mount on `/var/cache/apt` alone is not enough).
 */
function listsLiveInMount(run: RunInstruction): boolean {
  return (
    hasCacheMount(run, '/var/lib/apt/lists') ||
    (hasCacheMount(run, '/var/lib/apt') && hasCacheMount(run, '/var/cache/apt'))
  );
}

export default defineRule({
  meta: {
    code: 'DL3009',
    name: 'apt-lists-not-deleted',
    family: 'hadolint',
    severity: 'info',
    fixable: 'safe',
    description: 'Delete the apt lists (/var/lib/apt/lists) after installing something.',
    docs: [
      'Flags a RUN that runs `apt-get update` (or `apt update`, `aptitude update`) without removing',
      '`/var/lib/apt/lists` in the same RUN: the package lists (tens of MB) are baked into the layer',
      'and go stale. End the RUN with `&& rm -rf /var/lib/apt/lists/*`, or keep the lists in a',
      'BuildKit mount (`--mount=type=cache,target=/var/lib/apt/lists`, or cache/tmpfs mounts on both',
      '`/var/lib/apt` and `/var/cache/apt`).',
      '',
      'As in hadolint, any `rm -rf …` in the RUN counts as the clean-up, and only RUNs whose layers',
      'reach an image that matters are reported: those of the last stage (or of any stage whose',
      'FROM line is identical to the last one), those of a stage a later stage is built `FROM`, and',
      '`ONBUILD RUN` triggers. A builder stage whose files are only copied out is not reported.',
      'dockside recognises a reused stage the way BuildKit resolves `FROM <stage>` (stage names',
      'are case-insensitive), where hadolint compares the text exactly.',
      '',
      'Fixable (safe): `--fix` appends `&& rm -rf /var/lib/apt/lists/*` after the last command of the',
      'RUN. Not offered when the end of the script is not a plain command list: exec-form or heredoc',
      'RUNs, a comment inside the RUN, a script ending in `&`, `|` or an unfinished line, one whose',
      'last command is `exit`, or a `SHELL` that is not a POSIX shell (PowerShell 5 has no `&&`).',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3009',
  },
  check({ dockerfile, report }) {
    const matters = createLeftoverStageFilter(dockerfile);
    for (const entry of runInstructions(dockerfile, { onbuild: true })) {
      const run = entry.run;
      const commands = run.script.commands;
      const update = commands.find((command) => APT_TOOLS.has(command.name) && hasArg(command, 'update'));
      if (!update) continue;
      // hadolint's `cmdHasArgs "rm" ["-rf", "/var/lib/apt/lists/*"]`: either argument will do.
      const cleaned = commands.some((command) => command.name === 'rm' && hasArg(command, '-rf', '/var/lib/apt/lists/*'));
      if (cleaned || listsLiveInMount(run) || !matters(entry)) continue;
      report({
        range: commandRange(run, update),
        message: 'Delete the apt lists (/var/lib/apt/lists) after installing something',
        // After a final `exit` the appended clean-up would never run.
        fix: commands.at(-1)?.name === 'exit' ? undefined : appendCommandFix(run, dockerfile, 'rm -rf /var/lib/apt/lists/*'),
      });
    }
  },
});
