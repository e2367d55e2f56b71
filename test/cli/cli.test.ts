/**
 * The built CLI, run as users run it (a child process). `npm test` builds first (pretest).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/dockside.js');

function dockside(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOCKSIDE_SHELLCHECK: 'off', ...options.env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  rule: string;
  aliases: string[];
  level: string;
  message: string;
  fixable: boolean;
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dockside-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(relative: string, content: string | Buffer): string {
  const path = join(work, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

describe('dockside lint', () => {
  it('says once which report it cannot write, writes the others, and exits 2', () => {
    const dockerfile = write('outputs/Dockerfile', 'FROM ubuntu\nRUN apt-get install curl\n');
    const unwritable = join(work, 'outputs', 'no-such-folder', 'report.json');
    for (const formats of [['json', 'compact'], ['json', 'sarif']]) {
      const result = dockside(['lint', '--no-config', '-f', formats[0]!, '-f', formats[1]!, '-o', unwritable, '-o', '-', dockerfile]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`dockside: cannot write ${unwritable}: ENOENT\n`);
      expect(result.stdout).toContain('DL3008');
    }
  });

  it('leaves a file named by two -o the later format\'s report, as when reports were written one after the other', () => {
    const dockerfile = write('same-output/Dockerfile', 'FROM ubuntu\nRUN apt-get install curl\n');
    const output = join(work, 'same-output', 'report');
    const result = dockside(['lint', '--no-config', '-f', 'json', '-f', 'compact', '-o', output, '-o', output, dockerfile]);
    expect(result.code).toBe(1);
    const compact = dockside(['lint', '--no-config', '-f', 'compact', dockerfile]);
    expect(readFileSync(output, 'utf8')).toBe(compact.stdout);
  });

  it('prints findings for the example and exits 1', () => {
    const result = dockside(['lint', 'fixtures/examples/Dockerfile']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('fixtures/examples/Dockerfile');
    expect(result.stdout).toMatch(/DL3007/);
    expect(result.stdout).toMatch(/✖ \d+ problems/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // A run that does not fix still tells which findings a fix exists for, and how safe it is.
    expect(result.stdout).toMatch(/\[fixable\]/);
    expect(result.stdout).toMatch(/\[unsafe fix\]/);
    expect(result.stdout).toMatch(/^ {2}\d+ fixable with --fix$/m);
    expect(result.stdout).toMatch(/^ {2}\d+ more fixable with --unsafe-fixes$/m);
  });

  it('exits 0 on a clean Dockerfile and prints nothing', () => {
    const result = dockside(['lint', 'fixtures/examples/clean/Dockerfile']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('prints the JSON contract', () => {
    const result = dockside(['lint', '--format', 'json', 'fixtures/examples/Dockerfile']);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(Array.isArray(findings)).toBe(true);
    const latest = findings.find((finding) => finding.code === 'DL3007');
    expect(latest).toEqual({
      file: 'fixtures/examples/Dockerfile',
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 19,
      code: 'DL3007',
      rule: 'no-latest-tag',
      aliases: [],
      level: 'warning',
      message: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
      fixable: false,
    });
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(
        ['aliases', 'code', 'column', 'endColumn', 'endLine', 'file', 'fixable', 'level', 'line', 'message', 'rule'].sort(),
      );
    }
  });

  it('reads stdin with -', () => {
    const result = dockside(['lint', '-', '--format', 'json', '--stdin-filename', 'web/Dockerfile'], { input: 'FROM nginx:latest\n' });
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.find((finding) => finding.code === 'DL3007')?.file).toBe('web/Dockerfile');
    expect(result.code).toBe(1);
  });

  it('searches folders for Dockerfile names, skipping node_modules', () => {
    write('tree/Dockerfile', 'FROM a:latest\n');
    write('tree/svc/api.Dockerfile', 'FROM b:latest\n');
    write('tree/svc/Containerfile.dev', 'FROM c:latest\n');
    write('tree/node_modules/x/Dockerfile', 'FROM d:latest\n');
    write('tree/README.md', '# not a Dockerfile\n');
    const result = dockside(['lint', '--format', 'json', join(work, 'tree')]);
    const files = [...new Set((JSON.parse(result.stdout) as JsonFinding[]).map((finding) => finding.file.slice(work.length + 1)))].sort();
    expect(files).toEqual(['tree/Dockerfile', 'tree/svc/Containerfile.dev', 'tree/svc/api.Dockerfile']);
  });

  it('expands quoted globs', () => {
    const result = dockside(['lint', '--format', 'json', `${work}/tree/**/*.Dockerfile`]);
    const files = new Set((JSON.parse(result.stdout) as JsonFinding[]).map((finding) => finding.file));
    expect([...files].map((file) => file.slice(work.length + 1))).toEqual(['tree/svc/api.Dockerfile']);
  });

  it('honours --failure-threshold and --max-warnings', () => {
    const file = write('threshold/Dockerfile', 'FROM a:latest\n');
    expect(dockside(['lint', file]).code).toBe(1);
    expect(dockside(['lint', '--failure-threshold', 'error', file]).code).toBe(0);
    const tooMany = dockside(['lint', '--failure-threshold', 'error', '--max-warnings', '0', file]);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('too many warnings (1 found, max 0)');
  });

  it('--target judges stages against the named one, in worker threads too; a name the file lacks is an error there', () => {
    write('target/Dockerfile', 'FROM alpine:3.20 AS build\nFROM build AS test\nFROM alpine:3.20 AS prod\nCOPY --from=build /a /a\n');
    write('target/other.Dockerfile', 'FROM alpine:3.20\n');
    for (const workers of ['0', '1']) {
      const result = dockside(['lint', '--format', 'json', '--target', 'Test', join(work, 'target')], { env: { DOCKSIDE_WORKERS: workers } });
      const findings = (JSON.parse(result.stdout) as JsonFinding[]).map((finding) => `${finding.file.slice(work.length + 1)}:${finding.line} ${finding.rule}: ${finding.message}`);
      expect(findings, `DOCKSIDE_WORKERS=${workers}`).toEqual([
        'target/Dockerfile:3 unused-stage: Stage "prod" is not used by the target stage "test" nor by any stage it needs; it is not built with --target Test',
        'target/other.Dockerfile:1 parse-error: target stage "Test" could not be found',
      ]);
      expect(result.code).toBe(1);
    }
  });

  it('exits 2 on a usage error', () => {
    expect(dockside(['lint', '--format', 'nope', 'fixtures/examples/Dockerfile']).code).toBe(2);
    expect(dockside(['lint', '--no-such-option']).code).toBe(2);
    expect(dockside(['--help']).code).toBe(0);
  });
});

describe('bad input: one clear line, the right exit code, the other files still linted', () => {
  const good = (): string => write('bad/good/Dockerfile', 'FROM nginx:latest\n');

  const expectOthersLinted = (stdout: string): void => {
    expect(stdout).toContain('good/Dockerfile');
  };

  it('a --context that is missing or not a folder: one line, exit 2, nothing linted', () => {
    const dockerfile = write('bad/context/Dockerfile', 'FROM alpine:3.20\nCOPY app.py /app/\n');
    for (const [context, problem] of [
      [join(work, 'bad/context/no-such-folder'), 'no such folder'],
      [dockerfile, 'not a folder'],
    ] as const) {
      const result = dockside(['lint', '--no-config', '--context', context, dockerfile]);
      expect(result.stderr).toBe(`dockside: --context ${context}: ${problem}\n`);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(2);
    }
  });

  it('a binary file', () => {
    const binary = write('bad/binary/Dockerfile', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    const result = dockside(['lint', binary, good()]);
    expect(result.stdout).toMatch(/binary\/Dockerfile\n\s+1:1\s+error\s+binary file: it holds a NUL byte, not a Dockerfile/);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(1);
  });

  it('an empty file', () => {
    const empty = write('bad/empty/Dockerfile', '');
    const result = dockside(['lint', empty, good()]);
    expect(result.stdout).toMatch(/empty\/Dockerfile\n\s+1:1\s+error\s+the Dockerfile cannot be empty/);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(1);
  });

  it('invalid UTF-8', () => {
    const invalid = write('bad/utf8/Dockerfile', Buffer.concat([Buffer.from('FROM a:1\nRUN echo '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    const result = dockside(['lint', '--format', 'json', invalid, good()]);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.find((finding) => finding.code === 'DL1000')).toMatchObject({ line: 2, message: expect.stringContaining('invalid UTF-8') });
    expect(findings.some((finding) => finding.file.endsWith('good/Dockerfile'))).toBe(true);
  });

  it('a 5 MB single-line RUN', () => {
    const huge = write('bad/huge/Dockerfile', `FROM a:1\nRUN echo ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const result = dockside(['lint', huge, good()]);
    expect(result.stdout).toMatch(/huge\/Dockerfile\n\s+2:1\s+error\s+dockerfile line greater than max allowed size of 65535/);
    expectOthersLinted(result.stdout);
  });

  it('10,000 continuation lines', () => {
    const long = write('bad/long/Dockerfile', `FROM a:1\nRUN true${' \\\n && echo x'.repeat(10_000)}\n`);
    const result = dockside(['lint', '--format', 'json', long, good()]);
    expect(result.stderr).toBe('');
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });

  it('a variable that doubles itself on every line', () => {
    const bomb = write('bad/bomb/Dockerfile', `FROM a:1\nENV A=xy\n${'ENV A=$A$A\n'.repeat(40)}RUN echo $A\n`);
    const result = dockside(['lint', '--format', 'json', bomb, good()]);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.find((finding) => finding.code === 'DL1000')).toMatchObject({
      file: bomb,
      line: 21,
      level: 'error',
      message: expect.stringContaining('variable expansion too large'),
    });
    expect(findings.some((finding) => finding.file.endsWith('good/Dockerfile'))).toBe(true);
    expect(result.code).toBe(1);
  });

  it('more instructions than any Dockerfile has', () => {
    const many = write('bad/many/Dockerfile', `FROM a:1\n${'RUN true\n'.repeat(100_000)}`);
    const result = dockside(['lint', '--format', 'json', many, good()]);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    expect(findings.find((finding) => finding.code === 'DL1000')).toMatchObject({
      line: 5_001,
      message: 'more than 5000 instructions: the file is not read past this line',
    });
    expect(findings.some((finding) => finding.file.endsWith('good/Dockerfile'))).toBe(true);
  });

  it('more on stdin than a Dockerfile can be', () => {
    const result = dockside(['lint', '-'], { input: Buffer.alloc(20 * 1024 * 1024 + 1, 'A') });
    expect(result.stdout).toMatch(/^-\n\s+error\s+file too large to be a Dockerfile \(over 20971520 bytes\)/);
    expect(result.code).toBe(2);
  });

  it.skipIf(process.platform === 'win32')('a named pipe in a folder, an endless device, and a pipe named on the command line', async () => {
    const folder = join(work, 'bad/special');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    const fifo = join(folder, 'Dockerfile');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    write('bad/special/sub/Dockerfile', 'FROM nginx:latest\n');
    // A folder's named pipe is never opened: with no writer, opening it would wait forever.
    const result = dockside(['lint', folder, '/dev/zero', good()]);
    expect(result.stderr).toContain(`dockside: ${fifo}: not a regular file\n`);
    expect(result.stdout).toContain('sub/Dockerfile');
    expect(result.stdout).toMatch(/\/dev\/zero\n\s+error\s+file too large to be a Dockerfile \(over 20971520 bytes\)/);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(2);
    // Named on the command line, a pipe is read like `cat` reads it (`dockside lint <(…)`).
    const writer = spawn('sh', ['-c', `printf 'FROM nginx:latest\\n' > '${fifo}'`]);
    const piped = await new Promise<ReturnType<typeof spawnSync>>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'lint', '--format', 'json', fifo], { env: { ...process.env, DOCKSIDE_SHELLCHECK: 'off' } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', (status) => resolve({ status, stdout } as ReturnType<typeof spawnSync>));
    });
    writer.kill();
    expect((JSON.parse(String(piped.stdout)) as JsonFinding[]).map((finding) => finding.code)).toContain('DL3007');
  });

  it('an unterminated heredoc', () => {
    const heredoc = write('bad/heredoc/Dockerfile', 'FROM a:1\nRUN <<EOF\necho hi\n');
    const result = dockside(['lint', heredoc, good()]);
    expect(result.stdout).toMatch(/heredoc\/Dockerfile\n\s+2:5\s+error\s+unterminated heredoc/);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file (not as root: root reads everything)', () => {
    const locked = write('bad/locked/Dockerfile', 'FROM a:1\n');
    chmodSync(locked, 0o000);
    const result = dockside(['lint', locked, good()]);
    expect(result.stdout).toMatch(/locked\/Dockerfile\n\s+error\s+cannot read file: permission denied/);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(2);
  });

  it('a path that cannot be read as a file, a broken link and a symlink loop', () => {
    const folder = join(work, 'bad/links');
    mkdirSync(folder, { recursive: true });
    symlinkSync(join(folder, 'nowhere'), join(folder, 'Dockerfile'));
    symlinkSync(join(folder, 'loop-b'), join(folder, 'loop-a'));
    symlinkSync(join(folder, 'loop-a'), join(folder, 'loop-b'));
    const result = dockside(['lint', folder, join(folder, 'loop-a'), good()]);
    expect(result.stderr).toContain(`${join(folder, 'Dockerfile')}: broken symbolic link`);
    expect(result.stderr).toContain(`${join(folder, 'loop-a')}: symbolic link loop`);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(2);
  });

  it('a folder with no Dockerfile', () => {
    mkdirSync(join(work, 'bad/nothing'), { recursive: true });
    write('bad/nothing/README.md', 'hi\n');
    const result = dockside(['lint', join(work, 'bad/nothing'), good()]);
    expect(result.stderr).toBe(`dockside: ${join(work, 'bad/nothing')}: no Dockerfile found in this folder\n`);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(2);
  });

  it('a bad config value names the file, line and key; files under other configs are still linted', () => {
    write('bad/config/.dockside.yaml', 'rules:\n  DL3007: loud\n');
    const underBadConfig = write('bad/config/Dockerfile', 'FROM a:latest\n');
    const result = dockside(['lint', underBadConfig, good()]);
    expect(result.stderr).toMatch(/config error: .*bad\/config\/\.dockside\.yaml: "rules\.DL3007"/);
    expectOthersLinted(result.stdout);
    expect(result.code).toBe(2);
    const yamlError = write('bad/yaml/.dockside.yaml', 'rules: [\n');
    const broken = dockside(['lint', '--config', yamlError, good()]);
    expect(broken.stderr).toMatch(/config error: .*bad\/yaml\/\.dockside\.yaml:\d+: invalid YAML/);
    expect(broken.code).toBe(2);
  });

  it('a config that never ends or is too large is refused, not read: /dev/zero as --config and as a found config', () => {
    const endless = dockside(['lint', '--config', '/dev/zero', good()]);
    expect(endless.stderr).toBe('dockside: config error: /dev/zero: config file too large (over 1048576 bytes)\n');
    expect(endless.code).toBe(2);
    mkdirSync(join(work, 'bad/zero'), { recursive: true });
    symlinkSync('/dev/zero', join(work, 'bad/zero/.dockside.yaml'));
    const underZero = write('bad/zero/Dockerfile', 'FROM a:latest\n');
    const found = dockside(['lint', underZero, good()]);
    expect(found.stderr).toContain(`config error: ${join(work, 'bad/zero/.dockside.yaml')}: config file too large (over 1048576 bytes)`);
    expectOthersLinted(found.stdout);
    expect(found.code).toBe(2);
    const huge = write('bad/huge/.dockside.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const tooLarge = dockside(['lint', '--config', huge, good()]);
    expect(tooLarge.stderr).toContain(`config file too large (${2 * 1024 * 1024 + 3} bytes, limit 1048576)`);
    expect(tooLarge.code).toBe(2);
  });

  it('reads a .hadolint.yaml when there is no dockside config', () => {
    write('hadolint/.hadolint.yaml', 'ignored:\n  - DL3007\nfailure-threshold: error\n');
    const file = write('hadolint/Dockerfile', 'FROM a:latest\n');
    const result = dockside(['lint', '--format', 'json', file]);
    expect((JSON.parse(result.stdout) as JsonFinding[]).some((finding) => finding.code === 'DL3007')).toBe(false);
  });
});

describe('dockside rules and explain', () => {
  it('lists rules and explains one by any identity', () => {
    const list = dockside(['rules']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('DL3007');
    const explained = dockside(['explain', 'no-latest-tag']);
    expect(explained.stdout).toMatch(/^# no-latest-tag \(DL3007\)/);
    expect(dockside(['explain', 'nope']).code).toBe(2);
  });
});
