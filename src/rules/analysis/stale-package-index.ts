import { defineRule } from '../../engine/define-rule.js';
import { mapList } from '../../parser/lists.js';
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
      const summaries = mapList(runs, summariseRun);
      // From the last RUN back, the first later RUN that installs from each family's index without
      // refreshing it itself: one pass, where looking ahead from every refresh was O(RUNs²) (a
      // fuzzer-made file of 5,000 `RUN apt-get update` took 3 s).
      const nextInstall = new Map<IndexFamily, number>();
      const reports: { position: number; display: string; install: string; line: number }[] = [];
      for (let position = runs.length - 1; position >= 0; position--) {
        const summary = summaries[position]!;
        for (const [family, display] of summary.refreshes) {
          if (summary.installsFrom.has(family)) continue;
          const later = nextInstall.get(family);
          // A later RUN that refreshes the index as well as installing is fine.
          if (later === undefined || summaries[later]!.refreshes.has(family)) continue;
          reports.push({ position, display, install: summaries[later]!.plainInstalls.get(family)!, line: runs[later]!.startLine });
        }
        for (const family of summary.plainInstalls.keys()) nextInstall.set(family, position);
      }
      // In file order, each RUN's refreshes in the order its commands ran them (a stable sort).
      reports.sort((a, b) => a.position - b.position);
      for (const { position, display, install, line } of reports) {
        report({
          range: runs[position]!.range,
          message: `"${display}" runs in a RUN of its own and "${install}" in a later one (line ${line}): the cached package index goes stale. Update and install in the same RUN`,
        });
      }
    }
  },
});

interface RunSummary {
  /** The index each command refreshes, first display per family, in command order. */
  readonly refreshes: Map<IndexFamily, string>;
  /** Families any command installs from, refreshing the index itself or not. */
  readonly installsFrom: Set<IndexFamily>;
  /** Families installed from without refreshing the index, with the first such command's display. */
  readonly plainInstalls: Map<IndexFamily, string>;
}

function summariseRun(run: RunInstruction): RunSummary {
  const summary: RunSummary = { refreshes: new Map(), installsFrom: new Set(), plainInstalls: new Map() };
  for (const command of run.script.commands) {
    const refresh = indexRefresh(command);
    if (refresh && !summary.refreshes.has(refresh.family)) summary.refreshes.set(refresh.family, refresh.display);
    const install = indexInstall(command);
    if (!install) continue;
    summary.installsFrom.add(install.family);
    if (!install.refreshesItself && !summary.plainInstalls.has(install.family)) summary.plainInstalls.set(install.family, install.display);
  }
  return summary;
}
