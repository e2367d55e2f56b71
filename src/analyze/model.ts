/**
 * The `dockside analyze` report: per Dockerfile, the stage graph, the layers of each stage (with
 * the files and bytes each COPY/ADD pulls from the context), the cache-break points, a summary of
 * the build context and the findings. Pure: built from the model, the walked context and findings.
 */
import { contextRelativePath } from '../context/go-path.js';
import { folderSizes, hasGlob, resolveSource, segmentGlob, sentContentOf } from '../context/query.js';
import type { BuildContext } from '../context/types.js';
import { compareNames, type Finding } from '../engine/types.js';
import type { CopyInstruction, Dockerfile, Instruction } from '../parser/types.js';
import { createsLayer, expandedCopySources, stageGraph, targetStageIndex, type DependencyKind, type ExpandedSource } from '../rules/analysis/facts.js';

export interface LayerReport {
  readonly line: number;
  readonly instruction: string;
  /** The instruction's first line as written, trimmed to 120 characters. */
  readonly text: string;
  /** COPY/ADD from the build context: what it pulls (null for RUN and COPY --from). */
  readonly files: number | null;
  readonly bytes: number | null;
}

export interface CacheBreak {
  readonly line: number;
  /** Why the cache can break here: `context files` (a COPY/ADD of local files), `remote source`, … */
  readonly reason: string;
}

export interface StageReport {
  readonly index: number;
  readonly name: string;
  /** The base image (expanded) or `stage <name>`. */
  readonly base: string;
  /**
   * The earlier stages this one uses. A `FROM`/`--from` value with variables may name several: each
   * is listed with the value (`via`), up to LISTED_STAGES_PER_VALUE per value.
   */
  readonly dependsOn: readonly { readonly stage: string; readonly kind: DependencyKind; readonly line: number; readonly via: string | null }[];
  /** Further stages values with variables may name, over that limit: counted, not listed. */
  readonly unlistedDependencies: number;
  /** The target (`--target`'s stage, else the last) needs this stage. */
  readonly reachable: boolean;
  readonly layerCount: number;
  readonly layers: readonly LayerReport[];
  readonly cacheBreaks: readonly CacheBreak[];
  /** With `--changed`/`--since`: the first instruction whose cache the changes break, or null. */
  readonly firstInvalidatedLine?: number | null;
  /** With `--changed`/`--since`: instructions that rebuild (from the first invalidated one on). */
  readonly rebuiltInstructions?: number;
}

export interface ContextSummary {
  readonly root: string;
  readonly ignoreFile: string | null;
  readonly files: number;
  readonly bytes: number;
  readonly ignoredFiles: number;
  readonly ignoredBytes: number;
  /** Folders excluded as a whole (not walked, so their size is not counted in `ignoredBytes`). */
  readonly prunedFolders: readonly string[];
  readonly largestFolders: readonly { readonly path: string; readonly files: number; readonly bytes: number }[];
  readonly warnings: readonly string[];
}

export interface AnalyzeReport {
  readonly file: string;
  /** The stage the build ends with (`--target`'s, else the last), by name or index; null without stages. */
  readonly target: string | null;
  readonly stages: readonly StageReport[];
  readonly context: ContextSummary | null;
  readonly findings: readonly Finding[];
  /** Context-relative paths given with `--changed`/`--since`, or null. */
  readonly changed: readonly string[] | null;
}

function firstLineText(dockerfile: Dockerfile, instruction: Instruction): string {
  const line = (dockerfile.lines[instruction.startLine - 1] ?? '').trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** Does a COPY source (expanded) cover a context-relative path (the path itself or a parent)? */
export function sourceCovers(source: string, path: string): boolean {
  const cleaned = contextRelativePath(source);
  if (cleaned === '') return true;
  if (!hasGlob(cleaned)) return path === cleaned || path.startsWith(`${cleaned}/`);
  const sourceSegments = cleaned.split('/');
  const pathSegments = path.split('/');
  if (pathSegments.length < sourceSegments.length) return false;
  return sourceSegments.every((segment, index) => {
    const candidate = pathSegments[index]!;
    if (!hasGlob(segment)) return segment === candidate;
    return segmentGlob(segment)?.test(candidate) ?? false;
  });
}

function localSources(copy: CopyInstruction, sources: ReadonlyMap<CopyInstruction, readonly ExpandedSource[]>): ExpandedSource[] {
  if (copy.from !== null) return [];
  return (sources.get(copy) ?? []).filter((source) => source.kind === 'local');
}

export interface BuildReportOptions {
  /** Context-relative paths that changed (`--changed`, `--since`). */
  readonly changed?: readonly string[] | null;
  readonly largestFolders?: number;
}

/**
 * Stages listed per `FROM`/`--from` value with variables. Such a value may name every earlier stage
 * its literal parts fit (`FROM $BASE`: all of them), so listing each was quadratic: a 168 KB file of
 * 5,000 such stages gave a 305 MB report. A real one names a few (`dev-${VARIANT}`).
 */
export const LISTED_STAGES_PER_VALUE = 10;

export function buildAnalyzeReport(
  dockerfile: Dockerfile,
  context: BuildContext | null,
  findings: readonly Finding[],
  options: BuildReportOptions = {},
): AnalyzeReport {
  const sources = expandedCopySources(dockerfile);
  const graph = stageGraph(dockerfile);
  const changed = options.changed ?? null;
  // A changed file that the .dockerignore excludes is never sent, so it breaks no cache.
  const sentChanges = changed && context ? changed.filter((path) => !context.dockerignore.isIgnored(path)) : changed;
  const invalidatedStages = new Set<number>();
  const stages: StageReport[] = graph.map((node) => {
    const { stage } = node;
    const layers: LayerReport[] = [];
    const cacheBreaks: CacheBreak[] = [];
    let firstInvalidated: Instruction | null = null;
    const dependsOnInvalidated = (kind: DependencyKind, line: number): boolean =>
      invalidatedStages.size > 0 && node.someDependency(kind, line, (stageIndex) => invalidatedStages.has(stageIndex));
    if (sentChanges && dependsOnInvalidated('from', stage.from.startLine)) firstInvalidated = stage.from;
    for (const instruction of stage.instructions) {
      const isCopy = instruction.kind === 'COPY' || instruction.kind === 'ADD';
      const local = isCopy ? localSources(instruction, sources) : [];
      if (createsLayer(instruction)) {
        let files: number | null = null;
        let bytes: number | null = null;
        if (isCopy && context && instruction.from === null) {
          files = 0;
          bytes = 0;
          for (const source of local) {
            if (source.unresolved.length > 0) continue;
            const resolution = resolveSource(context, source.value);
            if (resolution.status !== 'found') continue;
            if (contextRelativePath(source.value) === '') {
              files += context.totals.files;
              bytes += context.totals.bytes;
              continue;
            }
            for (const entry of resolution.matches) {
              const content = sentContentOf(context, entry);
              files += content.files;
              bytes += content.bytes;
            }
          }
        }
        layers.push({ line: instruction.startLine, instruction: instruction.kind, text: firstLineText(dockerfile, instruction), files, bytes });
      }
      if (isCopy && local.length > 0) cacheBreaks.push({ line: instruction.startLine, reason: 'context files' });
      else if (instruction.kind === 'ADD' && (sources.get(instruction) ?? []).some((source) => source.kind !== 'local')) {
        cacheBreaks.push({ line: instruction.startLine, reason: 'remote source' });
      } else if (isCopy && instruction.from !== null) cacheBreaks.push({ line: instruction.startLine, reason: `output of ${instruction.from}` });
      if (sentChanges && firstInvalidated === null) {
        const byContext = local.some((source) => sentChanges.some((path) => sourceCovers(source.value, path)));
        const byStage = dependsOnInvalidated(isCopy ? 'copy' : 'mount', instruction.startLine);
        if (byContext || byStage) firstInvalidated = instruction;
      }
    }
    if (firstInvalidated !== null) invalidatedStages.add(stage.index);
    // A variable without a value expands to nothing (`FROM $BASE` read as `from `): the text as written says more.
    const { image } = stage.from;
    const base =
      stage.baseStageIndex !== null
        ? `stage ${graph[stage.baseStageIndex]?.label ?? stage.baseStageIndex}`
        : image.unresolvedVariables.length > 0
          ? image.raw
          : image.expanded;
    const changedFields = sentChanges
      ? {
          firstInvalidatedLine: firstInvalidated?.startLine ?? null,
          rebuiltInstructions:
            firstInvalidated === null
              ? 0
              : firstInvalidated === stage.from
                ? stage.instructions.length
                : stage.instructions.length - stage.instructions.indexOf(firstInvalidated),
        }
      : {};
    const dependencies = node.listDependencies(LISTED_STAGES_PER_VALUE);
    return {
      index: stage.index,
      name: node.label,
      base,
      dependsOn: dependencies.listed.map((dependency) => ({
        stage: graph[dependency.stageIndex]?.label ?? String(dependency.stageIndex),
        kind: dependency.kind,
        line: dependency.line,
        via: dependency.via,
      })),
      unlistedDependencies: dependencies.unlisted,
      reachable: node.reachable,
      layerCount: layers.length,
      layers,
      cacheBreaks,
      ...changedFields,
    };
  });
  const target = targetStageIndex(dockerfile);
  return { file: dockerfile.path, target: target === null ? null : (graph[target]?.label ?? null), stages, context: context ? summariseContext(context, options.largestFolders ?? 5) : null, findings, changed };
}

export function summariseContext(context: BuildContext, largest: number): ContextSummary {
  const largestFolders = [...folderSizes(context, { includeIgnored: false })]
    .filter(([path]) => !path.includes('/'))
    .sort((a, b) => b[1].bytes - a[1].bytes || compareNames(a[0], b[0]))
    .slice(0, largest)
    .map(([path, size]) => ({ path, files: size.files, bytes: size.bytes }));
  return {
    root: context.root,
    ignoreFile: context.dockerignore.file,
    files: context.totals.files,
    bytes: context.totals.bytes,
    ignoredFiles: context.totals.ignoredFiles,
    ignoredBytes: context.totals.ignoredBytes,
    prunedFolders: context.pruned.map((folder) => folder.path),
    largestFolders,
    warnings: context.warnings,
  };
}
