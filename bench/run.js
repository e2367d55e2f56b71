#!/usr/bin/env node
/**
 * `npm run bench`: dockside against its floors and peers, in one run, on the same files.
 *
 * Each measurement is a separate process timed by /usr/bin/time (wall seconds, CPU seconds of all
 * its threads, peak RSS), so start-up is included for everyone. The peers (dockerfilelint,
 * dockerfile-utils) and the parse floor (dockerfile-ast) are installed into bench/node_modules on
 * first use, never by `npm ci`.
 *
 *   npm run bench                 # whole corpus, cold start, context walks
 *   npm run bench -- --quick      # every 10th corpus file
 *   npm run bench -- --runs 5     # the compared rows measured 5 times (default 3), medians shown
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'dockerfiles');

// ---- tasks, run inside a child process: `node bench/run.js --task NAME LISTFILE` ----
async function runTask(name, listFile) {
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const { createRequire } = await import('node:module');
  const require = createRequire(join(BENCH, 'package.json'));
  let crashes = 0;
  if (name === 'read') {
    for (const file of files) readFileSync(file, 'utf8');
  } else if (name === 'parse-floor') {
    const { DockerfileParser } = require('dockerfile-ast');
    for (const file of files) {
      try {
        // The bare parse: the floor issue 8 measures against.
        DockerfileParser.parse(readFileSync(file, 'utf8'));
      } catch {
        crashes++;
      }
    }
  } else if (name === 'dockerfilelint') {
    const { run } = require('dockerfilelint');
    for (const file of files) {
      try {
        run(dirname(file), readFileSync(file, 'utf8'));
      } catch {
        crashes++;
      }
    }
  } else if (name === 'dockerfile-utils') {
    const { validate } = require('dockerfile-utils');
    for (const file of files) {
      try {
        validate(readFileSync(file, 'utf8'));
      } catch {
        crashes++;
      }
    }
  } else throw new Error(`unknown task ${name}`);
  process.stdout.write(JSON.stringify({ crashes }));
}

// ---- the driver ----
function timed(command, args, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? ROOT,
  });
  const lines = result.stderr.trim().split('\n');
  const [seconds, kilobytes, userSeconds, systemSeconds] = lines.at(-1).split(' ').map(Number);
  return { seconds, cpuSeconds: userSeconds + systemSeconds, peakMiB: kilobytes / 1024, stdout: result.stdout, status: result.status, stderr: lines.slice(0, -1).join('\n') };
}

/**
 * Several runs of one measurement as one row: the median wall time (the run it came from gives the
 * CPU time, the output and the note), the highest peak memory, and the range of wall times in the note.
 */
function summarise(measurements) {
  const sorted = [...measurements].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor(sorted.length / 2)];
  const peakMiB = Math.max(...measurements.map((measurement) => measurement.peakMiB));
  const range = sorted.length > 1 ? `  [${sorted[0].seconds.toFixed(2)}-${sorted.at(-1).seconds.toFixed(2)} s]` : '';
  return { ...middle, peakMiB, note: `${middle.note}${range}` };
}

/** The number of findings in a JSON report, or null when the run printed none. */
function findingsIn(stdout) {
  try {
    return JSON.parse(stdout).length;
  } catch {
    return null;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ensurePeers() {
  if (existsSync(join(BENCH, 'node_modules', 'dockerfilelint'))) return;
  console.log('installing the peers into bench/node_modules …');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: BENCH, stdio: 'inherit' });
}

function main() {
  const quick = process.argv.includes('--quick');
  const runsOption = process.argv.indexOf('--runs');
  const runs = runsOption === -1 ? 3 : Number.parseInt(process.argv[runsOption + 1] ?? '', 10);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs takes a whole number of runs, 1 or more');
    process.exitCode = 2;
    return;
  }
  if (!existsSync(CORPUS)) {
    console.log('bench: ../shared/corpus is absent on this machine; nothing to measure');
    return;
  }
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  ensurePeers();
  const names = readdirSync(CORPUS).filter((name) => name.endsWith('.Dockerfile')).sort();
  const chosen = quick ? names.filter((_, index) => index % 10 === 0) : names;
  const work = mkdtempSync(join(tmpdir(), 'dockside-bench-'));
  // The file list and 20,000 links are the run's own: removed however it ends (Ctrl-C included).
  process.once('exit', () => rmSync(work, { recursive: true, force: true }));
  process.once('SIGINT', () => process.exit(130));
  const listFile = join(work, 'files.txt');
  writeFileSync(listFile, chosen.map((name) => join(CORPUS, name)).join('\n'));
  // The same files for dockside: a folder of links to them.
  const linkDir = join(work, 'corpus');
  // Made in-process: an `ln` process per file took ~40 s of the bench's two minutes.
  mkdirSync(linkDir, { recursive: true });
  for (const name of chosen) symlinkSync(join(CORPUS, name), join(linkDir, name));
  const count = chosen.length;
  console.log(`bench: ${count} Dockerfiles from the shared corpus, ${process.arch}, node ${process.version}, ${(
    spawnSync('nproc', { encoding: 'utf8' }).stdout || '?'
  ).trim()} cores\n`);

  const row = (label, measurement, note = '', files = count) => {
    console.log(
      `${label.padEnd(44)} ${measurement.seconds.toFixed(2).padStart(7)} s  ${(files / measurement.seconds).toFixed(0).padStart(6)} files/s  ${(
        (measurement.seconds * 1000) /
        files
      )
        .toFixed(3)
        .padStart(7)} ms/file  ${measurement.cpuSeconds.toFixed(1).padStart(5)} s CPU  ${measurement.peakMiB.toFixed(0).padStart(5)} MiB  ${note}`,
    );
  };
  const task = (name) => {
    const measurement = timed(process.execPath, [fileURLToPath(import.meta.url), '--task', name, listFile]);
    let crashes = '?';
    try {
      crashes = JSON.parse(measurement.stdout).crashes;
    } catch {
      // a task that died prints nothing
    }
    return { ...measurement, note: `crashes: ${crashes}` };
  };
  const read = task('read');
  row('read floor (readFileSync)', read, read.note);
  const utils = quick ? null : task('dockerfile-utils');
  if (utils) row('dockerfile-utils validate()', utils, utils.note);
  // The rows the goals compare are measured `runs` times, interleaved, and reported as medians
  // (wall time) with the range: on a shared two-vCPU machine one run can be off by 20%.
  const lintArgs = [join(ROOT, 'bin', 'dockside.js'), 'lint', '--no-config', '--format', 'json', '--no-fail', linkDir];
  const measurements = { floor: [], dockerfilelint: [], single: [], parallel: [] };
  for (let run = 0; run < runs; run++) {
    measurements.floor.push(task('parse-floor'));
    measurements.dockerfilelint.push(task('dockerfilelint'));
    const single = timed(process.execPath, lintArgs, { env: { DOCKSIDE_WORKERS: '0', DOCKSIDE_SHELLCHECK: 'off' } });
    measurements.single.push({ ...single, stdout: '', findings: findingsIn(single.stdout), note: `exit ${single.status}` });
    const parallel = timed(process.execPath, lintArgs, { env: { DOCKSIDE_SHELLCHECK: 'off' } });
    measurements.parallel.push({ ...parallel, stdout: '', findings: findingsIn(parallel.stdout), note: `exit ${parallel.status}` });
  }
  const floor = summarise(measurements.floor);
  row('parse floor (dockerfile-ast parse)', floor, floor.note);
  const dockerfilelint = summarise(measurements.dockerfilelint);
  row('dockerfilelint run()', dockerfilelint, dockerfilelint.note);
  const single = summarise(measurements.single);
  row('dockside lint, 1 thread, ShellCheck off', single, single.note);
  const parallel = summarise(measurements.parallel);
  row('dockside lint, workers, ShellCheck off', parallel, parallel.note);
  if (runs > 1) console.log(`(each of the last four rows: median of ${runs} interleaved runs, wall range in brackets, peak memory the highest)`);
  // Every run must report the same findings, one thread or many.
  const counts = new Set([...measurements.single, ...measurements.parallel].map((measurement) => measurement.findings));
  const findings = counts.size === 1 ? String([...counts][0]) : `differ between runs: ${[...counts].join(', ')}`;

  console.log('\nratios (wall clock):');
  console.log(`  dockside (workers) / parse floor     ${(parallel.seconds / floor.seconds).toFixed(2)}x   (goal ≤ 1.5x)`);
  console.log(`  dockside (1 thread) / parse floor    ${(single.seconds / floor.seconds).toFixed(2)}x`);
  // Also run by run: each round's two runs were minutes apart at most, so drift cancels out.
  const paired = runs > 1 ? `; run by run ${measurements.parallel.map((measurement, run) => (measurement.seconds / measurements.dockerfilelint[run].seconds).toFixed(2)).join(', ')}` : '';
  console.log(`  dockside (workers) / dockerfilelint  ${(parallel.seconds / dockerfilelint.seconds).toFixed(2)}x   (goal < 1x${paired})`);
  console.log(`  peak memory (workers)                ${parallel.peakMiB.toFixed(0)} MiB   (goal < 300 MiB)`);
  console.log(`  findings reported                    ${findings}`);

  // The rows above run every default rule but ShellCheck: it is a separate program the peers do
  // not run, and it costs more than everything else together (~15-25 ms a file). Its cost is
  // measured here on every 20th file, with it and without it, when a shellcheck binary is installed.
  if (spawnSync('shellcheck', ['--version']).status === 0) {
    const sampled = chosen.filter((_, index) => index % 20 === 0);
    const sampleDir = join(work, 'shellcheck-sample');
    mkdirSync(sampleDir);
    for (const name of sampled) symlinkSync(join(CORPUS, name), join(sampleDir, name));
    const sampleArgs = [join(ROOT, 'bin', 'dockside.js'), 'lint', '--no-config', '--format', 'json', '--no-fail', sampleDir];
    console.log(`\nShellCheck's cost, on every 20th file (${sampled.length} files):`);
    const without = timed(process.execPath, sampleArgs, { env: { DOCKSIDE_SHELLCHECK: 'off' } });
    row('dockside lint, ShellCheck off', without, `${findingsIn(without.stdout)} findings`, sampled.length);
    const withShellcheck = timed(process.execPath, sampleArgs);
    row('dockside lint, ShellCheck on', withShellcheck, `${findingsIn(withShellcheck.stdout)} findings`, sampled.length);
  } else {
    console.log('\nno shellcheck binary on PATH: its cost is not measured');
  }

  // Cold start: one small file, against node's own start-up.
  const one = join(ROOT, 'fixtures', 'examples', 'clean', 'Dockerfile');
  const nodeStarts = [];
  const docksideStarts = [];
  for (let run = 0; run < 11; run++) {
    nodeStarts.push(timed(process.execPath, ['-e', '0']).seconds);
    docksideStarts.push(timed(process.execPath, [join(ROOT, 'bin', 'dockside.js'), 'lint', '--no-config', one], { env: { DOCKSIDE_SHELLCHECK: 'off' } }).seconds);
  }
  const nodeMedian = median(nodeStarts) * 1000;
  const docksideMedian = median(docksideStarts) * 1000;
  console.log('\ncold start, one file (median of 11):');
  console.log(`  node -e 0        ${nodeMedian.toFixed(0)} ms`);
  console.log(`  dockside lint    ${docksideMedian.toFixed(0)} ms   (+${(docksideMedian - nodeMedian).toFixed(0)} ms; goal ≤ +100 ms)`);

  const contextBench = join(BENCH, 'context-walk.js');
  if (existsSync(contextBench)) {
    console.log('\ncontext walks:');
    const result = spawnSync(process.execPath, [contextBench, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', cwd: ROOT });
    process.stdout.write(result.stdout);
    if (result.status !== 0) process.stdout.write(result.stderr);
  }
}

if (process.argv[2] === '--task') await runTask(process.argv[3], process.argv[4]);
else main();
