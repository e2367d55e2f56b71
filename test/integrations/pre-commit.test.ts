/**
 * The pre-commit hook, through the real `pre-commit` (Debian package): `pre-commit try-repo` on a
 * snapshot of this repository, against a temporary git repository with a bad and a good Dockerfile.
 * try-repo clones at HEAD, so the snapshot is a copy of the working tree committed in a temporary
 * folder (never in the repository itself). Installing the hook runs `npm install` from the npm
 * registry, as pre-commit does for every `language: node` hook.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, hasCommand } from './support.js';

interface HookManifest {
  id: string;
  entry: string;
  language: string;
  files: string;
}

const hooks = parseYaml(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookManifest[];
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string>; bin?: Record<string, string> };
const scratch = mkdtempSync(join(tmpdir(), 'dockside-pre-commit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const missingTools = ['pre-commit', 'git'].filter((tool) => !hasCommand(tool));
/** pre-commit installs a node hook from a clone, where dist/ (git-ignored) exists only if `prepare` builds it. */
const noPrepare = manifest.scripts?.prepare === undefined;
const skipReason =
  missingTools.length > 0
    ? `skipped: ${missingTools.join(' and ')} not installed (Debian packages pre-commit, git; .ci/run installs them)`
    : noPrepare
      ? 'skipped: package.json has no "prepare" script, so a pre-commit install (from a git clone, without dist/) has no CLI to run'
      : null;

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=dockside test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** The working tree as a clean clone would have it, committed in a temporary repository. */
function snapshotRepository(): string {
  const snapshot = join(scratch, 'dockside');
  const files = git(REPO_ROOT, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter((file) => file !== '');
  for (const file of files) {
    mkdirSync(dirname(join(snapshot, file)), { recursive: true });
    try {
      cpSync(join(REPO_ROOT, file), join(snapshot, file));
    } catch {
      // Deleted in the working tree but still in the index: a clone would not have it either.
    }
  }
  git(snapshot, 'init', '--quiet');
  git(snapshot, 'add', '--all');
  git(snapshot, 'commit', '--quiet', '--message', 'snapshot for pre-commit try-repo');
  return snapshot;
}

function userRepository(): string {
  const repository = join(scratch, 'user-repo');
  mkdirSync(join(repository, 'good'), { recursive: true });
  // Named to exercise the hook's `files` pattern: `*.Dockerfile` and `Dockerfile.*`.
  writeFileSync(join(repository, 'api.Dockerfile'), 'FROM ubuntu:latest\nRUN sudo apt-get install curl\n');
  writeFileSync(join(repository, 'good', 'Dockerfile.prod'), 'FROM alpine:3.20\nUSER 65534\nCMD ["true"]\n');
  writeFileSync(join(repository, 'README.md'), '# not a Dockerfile\n');
  git(repository, 'init', '--quiet');
  git(repository, 'add', '--all');
  return repository;
}

const NETWORK_FAILURE = /E(AI_AGAIN|NOTFOUND|CONNREFUSED|CONNRESET|TIMEDOUT)|network/;

describe('the pre-commit hook manifest', () => {
  it('declares dockside and dockside-fix as node hooks on Dockerfile and Containerfile names', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['dockside', 'dockside-fix']);
    expect(hooks.every((hook) => hook.language === 'node')).toBe(true);
    expect(Object.keys(manifest.bin ?? {})).toContain(hooks[0]!.entry.split(' ')[0]);
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const pattern = new RegExp(hooks[0]!.files);
    const matching = ['Dockerfile', 'a/b/Dockerfile', 'Dockerfile.prod', 'api.Dockerfile', 'web/app.dockerfile', 'Containerfile', 'x/Containerfile.dev', 'build.Containerfile'];
    const notMatching = ['README.md', 'Dockerfile.dockerignore', 'docs/Dockerfiles.md', 'MyDockerfile', 'src/dockerfile.ts'];
    for (const name of matching) expect(pattern.test(name), name).toBe(true);
    for (const name of notMatching) expect(pattern.test(name), name).toBe(false);
    expect(hooks[1]!.files).toBe(hooks[0]!.files);
  });
});

describe.skipIf(skipReason !== null)('pre-commit try-repo (real pre-commit)', () => {
  let snapshot = '';
  let repository = '';
  const tryRepo = (file: string): ReturnType<typeof spawnSync> =>
    spawnSync('pre-commit', ['try-repo', snapshot, 'dockside', '--files', file], {
      cwd: repository,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'), NO_COLOR: '1', PRE_COMMIT_COLOR: 'never' },
    });

  it('fails on a bad Dockerfile, showing its findings', (context) => {
    snapshot = snapshotRepository();
    repository = userRepository();
    const run = tryRepo('api.Dockerfile');
    const output = `${String(run.stdout)}${String(run.stderr)}`;
    if (run.status !== 1 && NETWORK_FAILURE.test(output)) context.skip(`skipped: installing the hook needs the npm registry, unreachable here (${NETWORK_FAILURE.exec(output)![0]})`);
    expect(output).toMatch(/dockside\.+Failed/);
    expect(output).toContain('Do not use sudo as it leads to unpredictable behavior');
    expect(output).toContain('DL3004');
    expect(run.status).toBe(1);
  });

  it('passes on a good one', (context) => {
    if (snapshot === '') context.skip('skipped: the bad-Dockerfile run did not set up the repositories');
    const run = tryRepo('good/Dockerfile.prod');
    const output = `${String(run.stdout)}${String(run.stderr)}`;
    if (run.status !== 0 && NETWORK_FAILURE.test(output)) context.skip(`skipped: installing the hook needs the npm registry, unreachable here (${NETWORK_FAILURE.exec(output)![0]})`);
    expect(output).toMatch(/dockside\.+Passed/);
    expect(run.status, output).toBe(0);
  });
});

describe.skipIf(skipReason === null)('pre-commit try-repo (real pre-commit)', () => {
  it(skipReason ?? '', () => {});
});
