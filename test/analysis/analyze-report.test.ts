import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAnalyzeReport } from '../../src/analyze/model.js';
import { renderMarkdown, renderText } from '../../src/analyze/render.js';
import { runAnalyze } from '../../src/cli/analyze.js';
import { MAX_FILE_BYTES } from '../../src/cli/read-dockerfile.js';
import { loadBuildContext } from '../../src/context/index.js';
import { lintSource } from '../../src/engine/lint.js';
import { defaultRegistry } from '../../src/rules/index.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/contexts/node-app/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dockside-analyze-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const dockerfilePath = join(FIXTURE, 'Dockerfile.app');

async function report(changed: string[] | null) {
  const context = loadBuildContext(dockerfilePath, FIXTURE, { onProgress: null });
  const result = await lintSource(await import('node:fs').then((fs) => fs.readFileSync(dockerfilePath)), 'Dockerfile.app', {
    registry: defaultRegistry(),
    loadBuildContext: () => context,
  });
  return buildAnalyzeReport(result.dockerfile, context, result.findings, { changed });
}

describe('analyze report', () => {
  it('describes stages, layers with what each COPY pulls, cache breaks and the context', async () => {
    const analysis = await report(null);
    expect(analysis.stages.map((stage) => [stage.name, stage.base, stage.layerCount, stage.reachable])).toEqual([
      ['deps', 'node:20', 2, true],
      ['build', 'node:20', 3, true],
      ['2', 'node:20-slim', 1, true],
    ]);
    expect(analysis.stages[1]!.dependsOn).toEqual([{ stage: 'deps', kind: 'copy', line: 7, via: null }]);
    expect(analysis.stages.map((stage) => stage.unlistedDependencies)).toEqual([0, 0, 0]);
    // package.json (33 B) + package-lock.json (22 B); src/ holds two files (19 + 15 B).
    expect(analysis.stages[0]!.layers[0]).toMatchObject({ line: 3, instruction: 'COPY', files: 2, bytes: 55 });
    expect(analysis.stages[1]!.layers.map((layer) => [layer.line, layer.files, layer.bytes])).toEqual([[7, null, null], [8, 2, 34], [9, null, null]]);
    expect(analysis.stages[1]!.cacheBreaks).toEqual([{ line: 7, reason: 'output of deps' }, { line: 8, reason: 'context files' }]);
    expect(analysis.context).toMatchObject({ files: 7, ignoredFiles: 1 });
    expect(analysis.stages[0]!.firstInvalidatedLine).toBeUndefined();
  });

  it('finds the first instruction each change invalidates, through stages', async () => {
    const lines = async (changed: string[]) => (await report(changed)).stages.map((stage) => [stage.firstInvalidatedLine, stage.rebuiltInstructions]);
    expect(await lines(['src/index.js'])).toEqual([[null, 0], [8, 2], [11, 2]]);
    expect(await lines(['package.json'])).toEqual([[3, 2], [7, 3], [11, 2]]);
    expect(await lines(['README.md']), 'excluded by .dockerignore: never sent').toEqual([[null, 0], [null, 0], [null, 0]]);
    expect(await lines(['docs/notes.txt']), 'sent but copied by no instruction').toEqual([[null, 0], [null, 0], [null, 0]]);
  });

  it('renders text and markdown', async () => {
    const analysis = await report(['src/index.js']);
    const text = renderText([analysis], { color: false });
    expect(text).toContain('Stage build: 3 layers, cache breaks at line 8: 2 instructions rebuild');
    expect(text).toMatch(/ {3}8 \* COPY src \.\/src +2 files +34 B <- first rebuilt/u);
    const markdown = renderMarkdown([analysis]);
    expect(markdown).toContain('| 1 | build | `node:20` | deps (copy) | yes | 3 | 8 (2 rebuild) |');
  });
});

/** The report of a Dockerfile given as text, with no build context. */
async function reportOf(text: string, changed: string[] | null = null) {
  const result = await lintSource(text, 'Dockerfile', { registry: defaultRegistry() });
  return buildAnalyzeReport(result.dockerfile, null, result.findings, { changed });
}

describe('analyze report: stages a variable may name', () => {
  it('lists them with the value, ten per value, and counts the rest', async () => {
    const stages = ['ARG BASE=s0', 'FROM alpine AS s0'];
    for (let index = 1; index < 30; index++) stages.push(`FROM $BASE AS s${index}`, `COPY --from=dev-\${V} /a /b`);
    stages.splice(2, 0, 'FROM alpine AS dev-x', 'FROM alpine AS dev-y');
    const analysis = await reportOf(stages.join('\n') + '\n');
    const last = analysis.stages.at(-1)!;
    expect(last.name).toBe('s29');
    // Every earlier stage fits $BASE (31 of them): the first ten in file order are listed.
    expect(last.dependsOn.filter((dependency) => dependency.via === '$BASE').map((dependency) => dependency.stage)).toEqual(['s0', 'dev-x', 'dev-y', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    // dev-${V} fits two stages: both are listed.
    expect(last.dependsOn.filter((dependency) => dependency.kind === 'copy')).toEqual([
      { stage: 'dev-x', kind: 'copy', line: 62, via: 'dev-${V}' },
      { stage: 'dev-y', kind: 'copy', line: 62, via: 'dev-${V}' },
    ]);
    expect(last.unlistedDependencies).toBe(31 - 10);
    expect(analysis.stages[2]!.unlistedDependencies, 'dev-x is before any $BASE').toBe(0);
    expect(renderText([analysis], { color: false })).toContain('s7 (from $BASE, line 61), dev-x (copy dev-${V}, line 62), dev-y (copy dev-${V}, line 62), and 21 more stages a variable may name');
    expect(renderMarkdown([analysis])).toContain('s7 (from $BASE), dev-x (copy dev-${V}), dev-y (copy dev-${V}), and 21 more stages a variable may name |');
  });

  it('shows a base image as written when a variable in it has no value, else expanded', async () => {
    const analysis = await reportOf('ARG V=20\nFROM node:${V} AS known\nFROM node:${MISSING}-slim AS unknown\nFROM $BASE\n');
    expect(analysis.stages.map((stage) => stage.base)).toEqual(['node:20', 'node:${MISSING}-slim', '$BASE']);
  });

  it('--changed reaches a stage through any stage the value may name, listed or not', async () => {
    const lines = ['FROM alpine AS first', 'COPY app.js /app.js'];
    for (let index = 1; index <= 15; index++) lines.push(`FROM alpine AS s${index}`, 'RUN true');
    lines.push('FROM alpine AS picked', 'COPY --from=${ANY} /app.js /app.js', 'RUN true');
    const analysis = await reportOf(lines.join('\n') + '\n', ['app.js']);
    const picked = analysis.stages.at(-1)!;
    // `first` is the first of 16 earlier stages, so it is listed; the change reaches `picked` through it.
    expect(picked.dependsOn.map((dependency) => dependency.stage)).toContain('first');
    expect([picked.firstInvalidatedLine, picked.rebuiltInstructions]).toEqual([34, 2]);
    const reversed = ['FROM alpine AS s0', 'RUN true'];
    for (let index = 1; index <= 15; index++) reversed.push(`FROM alpine AS s${index}`, 'RUN true');
    reversed.push('FROM alpine AS last', 'COPY app.js /app.js', 'FROM alpine AS picked', 'COPY --from=${ANY} /app.js /app.js');
    const unlisted = await reportOf(reversed.join('\n') + '\n', ['app.js']);
    const pickedAgain = unlisted.stages.at(-1)!;
    // `last` is the 17th fit, past the ten listed: the change still reaches `picked` through it.
    expect(pickedAgain.dependsOn.map((dependency) => dependency.stage)).not.toContain('last');
    expect(pickedAgain.unlistedDependencies).toBe(7);
    expect(pickedAgain.firstInvalidatedLine).toBe(36);
  });
});

describe('dockside analyze command', () => {
  const run = async (paths: string[], options: Parameters<typeof runAnalyze>[1], cwd = FIXTURE) => {
    let stdout = '';
    let stderr = '';
    const code = await runAnalyze(paths, options, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
    return { code, stdout, stderr };
  };

  it('prints JSON with the documented keys and --changed results', async () => {
    const { code, stdout } = await run(['Dockerfile.app'], { format: 'json', changed: ['src/build.js'] });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { stages: { name: string; layerCount: number; layers: unknown[]; firstInvalidatedLine: number | null }[]; context: { files: number; bytes: number } };
    expect(json.stages.map((stage) => [stage.name, stage.layerCount, stage.layers.length, stage.firstInvalidatedLine])).toEqual([
      ['deps', 2, 2, null],
      ['build', 3, 3, 8],
      ['2', 1, 1, 11],
    ]);
    expect(json.context.files).toBe(7);
    expect(typeof json.context.bytes).toBe('number');
  });

  it('--target: the report names the target and which stages it needs', async () => {
    const json = await run(['Dockerfile.app'], { format: 'json', target: 'BUILD' });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { target: string; stages: { name: string; reachable: boolean }[] };
    expect(report.target).toBe('build');
    expect(report.stages.map((stage) => [stage.name, stage.reachable])).toEqual([
      ['deps', true],
      ['build', true],
      ['2', false],
    ]);
    const text = await run(['Dockerfile.app'], { format: 'text', target: 'build' });
    expect(text.stdout).toContain('Stages (target: build)');
    expect(text.stdout).toContain('2  2 from');
    const defaultTarget = JSON.parse((await run(['Dockerfile.app'], { format: 'json' })).stdout) as { target: string };
    expect(defaultTarget.target).toBe('2');
  });

  it('reads --since from git', async () => {
    const repo = join(scratch, 'repo');
    cpSync(FIXTURE, repo, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'initial');
    writeFileSync(join(repo, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    const { code, stdout } = await run(['Dockerfile.app'], { format: 'json', since: 'HEAD' }, repo);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { stages: { firstInvalidatedLine: number }[] }).stages.map((stage) => stage.firstInvalidatedLine)).toEqual([3, 7, 11]);
  });

  it('fails with 2 and one line on a --context that is not a folder, or --since outside a git repository', async () => {
    const missing = await run(['Dockerfile.app'], { context: 'no-such-folder' });
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'dockside analyze: --context no-such-folder: no such folder\n' });
    const notGit = join(scratch, 'not-git');
    cpSync(FIXTURE, notGit, { recursive: true });
    const outside = await run(['Dockerfile.app'], { since: 'HEAD', context: tmpdir() }, notGit);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^dockside analyze: git diff failed for --since HEAD: \S.*\n$/);
  });

  it('fails with 2 on an unreadable path or an unknown format', async () => {
    expect((await run(['nope/Dockerfile'], {})).code).toBe(2);
    expect((await run(['Dockerfile.app'], { format: 'xml' })).code).toBe(2);
  });

  it('reads with lint\'s limits, names the file it tried, and goes on with the other paths', async () => {
    const folder = join(scratch, 'limits');
    mkdirSync(join(folder, 'empty'), { recursive: true });
    writeFileSync(join(folder, 'huge.Dockerfile'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    writeFileSync(join(folder, 'Dockerfile'), 'FROM alpine:3.20\n');
    const result = await run(['empty', 'huge.Dockerfile', '/dev/zero', 'Dockerfile'], { format: 'json' }, folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      [
        `dockside analyze: ${join('empty', 'Dockerfile')}: cannot read file: no such file`,
        `dockside analyze: huge.Dockerfile: file too large to be a Dockerfile (${MAX_FILE_BYTES + 1} bytes, limit ${MAX_FILE_BYTES})`,
        // A device has no size and no end: read up to the limit, then refused.
        `dockside analyze: /dev/zero: file too large to be a Dockerfile (over ${MAX_FILE_BYTES} bytes)`,
        '',
      ].join('\n'),
    );
    expect((JSON.parse(result.stdout) as { file: string }).file, 'the one readable path is still reported').toBe('Dockerfile');
  });
});
