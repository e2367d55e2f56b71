import { contextRelativePath } from '../../context/go-path.js';
import { segmentGlob } from '../../context/query.js';
import type { UnreadableEntry } from '../../context/types.js';
import { defineRule } from '../../engine/define-rule.js';
import type { Dockerfile, Range } from '../../parser/types.js';
import { expandedCopySources, stageGraph } from './facts.js';

/** A context path an instruction makes the builder read (`''`: the whole context), and where. */
interface ContextRead {
  readonly segments: readonly string[];
  readonly shown: string;
  readonly range: Range;
}

/**
 * What BuildKit transfers from the context: only the paths COPY (without --from) and ADD sources
 * and RUN bind mounts without `from` name (dockerfile2llb's ctxPaths, passed as FollowPaths), in
 * the stages the target (`--target`'s stage, else the last) needs; a source of `.` or `/`, or one whose variables
 * expand to nothing, makes it the whole context.
 */
function contextReads(dockerfile: Dockerfile): ContextRead[] {
  const needed = new Set(stageGraph(dockerfile).filter((node) => node.reachable).map((node) => node.stage.index));
  const reads: ContextRead[] = [];
  for (const [instruction, sources] of expandedCopySources(dockerfile)) {
    if (instruction.from !== null || !needed.has(instruction.stageIndex)) continue;
    for (const source of sources) {
      if (source.kind !== 'local') continue;
      reads.push(readOf(source.value, `${instruction.kind} ${source.word.raw}`, source.word.range));
    }
  }
  for (const instruction of dockerfile.instructions) {
    if (instruction.kind !== 'RUN' || !needed.has(instruction.stageIndex)) continue;
    for (const mount of instruction.mounts) {
      // parseMount makes a mount without `type=` a bind mount, as BuildKit does.
      if (mount.type !== 'bind' || mount.options.has('from')) continue;
      const source = mount.options.get('source') ?? mount.options.get('src') ?? '';
      reads.push(readOf(source, `RUN --mount=type=bind,source=${source || '.'}`, instruction.keywordRange));
    }
  }
  return reads;
}

function readOf(path: string, shown: string, range: Range): ContextRead {
  const cleaned = contextRelativePath(path);
  return { segments: cleaned === '' ? [] : cleaned.split('/'), shown, range };
}

/**
 * Whether the builder lists `entry` to send `read`: the source matches the entry or one of its
 * parents (all of it is sent), or names something below it (the walk goes through it). Segments
 * are compared with Go's `filepath.Match`, as COPY globs are; a malformed one counts as a match.
 */
function reaches(read: ContextRead, entry: UnreadableEntry): boolean {
  if (entry.path === '') return true;
  const entrySegments = entry.path.split('/');
  // Nothing is below a file: only a source naming it or a parent folder reads it.
  if (!entry.isDirectory && read.segments.length > entrySegments.length) return false;
  const shared = Math.min(read.segments.length, entrySegments.length);
  for (let index = 0; index < shared; index++) {
    const glob = segmentGlob(read.segments[index]!);
    if (glob !== null && !glob.test(entrySegments[index]!)) return false;
  }
  return true;
}

export default defineRule({
  meta: {
    code: 'context-unreadable',
    name: 'context-unreadable',
    family: 'analysis',
    severity: 'error',
    requiresContext: true,
    fixable: false,
    description: 'A COPY, ADD or bind mount reads a folder or file of the build context that cannot be read: the build fails while the context is sent.',
    docs: [
      'BuildKit sends the builder the context paths that `COPY`/`ADD` sources and `RUN --mount=type=bind`',
      'name (all of it for `COPY . …`), minus what `.dockerignore` excludes, and stops at the first folder it',
      'may not list or file it may not open: `error from sender: open …: permission denied`. The usual culprit',
      'is what a container wrote through a bind mount: a database volume such as `postgres-data/` owned by',
      'another user with mode 700, or a root-owned key or `.env` with mode 600, swept in by `COPY . .`. Only the',
      'stages the target needs count: the last stage, or the stage given with `dockside lint --target`, as',
      '`docker build --target` builds.',
      '',
      'Each such folder or file is reported once, on the first source that reaches it: one matching it or a',
      'parent folder, or (for a folder) naming something below it. Sources are expanded and globs matched as',
      'BuildKit does. What the `.dockerignore` excludes is not read (a folder unless an `!` exception could',
      'match below it). A file counts as unreadable when its mode bits refuse this user and `access` agrees',
      '(so ACLs are honoured); root reads everything. Fix: exclude it in `.dockerignore`, narrow the COPY, or',
      'make it readable. Not fixable automatically.',
    ].join('\n'),
  },
  check({ dockerfile, buildContext, report }) {
    if (!buildContext || buildContext.unreadable.length === 0) return;
    const reads = contextReads(dockerfile);
    for (const entry of buildContext.unreadable) {
      const read = reads.find((candidate) => reaches(candidate, entry));
      if (!read) continue;
      const what = entry.path === '' ? 'the build context folder' : `${entry.isDirectory ? 'the folder' : 'the entry'} ${entry.path} of the build context`;
      report({
        range: read.range,
        message: `${read.shown} reads ${what}, which cannot be read (${entry.code}): the build fails while sending the context; exclude it in .dockerignore, narrow the source, or make it readable`,
      });
    }
  },
});
