/**
 * Applies the shipped problem matchers (GitHub's `action/problem-matcher.json`, VS Code's
 * `docs/vscode-problem-matcher.json`) to real `--format compact` output of a multi-file run, and
 * checks that every finding's file, line, column, severity, code and message come out of them.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_FIRST, FIXTURE_REPO, REPO_ROOT, hasBuiltCli, runCli } from './support.js';

interface MatcherPattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  code: number;
  message: number;
}
interface JsonFinding {
  file: string;
  line: number;
  column: number;
  level: string;
  code: string;
  message: string;
}
interface Captured {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const githubMatchers = (JSON.parse(readFileSync(join(REPO_ROOT, 'action', 'problem-matcher.json'), 'utf8')) as {
  problemMatcher: { owner: string; pattern: MatcherPattern[] }[];
}).problemMatcher;
const vscodeTask = (JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'vscode-problem-matcher.json'), 'utf8')) as {
  tasks: { command: string; problemMatcher: { owner: string; fileLocation: string[]; pattern: MatcherPattern } }[];
}).tasks[0]!;

function apply(pattern: MatcherPattern, line: string): Captured | null {
  const match = new RegExp(pattern.regexp).exec(line);
  if (!match) return null;
  return {
    file: match[pattern.file]!,
    line: Number(match[pattern.line]),
    column: Number(match[pattern.column]),
    severity: match[pattern.severity]!,
    code: match[pattern.code]!,
    message: match[pattern.message]!,
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'dockside-matchers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** One run, two outputs: JSON (the truth) to a file, compact (what matchers read) to stdout. */
function lintFixtureRepo(): { compactLines: string[]; findings: JsonFinding[] } {
  const jsonPath = join(scratch, 'findings.json');
  const run = runCli(['lint', '--format', 'json', '--output-file', jsonPath, '--format', 'compact', '.'], FIXTURE_REPO);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  const findings = JSON.parse(readFileSync(jsonPath, 'utf8')) as JsonFinding[];
  return { compactLines: run.stdout.trimEnd().split('\n'), findings };
}

describe.skipIf(!hasBuiltCli)('problem matchers on real compact output', () => {
  let compactLines: string[] = [];
  let findings: JsonFinding[] = [];
  beforeAll(() => {
    if (hasBuiltCli) ({ compactLines, findings } = lintFixtureRepo());
  });
  const expected = (finding: JsonFinding, severity: string): Captured => ({
    file: finding.file,
    line: finding.line,
    column: finding.column,
    severity,
    code: finding.code,
    message: finding.message,
  });

  it('runs over a multi-file, multi-level fixture', () => {
    expect(new Set(findings.map((finding) => finding.file)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(findings.map((finding) => finding.level))).toEqual(new Set(['error', 'warning', 'info']));
    expect(compactLines).toHaveLength(findings.length);
  });

  it("GitHub's matcher captures every error and warning, and leaves info lines alone", () => {
    expect(githubMatchers).toHaveLength(1);
    expect(githubMatchers[0]!.owner).toBe('dockside');
    const pattern = githubMatchers[0]!.pattern[0]!;
    const captured = compactLines.map((line) => apply(pattern, line));
    findings.forEach((finding, index) => {
      // GitHub matchers accept only error and warning severities (linter-anchors.md §5.7).
      if (finding.level === 'error' || finding.level === 'warning') expect(captured[index]).toEqual(expected(finding, finding.level));
      else expect(captured[index]).toBeNull();
    });
    for (const item of captured) if (item) expect(existsSync(join(FIXTURE_REPO, item.file)), item.file).toBe(true);
  });

  it("VS Code's matcher captures every finding, style as info, with workspace-relative files", () => {
    const { pattern, fileLocation, owner } = vscodeTask.problemMatcher;
    expect(owner).toBe('dockside');
    expect(fileLocation).toEqual(['relative', '${workspaceFolder}']);
    expect(vscodeTask.command).toContain('--format compact');
    const captured = compactLines.map((line) => apply(pattern, line));
    findings.forEach((finding, index) => {
      expect(captured[index]).toEqual(expected(finding, finding.level === 'style' ? 'info' : finding.level));
    });
    expect(captured.some((item) => item?.file === 'my app/Dockerfile')).toBe(true);
    for (const item of captured) expect(existsSync(join(FIXTURE_REPO, item!.file)), item!.file).toBe(true);
  });
});

describe.skipIf(hasBuiltCli)('problem matchers', () => {
  it(BUILD_FIRST, () => {});
});
