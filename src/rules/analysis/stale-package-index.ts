import { defineRule } from '../../engine/define-rule.js';
import type { RunInstruction } from '../../parser/types.js';
import { indexInstall, indexRefresh, type IndexFamily } from './package-managers.js';

export default defineRule({
  meta: {
    code: 'stale-package-index',
    name: 'stale-package-index',
    family: 'analysis',
    severity: 'warning',
    fixable: false,
    description: 'A RUN only refreshes a package index and a later RUN installs from it: the cached index goes stale.',
    docs: [
      'A `RUN apt-get update` (or `apk update`, `yum`/`dnf makecache`, `zypper refresh`, `pacman -Sy`) that',
      'installs nothing is a layer of its own. The build cache keeps it, so a later `RUN apt-get install`',
      'keeps using the index from the day that layer was first built: packages disappear from the mirrors',
      'and the install fails, or old versions are installed.',
      '',
      'The rule fires when a later RUN of the same stage installs with the same package manager without',
      'refreshing the index itself (`apk add --no-cache` and `pacman -Sy pkg` do). Fix: update and install',
      'in the same RUN (`apt-get update && apt-get install -y …`). Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const runs = stage.instructions.filter((instruction): instruction is RunInstruction => instruction.kind === 'RUN');
      for (const [position, run] of runs.entries()) {
        const commands = run.script.commands;
        const refreshes = new Map<IndexFamily, string>();
        for (const command of commands) {
          const refresh = indexRefresh(command);
          if (refresh && !refreshes.has(refresh.family)) refreshes.set(refresh.family, refresh.display);
        }
        for (const [family, display] of refreshes) {
          if (commands.some((command) => indexInstall(command)?.family === family)) continue;
          for (const later of runs.slice(position + 1)) {
            const laterCommands = later.script.commands;
            const install = laterCommands.map(indexInstall).find((found) => found?.family === family && !found.refreshesItself);
            if (!install) continue;
            if (laterCommands.some((command) => indexRefresh(command)?.family === family)) break;
            report({
              range: run.range,
              message: `"${display}" runs in a RUN of its own and "${install.display}" in a later one (line ${later.startLine}): the cached package index goes stale. Update and install in the same RUN`,
            });
            break;
          }
        }
      }
    }
  },
});
