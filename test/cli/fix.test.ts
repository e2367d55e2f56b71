/**
 * `dockside lint --fix`, `--unsafe-fixes` and `--fix-dry-run` as users run them (a child process):
 * what is written, what is printed, and what is left alone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch } from 'diff';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/dockside.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dockside-fix-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function dockside(args: readonly string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, 'lint', '--no-config', ...args], {
    cwd: work,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOCKSIDE_SHELLCHECK: 'off' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let folders = 0;
/** A Dockerfile in a folder of its own (so no two tests share a build context). */
function dockerfileWith(content: string | Buffer): string {
  const folder = join(work, `case-${folders++}`);
  mkdirSync(folder);
  const path = join(folder, 'Dockerfile');
  writeFileSync(path, content);
  return path;
}

// Safe fixes: MAINTAINER becomes a LABEL (DL4000), `-y` is added (DL3014). Unsafe: adding
// `--no-install-recommends` (DL3015) changes what is installed.
const SOURCE = 'FROM debian:12\r\nMAINTAINER someone\r\nRUN apt-get install curl\r\n';
const SAFELY_FIXED = 'FROM debian:12\r\nLABEL org.opencontainers.image.authors="someone"\r\nRUN apt-get -y install curl\r\n';

describe('dockside lint --fix', () => {
  it('rewrites the file with the safe fixes, keeping its mode and line endings, and reports what is left', () => {
    const path = dockerfileWith(SOURCE);
    chmodSync(path, 0o640);
    const result = dockside(['--fix', path]);
    expect(readFileSync(path, 'utf8')).toBe(SAFELY_FIXED);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(result.stderr).toBe('dockside: applied 2 fixes\n');
    expect(result.stdout).toContain('DL3015');
    expect(result.stdout).not.toMatch(/DL4000|DL3014/);
    expect(result.code).toBe(1);
  });

  it('with --unsafe-fixes also applies the fixes that may change meaning', () => {
    const path = dockerfileWith(SOURCE);
    dockside(['--fix', '--unsafe-fixes', path]);
    expect(readFileSync(path, 'utf8')).toContain('RUN apt-get -y install --no-install-recommends curl\r\n');
  });

  it('fixes the file a symbolic link points at, and leaves the link a link', () => {
    const target = dockerfileWith(SOURCE);
    const link = join(work, 'linked.Dockerfile');
    symlinkSync(target, link);
    const result = dockside(['--fix', link]);
    expect(result.stderr).toBe('dockside: applied 2 fixes\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(SAFELY_FIXED);
  });

  it('fixes a file with other hard links in place, so every name sees the fix', () => {
    const path = dockerfileWith(SOURCE);
    const other = join(work, 'hard-linked.Dockerfile');
    linkSync(path, other);
    const inode = statSync(path).ino;
    const result = dockside(['--fix', path]);
    expect(result.stderr).toBe('dockside: applied 2 fixes\n');
    expect(statSync(path).ino).toBe(inode);
    expect(statSync(path).nlink).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe(SAFELY_FIXED);
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('run as root, leaves a file owned by another user that user\'s', () => {
    // Before, the rename replaced it with a new file owned by root.
    const path = dockerfileWith(SOURCE);
    chownSync(path, 65534, 65534);
    const result = dockside(['--fix', path]);
    expect(result.stderr).toBe('dockside: applied 2 fixes\n');
    expect(readFileSync(path, 'utf8')).toBe(SAFELY_FIXED);
    expect(statSync(path).uid).toBe(65534);
    expect(statSync(path).gid).toBe(65534);
  });

  it('fixes a file of its own atomically: a new file takes the old one\'s name', () => {
    const path = dockerfileWith(SOURCE);
    const inode = statSync(path).ino;
    dockside(['--fix', path]);
    expect(readFileSync(path, 'utf8')).toBe(SAFELY_FIXED);
    expect(statSync(path).ino).not.toBe(inode);
  });

  it('fixes and reports a file named several ways once, under the first name', () => {
    const path = dockerfileWith(SOURCE);
    const relative = path.slice(work.length + 1);
    const folder = relative.slice(0, -'/Dockerfile'.length);
    const result = dockside(['--fix', '--format', 'json', relative, `./${relative}`, folder, path]);
    expect(result.stderr).toBe('dockside: applied 2 fixes\n');
    const files = (JSON.parse(result.stdout) as { file: string }[]).map((finding) => finding.file);
    expect(new Set(files)).toEqual(new Set([relative]));
    expect(files).toHaveLength(2);
  });

  it('does not rewrite a file that is not UTF-8, and says so', () => {
    const latin1 = Buffer.concat([Buffer.from('FROM debian:12\nMAINTAINER Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const path = dockerfileWith(latin1);
    const result = dockside(['--fix', path]);
    expect(readFileSync(path)).toEqual(latin1);
    expect(result.stderr).toContain(`${path}: not fixed: only UTF-8 files are rewritten`);
  });

  it('reads stdin and prints the fixed text, the report going to stderr', () => {
    const result = dockside(['--fix', '-'], SOURCE);
    expect(result.stdout).toBe(SAFELY_FIXED);
    expect(result.stderr).toContain('DL3015');
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(1);
  });
});

describe('dockside lint --fix-dry-run', () => {
  it('writes nothing and prints a diff that turns the file into what --fix writes', () => {
    const path = dockerfileWith(SOURCE);
    for (const flag of ['--fix-dry-run', '--diff']) {
      const result = dockside([flag, '--unsafe-fixes', path]);
      expect(readFileSync(path, 'utf8')).toBe(SOURCE);
      expect(result.stdout).toContain(`--- a/${path}\n+++ b/${path}\n`);
      const patched = applyPatch(SOURCE, result.stdout.slice(result.stdout.indexOf('===')));
      dockside(['--fix', '--unsafe-fixes', path]);
      expect(patched).toBe(readFileSync(path, 'utf8'));
      writeFileSync(path, SOURCE);
    }
  });
});
