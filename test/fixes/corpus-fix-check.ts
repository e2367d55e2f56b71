/**
 * The corpus acceptance of the autofix issue, shared by `corpus-fix.test.ts` (a sample) and a
 * whole-corpus run outside the test suite: fix every file with unsafe fixes and every default rule
 * (context rules off), then check that no file that parsed stops parsing, that every fixed file is
 * a fixed point, and that instruction counts change only where RUNs were merged (DL3059).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { EMPTY_CONFIG } from '../../src/engine/config.js';
import { fixSource } from '../../src/engine/fixer.js';
import { lintSource, type EngineOptions } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';
import type { Dockerfile } from '../../src/parser/types.js';
import { defaultRegistry } from '../../src/rules/index.js';

export function corpusFixEngine(): EngineOptions {
  const registry = defaultRegistry();
  const contextRulesOff = registry.rules
    .filter((rule) => rule.meta.requiresContext)
    .map((rule) => [rule.meta.code, { level: 'off' as const }] as const);
  return { registry, config: { ...EMPTY_CONFIG, rules: new Map(contextRulesOff) } };
}

export interface CorpusFixSummary {
  files: number;
  changedFiles: number;
  fixesApplied: number;
  /** Fixable findings before fixing, per rule code. */
  fixableBefore: Map<string, number>;
  /** Findings per rule code before and after, for the rules that had a fixable one. */
  findingsBefore: Map<string, number>;
  findingsAfter: Map<string, number>;
  /** Files whose fix was refused by the fixer's parse guard. */
  refused: string[];
  problems: string[];
}

const isParseError = (finding: Finding): boolean => finding.code === 'DL1000' && finding.level === 'error';

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function instructionCounts(dockerfile: Dockerfile): { runs: number; others: number } {
  const runs = dockerfile.instructions.filter((instruction) => instruction.kind === 'RUN').length;
  return { runs, others: dockerfile.instructions.length - runs };
}

/** Fixes each file in place (the files must be copies) and checks the acceptance. */
export async function fixCorpusFiles(paths: readonly string[], engine: EngineOptions): Promise<CorpusFixSummary> {
  const summary: CorpusFixSummary = {
    files: 0,
    changedFiles: 0,
    fixesApplied: 0,
    fixableBefore: new Map(),
    findingsBefore: new Map(),
    findingsAfter: new Map(),
    refused: [],
    problems: [],
  };
  for (const path of paths) {
    const source = await readFile(path, 'utf8');
    summary.files++;
    const before = await lintSource(source, path, engine);
    const fixable = before.findings.filter((finding) => finding.fix);
    if (fixable.length === 0) continue;
    const fixedCodes = new Set(fixable.map((finding) => finding.code));
    for (const finding of fixable) count(summary.fixableBefore, finding.code);
    for (const finding of before.findings) if (fixedCodes.has(finding.code)) count(summary.findingsBefore, finding.code);
    const fixed = await fixSource(source, path, engine, { applicability: 'unsafe' });
    if (fixed.refused) summary.refused.push(path);
    if (!fixed.changed) continue;
    summary.changedFiles++;
    summary.fixesApplied += fixed.fixesApplied;
    await writeFile(path, fixed.output);
    const after = await lintSource(fixed.output, path, engine);
    for (const finding of after.findings) if (fixedCodes.has(finding.code)) count(summary.findingsAfter, finding.code);
    if (!before.findings.some(isParseError) && after.findings.some(isParseError)) {
      summary.problems.push(`${path}: no longer parses: ${after.findings.find(isParseError)?.message ?? ''}`);
    }
    const again = await fixSource(fixed.output, path, engine, { applicability: 'unsafe' });
    if (again.output !== fixed.output) summary.problems.push(`${path}: not a fixed point (${again.fixesApplied} more fixes)`);
    const countsBefore = instructionCounts(before.dockerfile);
    const countsAfter = instructionCounts(after.dockerfile);
    const merged = fixable.some((finding) => finding.code === 'DL3059');
    if (countsAfter.others !== countsBefore.others) {
      summary.problems.push(`${path}: non-RUN instructions ${countsBefore.others} → ${countsAfter.others}`);
    }
    if (countsAfter.runs > countsBefore.runs || (countsAfter.runs < countsBefore.runs && !merged)) {
      summary.problems.push(`${path}: RUN instructions ${countsBefore.runs} → ${countsAfter.runs} without a DL3059 merge`);
    }
  }
  return summary;
}
