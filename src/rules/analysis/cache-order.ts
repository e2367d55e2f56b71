import { defineRule } from '../../engine/define-rule.js';
import { cleanPath } from '../../context/go-path.js';
import { contextIndex, perWalk, resolveSource } from '../../context/query.js';
import type { BuildContext, ContextFile } from '../../context/types.js';
import type { Fix } from '../../engine/types.js';
import { newList } from '../../parser/lists.js';
import type { CopyInstruction, Dockerfile, RunInstruction, ShellCommand, Stage } from '../../parser/types.js';
import { commentsBetween, insertAt, keywordLike, makeFix, replaceRange } from '../fix-helpers.js';
import { nonFlagArgs } from '../helpers.js';
import { editableScript } from '../hadolint/package-fix-helpers.js';
import { expandedCopySources, type ExpandedSource } from './facts.js';
import { dependencyInstall, isManifest, type DependencyInstall } from './package-managers.js';

/** Sources that bring in the whole context. */
const WHOLE_CONTEXT: ReadonlySet<string> = new Set(['.', '/', '*']);

const NO_SOURCES: readonly ExpandedSource[] = newList();

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

/**
 * Managers whose install reads nothing but the manifests in the current folder, so the manifests
 * alone can be copied first (each tool's documented Docker recipe). Left out: `pip install .`,
 * cargo (needs the crate's targets), Maven and Gradle (sub-module build files), dotnet (project
 * files in folders), composer (its scripts and autoloader read the sources).
 */
const MANIFEST_ONLY_MANAGERS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun', 'pipenv', 'go', 'bundler', 'mix', 'cpanm', 'dart', 'flutter', 'swift']);
/** poetry and uv install the project itself too, unless told not to. */
const PROJECT_SKIPPING_FLAG: Readonly<Record<string, string>> = { poetry: 'no-root', uv: 'no-install-project' };
/** Manifests that point at files in other folders (workspace packages, yarn's own release). */
const REFERS_TO_FOLDERS: ReadonlySet<string> = new Set(['pnpm-workspace.yaml', '.yarnrc.yml']);
/** Commands an install RUN may also hold that read no source file. */
const CACHE_COMMANDS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'bun', 'pip', 'pip3']);
/** COPY flags that can be given to the manifest COPY as they are. */
const COPYABLE_FLAGS: ReadonlySet<string> = new Set(['chown', 'chmod', 'link']);
/** Paths and file names written without quoting or variables. */
const PLAIN_PATH = /^[A-Za-z0-9_.@+/-]+$/u;
const PLAIN_NAME = /^[A-Za-z0-9_.@+-]+$/u;
/** Instructions between the COPY and the install RUN that the RUN can be moved across. */
const MOVABLE_ACROSS: ReadonlySet<string> = new Set(['LABEL', 'EXPOSE']);

/** The last WORKDIR of the stage before `index` as a cleaned absolute path, or null when unknown. */
function workdirBefore(stage: Stage, index: number): string | null {
  for (let position = index - 1; position >= 0; position--) {
    const instruction = stage.instructions[position]!;
    if (instruction.kind !== 'WORKDIR') continue;
    const raw = instruction.words.length === 1 ? instruction.words[0]!.raw : '';
    return raw.startsWith('/') && PLAIN_PATH.test(raw) ? cleanPath(raw) : null;
  }
  return null;
}

/** The `-r`/`--requirement` file of a pip install, as written. */
function requirementFile(command: ShellCommand): string | null {
  const words = command.args.map((word) => word.value);
  const index = words.findIndex((word) => word === '-r' || word === '--requirement');
  if (index !== -1) return words[index + 1] ?? null;
  const joined = words.find((word) => /^(?:-r|--requirement=)\S/u.test(word));
  return joined ? joined.replace(/^(?:-r|--requirement=)/u, '') : null;
}

/**
 * contextManifests' answers per walk and manifest list. Each answer scans the context's root
 * folder, and every Dockerfile of a shared context asks again: over the bench's corpus folder
 * (20,000 entries at the root) that was one scan per install.
 */
const manifestsByWalk = new WeakMap<readonly ContextFile[], Map<string, readonly string[]>>();

/** The root-level files of the context the install reads, in the order `install.manifests` lists them. */
function contextManifests(context: BuildContext, install: DependencyInstall): readonly string[] {
  const known = perWalk(manifestsByWalk, context, () => new Map<string, readonly string[]>());
  // The answer depends on the manifest list alone (names and patterns).
  const key = install.manifests.map(String).join('\0');
  let names = known.get(key);
  if (names === undefined) {
    names = scanContextManifests(context, install);
    known.set(key, names);
  }
  return names;
}

function scanContextManifests(context: BuildContext, install: DependencyInstall): string[] {
  const rank = (name: string): number => install.manifests.findIndex((manifest) => (typeof manifest === 'string' ? manifest === name : manifest.test(name)));
  return (contextIndex(context).children.get('') ?? [])
    .filter((entry) => !entry.ignored && !entry.isDirectory && isManifest(entry.path, install))
    .map((entry) => entry.path)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The manifest files to copy first, relative to the context root (all at its root), or null when
 * they cannot be named exactly. `destinationFolder`: the absolute folder `COPY . <dest>` fills, when
 * known; `cwdIsDestination`: the install runs in that folder.
 */
function manifestsToCopy(
  command: ShellCommand,
  install: DependencyInstall,
  destinationFolder: string | null,
  cwdIsDestination: boolean,
  context: BuildContext | null,
): readonly string[] | null {
  if (install.manager === 'pip') {
    const file = requirementFile(command);
    if (file === null) return null;
    let relative: string | null = null;
    if (file.startsWith('/')) {
      const prefix = destinationFolder === '/' ? '/' : `${destinationFolder}/`;
      if (destinationFolder !== null && file.startsWith(prefix)) relative = file.slice(prefix.length);
    } else if (cwdIsDestination) relative = file.replace(/^(?:\.\/)+/u, '');
    if (relative === null || !PLAIN_NAME.test(relative)) return null;
    if (!context) return [relative];
    const names = contextManifests(context, install);
    return names.includes(relative) ? names : null;
  }
  const skipFlag = PROJECT_SKIPPING_FLAG[install.manager];
  const manifestOnly = MANIFEST_ONLY_MANAGERS.has(install.manager) || (skipFlag !== undefined && command.flags.includes(skipFlag));
  if (!manifestOnly || !cwdIsDestination || !context) return null;
  const names = contextManifests(context, install);
  const primary = install.manifests[0];
  if (typeof primary !== 'string' || !names.includes(primary)) return null;
  if (names.some((name) => REFERS_TO_FOLDERS.has(name))) return null;
  return names;
}

/** The RUN holds the one install and nothing that reads sources or changes folder. */
function installOnly(run: RunInstruction, command: ShellCommand): boolean {
  return run.script.commands.every((other) => {
    if (other === command) return true;
    if (other.name === 'rm') return true;
    const sub = nonFlagArgs(other)[0]?.value;
    return CACHE_COMMANDS.has(other.name) && (sub === 'cache' || sub === 'store');
  });
}

/** The whole lines of an instruction, when nothing but indentation shares them. */
function ownLines(dockerfile: Dockerfile, instruction: CopyInstruction | RunInstruction): { indent: string; text: string } | null {
  const { start, end } = instruction.range;
  const first = dockerfile.lines[start.line - 1];
  const last = dockerfile.lines[end.line - 1];
  if (first === undefined || last === undefined) return null;
  const indent = /^[ \t]*/u.exec(first)![0];
  if (start.column !== indent.length + 1 || end.column !== last.length + 1) return null;
  return { indent, text: dockerfile.lines.slice(start.line - 1, end.line).join('\n') };
}

/**
 * Unsafe fix: before the broad COPY, copy the manifests to the same destination and run the
 * install there; the original install RUN is removed. Only when every piece is known exactly.
 */
function manifestFirstFix(
  dockerfile: Dockerfile,
  stage: Stage,
  copy: CopyInstruction,
  run: RunInstruction,
  command: ShellCommand,
  install: DependencyInstall,
  sources: readonly ExpandedSource[],
  context: BuildContext | null,
): Fix | undefined {
  const destination = copy.destination?.raw;
  if (destination === undefined || !PLAIN_PATH.test(destination) || copy.heredocSources.length > 0) return undefined;
  if (sources.length !== 1 || cleanPath(sources[0]!.value) !== '.' || sources[0]!.unresolved.length > 0) return undefined;
  if (!copy.flags.every((flag) => COPYABLE_FLAGS.has(flag.name.toLowerCase()))) return undefined;
  if (!editableScript(run) || !installOnly(run, command)) return undefined;
  const copyIndex = stage.instructions.indexOf(copy);
  const runIndex = stage.instructions.indexOf(run);
  if (copyIndex === -1 || runIndex <= copyIndex) return undefined;
  if (!stage.instructions.slice(copyIndex + 1, runIndex).every((between) => MOVABLE_ACROSS.has(between.kind))) return undefined;
  // A comment (or a pragma) above the RUN would end up above another instruction.
  if (commentsBetween(dockerfile, copy.range.start.line, run.range.start.line)) return undefined;
  const cleanedDestination = cleanPath(destination);
  const workdir = workdirBefore(stage, copyIndex);
  const cwdIsDestination = cleanedDestination === '.' || (destination.startsWith('/') && workdir !== null && workdir === cleanedDestination);
  const destinationFolder = destination.startsWith('/') ? cleanedDestination : cleanedDestination === '.' ? workdir : null;
  const manifests = manifestsToCopy(command, install, destinationFolder, cwdIsDestination, context);
  const copyLines = ownLines(dockerfile, copy);
  const runLines = ownLines(dockerfile, run);
  if (!manifests || manifests.length === 0 || !copyLines || !runLines) return undefined;
  const flags = copy.flags.map((flag) => `${flag.raw} `).join('');
  const manifestCopy = `${keywordLike(copy.keyword, 'COPY')} ${flags}${manifests.join(' ')} ${destination.endsWith('/') ? destination : `${destination}/`}`;
  // Inserted at the end of the line before the COPY, not at the COPY's start: another fix that
  // rewrites the COPY's keyword (ADD → COPY) starts there, and the two would interleave.
  const previousLine = copy.range.start.line - 1;
  if (previousLine < 1) return undefined;
  const insertion = insertAt(
    { line: previousLine, column: dockerfile.lines[previousLine - 1]!.length + 1 },
    `\n${copyLines.indent}${manifestCopy}\n${runLines.text}`,
  );
  const { start, end } = run.range;
  const hasNextLine = end.line < dockerfile.lines.length || dockerfile.endsWithNewline;
  const removal = hasNextLine
    ? replaceRange({ start: { line: start.line, column: 1 }, end: { line: end.line + 1, column: 1 } }, '')
    : replaceRange(
        { start: { line: start.line - 1, column: dockerfile.lines[start.line - 2]!.length + 1 }, end: { line: end.line, column: dockerfile.lines[end.line - 1]!.length + 1 } },
        '',
      );
  return makeFix('unsafe', `Copy ${manifests.join(', ')} and run "${install.display}" before the ${copy.kind}`, insertion, removal);
}

export default defineRule({
  meta: {
    code: 'cache-order',
    name: 'cache-order',
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: 'unsafe',
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
      '`COPY package.json package-lock.json ./` / `RUN npm ci` / `COPY . .`.',
      '',
      'Fixable (unsafe, `--unsafe-fixes`), when the manifests can be named exactly: before the',
      '`COPY . <dest>` the fix inserts `COPY <manifests> <dest>/` and moves the install RUN right after it.',
      'The manifests are the files of the build context\'s root the manager reads (for',
      '`pip install -r <file>`, the named requirements file, plus the other `requirements*.txt` when the',
      'context is known); for every other manager the build context must be available. Offered only when',
      'the COPY copies `.` alone (with at most `--chown`, `--chmod`, `--link`) to a plain destination, the',
      'install RUN is a shell-form RUN holding nothing but the install (and cache clean-up or `rm`), runs',
      'in that destination folder (`.`, or the WORKDIR), and follows the COPY with only LABEL/EXPOSE and no',
      'comment in between. Not offered for installs that read sources or sub-folders: `pip install .`,',
      'poetry/uv without `--no-root`/`--no-install-project`, cargo, Maven, Gradle, dotnet, composer,',
      'pnpm workspaces, yarn with `.yarnrc.yml`. Unsafe because the install now runs without the',
      'sources: lifecycle scripts (`postinstall`, `prepare`), npm workspaces, `-r`/`-e` lines in a',
      'requirements file or `replace` paths in `go.mod` that point at other files will fail, and the',
      'install no longer sees files the `.dockerignore` lets through beyond the manifests.',
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
        // Only a RUN after some COPY can be what the COPY invalidates.
        if (instruction.kind !== 'RUN' || copies.length === 0) continue;
        for (const command of instruction.script.commands) {
          const install = dependencyInstall(command);
          if (!install) continue;
          for (const copy of copies) {
            if (reported.has(copy)) continue;
            // The first source that brings in more than the manifests (a loop: `[]` and `.map`
            // lists of two elements kinds threw this check's optimised code away, see lists.ts).
            let brought: string | null = null;
            for (const source of sources.get(copy) ?? NO_SOURCES) {
              brought = broadSource(source, install, buildContext);
              if (brought !== null) break;
            }
            if (!brought) continue;
            reported.add(copy);
            report({
              range: copy.range,
              fix: manifestFirstFix(dockerfile, stage, copy, instruction, command, install, sources.get(copy) ?? [], buildContext),
              message: `${copy.kind} brings in ${brought} before "${install.display}" installs dependencies (line ${instruction.startLine}): every source change re-runs the install. Copy ${install.manifestHint} first, install, then copy the rest`,
            });
          }
        }
      }
    }
  },
});
