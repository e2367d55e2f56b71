import { defineRule } from '../../engine/define-rule.js';
import { cleanPath } from '../../context/go-path.js';
import { contextIndex, resolveSource } from '../../context/query.js';
import type { BuildContext } from '../../context/types.js';
import type { CopyInstruction } from '../../parser/types.js';
import { expandedCopySources, type ExpandedSource } from './facts.js';
import { dependencyInstall, isManifest, type DependencyInstall } from './package-managers.js';

/** Sources that bring in the whole context. */
const WHOLE_CONTEXT: ReadonlySet<string> = new Set(['.', '/', '*']);

/** What a COPY source brings that an install reads: `the whole build context`, a folder, or null. */
function broadSource(source: ExpandedSource, install: DependencyInstall, context: BuildContext | null): string | null {
  if (source.kind !== 'local' || source.unresolved.length > 0) return null;
  const cleaned = cleanPath(source.value);
  if (WHOLE_CONTEXT.has(cleaned)) return 'the whole build context';
  if (!context) return null;
  const resolution = resolveSource(context, source.value);
  if (resolution.status !== 'found') return null;
  const { children } = contextIndex(context);
  for (const entry of resolution.matches) {
    if (!entry.isDirectory) continue;
    const manifest = (children.get(entry.path) ?? []).find((child) => !child.ignored && !child.isDirectory && isManifest(child.path.slice(child.path.lastIndexOf('/') + 1), install));
    if (manifest) return `"${cleaned}" (which holds ${manifest.path.slice(manifest.path.lastIndexOf('/') + 1)})`;
  }
  return null;
}

export default defineRule({
  meta: {
    code: 'cache-order',
    name: 'cache-order',
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: false,
    description: 'A COPY brings in the sources before the RUN that installs dependencies, so every source change re-runs the install.',
    docs: [
      'In a stage, a `COPY`/`ADD` of the whole context (`COPY . .`) or of a folder holding a dependency',
      'manifest comes before the `RUN` that installs dependencies from that manifest. Any change to any',
      'copied file invalidates the cache of that COPY and of everything after it, so the install runs again',
      'on every edit.',
      '',
      'Known installs: npm/yarn/pnpm/bun, pip (`-r requirements*.txt`, `.`), pipenv, poetry, uv, `go mod',
      'download`, `cargo fetch`/`cargo chef cook`, Maven `dependency:go-offline`, Gradle `dependencies`,',
      'bundler, composer, `dotnet restore`, `mix deps.get`, `cpanm --installdeps`, `dart`/`flutter pub get`,',
      '`swift package resolve`. Installs of named packages (`npm install -g x`, `pip install x`) read no',
      'manifest and are not considered. Folders are recognised only when the build context is available.',
      '',
      'Fix: copy the manifests first, install, then copy the rest:',
      '`COPY package.json package-lock.json ./` / `RUN npm ci` / `COPY . .`. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    const sources = expandedCopySources(dockerfile);
    for (const stage of dockerfile.stages) {
      const copies: CopyInstruction[] = [];
      const reported = new Set<CopyInstruction>();
      for (const instruction of stage.instructions) {
        if ((instruction.kind === 'COPY' || instruction.kind === 'ADD') && instruction.from === null) {
          copies.push(instruction);
          continue;
        }
        if (instruction.kind !== 'RUN') continue;
        for (const command of instruction.script.commands) {
          const install = dependencyInstall(command);
          if (!install) continue;
          for (const copy of copies) {
            if (reported.has(copy)) continue;
            const brought = (sources.get(copy) ?? []).map((source) => broadSource(source, install, buildContext)).find((what) => what !== null);
            if (!brought) continue;
            reported.add(copy);
            report({
              range: copy.range,
              message: `${copy.kind} brings in ${brought} before "${install.display}" installs dependencies (line ${instruction.startLine}): every source change re-runs the install. Copy ${install.manifestHint} first, install, then copy the rest`,
            });
          }
        }
      }
    }
  },
});
