/**
 * The GitHub Action, run the way the runner runs it: `node action/dist/index.js` (the committed
 * bundle) from a copy of the action with no node_modules anywhere above it, inputs as `INPUT_*`
 * variables (action.yml's defaults filled in, as the runner does), and GITHUB_WORKSPACE,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at temporary files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_REPO, REPO_ROOT } from './support.js';

interface ActionMetadata {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

const metadata = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionMetadata;
const committedBundle = join(REPO_ROOT, 'action', 'dist');
const scratch = mkdtempSync(join(tmpdir(), 'dockside-action-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The action as a checkout of this repository has it: action.yml, the bundle, the config schema. */
function installAction(): string {
  const actionRoot = join(scratch, 'action-checkout');
  if (existsSync(actionRoot)) return actionRoot;
  mkdirSync(join(actionRoot, 'action'), { recursive: true });
  cpSync(join(REPO_ROOT, 'action.yml'), join(actionRoot, 'action.yml'));
  cpSync(committedBundle, join(actionRoot, 'action', 'dist'), { recursive: true });
  cpSync(join(REPO_ROOT, 'schema'), join(actionRoot, 'schema'), { recursive: true });
  return actionRoot;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const actionRoot = installAction();
  const outputFile = join(scratch, `output-${Math.random().toString(36).slice(2)}`);
  const summaryFile = join(scratch, `summary-${Math.random().toString(36).slice(2)}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? scratch,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: scratch,
  };
  // The runner passes every declared input, with action.yml's default when the workflow gives none.
  for (const [name, input] of Object.entries(metadata.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? input.default ?? '';
  for (const name of Object.keys(inputs)) expect(metadata.inputs, `input ${name} is declared`).toHaveProperty(name);
  const run = spawnSync(process.execPath, [join(actionRoot, metadata.runs.main)], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(outputFile, 'utf8').matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

function workspaceFrom(source: string, name: string): string {
  const workspace = join(scratch, name);
  cpSync(source, workspace, { recursive: true });
  return workspace;
}

describe('the GitHub Action (committed bundle)', () => {
  it('declares a node24 JavaScript action on the committed bundle with the documented inputs and outputs', () => {
    expect(metadata.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
    expect(Object.keys(metadata.inputs).sort()).toEqual(
      ['analyze', 'annotations', 'config', 'failure-threshold', 'files', 'format', 'sarif-file', 'target', 'working-directory'].sort(),
    );
    expect(Object.keys(metadata.outputs)).toEqual(
      expect.arrayContaining(['error-count', 'warning-count', 'info-count', 'style-count', 'sarif-file']) as unknown,
    );
    expect(readdirSync(committedBundle).sort()).toEqual(['index.js', 'package.json', 'tree-sitter-bash.wasm', 'web-tree-sitter.wasm']);
  });

  it('lints a repository: annotations, outputs, SARIF, job summary, and a failed step past the threshold', () => {
    const workspace = workspaceFrom(FIXTURE_REPO, 'repo-with-findings');
    writeFileSync(join(workspace, '.dockside.json'), `${JSON.stringify({ ignore: ['DL3008'] })}\n`);
    const run = runAction(workspace, { format: 'compact', 'sarif-file': 'reports/dockside.sarif', config: '.dockside.json', analyze: 'true' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);

    // The compact report in the log: one line per finding, relative paths, and the config honoured.
    const compact = run.stdout.split('\n').filter((line) => /^[^:]+:\d+:\d+: (error|warning|info) /.test(line));
    expect(compact.length).toBeGreaterThan(25);
    expect(compact.some((line) => line.includes(' DL3008 '))).toBe(false);
    // Shell parsing ran inside the bundle (DL3004 needs the tree-sitter grammar).
    expect(compact).toContain('Dockerfile:4:16: error DL3004 Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root');

    const levels = { error: 0, warning: 0, info: 0 };
    for (const line of compact) levels[/: (error|warning|info) /.exec(line)![1] as keyof typeof levels]++;
    expect(run.outputs).toMatchObject({
      'error-count': String(levels.error),
      'warning-count': String(levels.warning),
      'info-count': String(levels.info),
      'style-count': '0',
      'problem-count': String(compact.length),
      'file-count': '10',
      'sarif-file': join(workspace, 'reports', 'dockside.sarif'),
    });

    // Annotations: workflow commands from @actions/core, at most 10 per type, most severe first.
    const commands = run.stdout.split('\n').filter((line) => /^::(error|warning|notice) .*\bfile=/.test(line));
    const perType = (type: string): string[] => commands.filter((line) => line.startsWith(`::${type} `));
    expect(perType('error')).toHaveLength(Math.min(10, levels.error));
    expect(perType('warning')).toHaveLength(Math.min(10, levels.warning));
    expect(perType('notice')).toHaveLength(Math.min(10, levels.info));
    expect(commands.findIndex((line) => line.startsWith('::warning'))).toBeGreaterThan(commands.findLastIndex((line) => line.startsWith('::error')));
    expect(commands).toContain(
      '::error title=DL3004 no-sudo,file=Dockerfile,line=4,endLine=4,col=16,endColumn=33::Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
    );
    for (const command of commands) expect(existsSync(join(workspace, /file=([^,]+)/.exec(command)![1]!))).toBe(true);
    const omitted = levels.warning - 10;
    expect(run.stdout).toContain(`dockside: ${omitted} more finding${omitted === 1 ? '' : 's'} not annotated (${omitted} warning${omitted === 1 ? '' : 's'})`);

    // SARIF for upload-sarif.
    const sarif = JSON.parse(readFileSync(join(workspace, 'reports', 'dockside.sarif'), 'utf8')) as {
      runs: { tool: { driver: { version: string } }; results: { partialFingerprints: Record<string, string> }[] }[];
    };
    expect(sarif.runs[0]!.results).toHaveLength(compact.length);
    expect(sarif.runs[0]!.tool.driver.version).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    for (const result of sarif.runs[0]!.results) expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:\d+$/);

    // Job summary and the failed step.
    expect(run.summary).toContain('<h2>dockside</h2>');
    expect(run.summary).toContain(`<tr><td>10</td><td>${levels.error}</td><td>${levels.warning}</td><td>${levels.info}</td><td>0</td></tr>`);
    expect(run.summary).toContain('<td>Dockerfile:4:16</td><td>DL3004</td>');
    expect(run.summary).toContain('Build report');
    expect(run.summary).toMatch(/Stage|stage/);
    const failing = levels.error + levels.warning;
    expect(run.stdout).toContain(`::error::dockside: ${failing} problems at or above the failure threshold in 10 files`);
  });

  it('honours working-directory, files (globs) and failure-threshold, and can skip annotations', () => {
    const workspace = workspaceFrom(FIXTURE_REPO, 'repo-worker-run');
    const inputs = { 'working-directory': 'worker', files: 'Dockerfile.t*', annotations: 'false', format: 'compact' };
    // worker/Dockerfile.test has one info finding: below the default threshold (warning).
    const passing = runAction(workspace, inputs);
    expect(passing.stderr).toBe('');
    expect(passing.status).toBe(0);
    expect(passing.stdout).toContain('Dockerfile.test:3:5: info DL3047 ');
    expect(passing.stdout).not.toMatch(/^::(error|warning|notice) /m);
    expect(passing.outputs).toMatchObject({ 'file-count': '1', 'error-count': '0', 'warning-count': '0', 'info-count': '1', 'problem-count': '1' });
    expect(passing.outputs['sarif-file']).toBeUndefined();
    expect(passing.summary).toContain('nothing at or above the failure threshold');
    const failing = runAction(workspace, { ...inputs, 'failure-threshold': 'info' });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('::error::dockside: 1 problem at or above the failure threshold in 1 file');
  });

  it('passes target to the lint and to the build report', () => {
    const workspace = join(scratch, 'repo-target');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM alpine:3.20 AS build\nFROM build AS test\nFROM alpine:3.20 AS prod\n');
    const run = runAction(workspace, { target: 'test', format: 'compact', analyze: 'true', annotations: 'false' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dockerfile:3:21: info unused-stage Stage "prod" is not used by the target stage "test" nor by any stage it needs');
    expect(run.summary).toContain('Target stage: `test`');
  });

  it('fails the step with a clear message on a bad input', () => {
    const workspace = workspaceFrom(join(FIXTURE_REPO, 'clean'), 'repo-bad-input');
    const run = runAction(workspace, { 'failure-threshold': 'fatal' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::dockside: input "failure-threshold" must be one of error, warning, info, style, not "fatal"');
  });
});

describe('the committed action bundle', () => {
  it('comes from action sources that type-check against the current library API', () => {
    const tsc = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'action', 'tsconfig.json')], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('is what scripts/build-action.mjs builds from the current sources', () => {
    const fresh = join(scratch, 'fresh-dist');
    const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-action.mjs'), '--out', fresh], { encoding: 'utf8', timeout: 300_000 });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const stale = readdirSync(fresh).filter((name) => {
      const committed = join(committedBundle, name);
      return !existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(fresh, name)));
    });
    expect(stale, 'action/dist is stale: run `node scripts/build-action.mjs` and commit action/dist').toEqual([]);
  });
});
