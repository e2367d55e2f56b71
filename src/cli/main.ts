/**
 * The `dockside` command line (commander). Exit codes: 0 clean, 1 findings at or above the failure
 * threshold, 2 usage, config, output or internal error. Never `process.exit()` with output pending.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { FORMAT_NAMES } from '../reporters/index.js';
import { defaultRegistry } from '../rules/index.js';
import { decideColor } from './color.js';
import { dirname, resolve } from 'node:path';
import { discoverConfigFile, loadConfigFile, type Config } from '../engine/config.js';
import { parseBuildArgs, runLint, type CliIO } from './lint-command.js';
import { MAX_FILE_BYTES } from './read-dockerfile.js';
import { explainRule, listRules } from './rules-command.js';

function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Standard input, read until its end or until it is past the size limit: what follows is never
 * looked at (lint-job.ts refuses the file), and `cat /dev/zero | dockside lint -` must end.
 */
async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks);
}

/** Set once a write to stdout has failed: EPIPE when its reader went away (`dockside … | head`). */
let stdoutWriteError: NodeJS.ErrnoException | null = null;
let watchingStdout = false;

/**
 * Listens to stdout's errors for the whole process (once, however many runs a test makes). Without a
 * listener an error on stdout ends the process with a stack trace; and it cannot be read from the
 * stream afterwards: stdio streams undo their own destruction (`errored` is back to null within the
 * same tick).
 */
function watchStdoutErrors(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutWriteError) return;
    stdoutWriteError = error;
    // A reader that left did so on purpose: nothing to say. Anything else is said once.
    if (error.code !== 'EPIPE') process.stderr.write(`dockside: cannot write to stdout: ${error.code ?? error.message}\n`);
  });
}

export function defaultIO(): CliIO {
  watchStdoutErrors();
  return {
    stdout: (text) => {
      // A pipe (`dockside … | jq`) that is full queues the text in memory: say when it has drained.
      if (process.stdout.write(text)) return undefined;
      return new Promise<void>((resolveDrain) => {
        // A reader that went away (`| head`) never drains: stop waiting on error or close too.
        const done = (): void => {
          process.stdout.off('drain', done).off('error', done).off('close', done);
          resolveDrain();
        };
        process.stdout.once('drain', done).once('error', done).once('close', done);
      });
    },
    // A block body: stream.write's boolean would pass as a `void` result, and a caller that tells a
    // queued write by a truthy result (stdout's promise) would take it for one.
    stderr: (text) => {
      process.stderr.write(text);
    },
    readStdin: readAllStdin,
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdoutClosed: () => stdoutWriteError !== null,
  };
}

export { lintedInWorkerThreads } from './pool.js';

export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  const version = packageVersion();
  let exitCode = 0;
  const program = new Command();
  program
    .name('dockside')
    .description('Dockerfile linter and build analyzer: hadolint and docker build --check rules, and more.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showSuggestionAfterError(true);

  program
    .command('lint', { isDefault: true })
    .description('Lint Dockerfiles (files, folders, quoted globs; "-" reads stdin)')
    .argument('[paths...]', 'Dockerfiles, folders to search, or quoted globs; default: the current folder')
    .option('-f, --format <name>', `output format (repeatable): ${FORMAT_NAMES.join(', ')}`, collect, [])
    .option('-o, --output-file <path>', 'write the Nth --format to this file (repeatable)', collect, [])
    .option('-t, --failure-threshold <level>', 'least severe level that fails the run: error, warning, info, style')
    .option('-q, --quiet', 'report errors only (the exit code still counts everything)', false)
    .option('--max-warnings <n>', 'fail when there are more than n warnings', (value) => Number.parseInt(value, 10), -1)
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour')
    .option('-c, --config <path>', 'use this config file instead of discovering one')
    .option('--no-config', 'use no config file at all')
    .option('--build-arg <name=value>', 'a build arg, as with docker build (repeatable)', collect, [])
    .option('--target <stage>', 'the stage the build ends with, as with docker build (default: the last)')
    .option('--context <dir>', "the build context (default: the Dockerfile's folder)")
    .option('--stdin-filename <path>', 'the name reported for stdin, used for config discovery')
    .option('--precise-positions', 'report findings inside multi-line RUNs at their exact line and column', false)
    .option('--no-fail', 'exit 0 whatever is found (usage and config errors still exit 2)')
    .option('--fix', 'apply safe fixes and write the files (stdin: print the fixed text)', false)
    .option('--unsafe-fixes', 'apply unsafe fixes too (they may change behaviour)', false)
    .option('--fix-dry-run', 'print the fixes as a unified diff, write nothing', false)
    .option('--diff', 'same as --fix-dry-run', false)
    .action(async (paths: string[], options: Record<string, unknown>) => {
      // With both --color and --no-color declared, commander leaves the value undefined unless one is given.
      const colorFlag = options.color as boolean | undefined;
      exitCode = await runLint(
        paths,
        {
          format: options.format as string[],
          outputFile: options.outputFile as string[],
          ...(options.failureThreshold !== undefined ? { failureThreshold: options.failureThreshold as string } : {}),
          quiet: options.quiet === true,
          maxWarnings: Number.isNaN(options.maxWarnings) ? -1 : (options.maxWarnings as number),
          color: decideColor(colorFlag, io.env, { isTTY: io.stdoutIsTTY }),
          config: options.config === false ? false : (options.config as string | undefined),
          buildArg: options.buildArg as string[],
          ...(options.target !== undefined ? { target: options.target as string } : {}),
          ...(options.context !== undefined ? { context: options.context as string } : {}),
          ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename as string } : {}),
          precisePositions: options.precisePositions === true,
          noFail: options.fail === false,
          fix: options.fix === true,
          unsafeFixes: options.unsafeFixes === true,
          fixDryRun: options.fixDryRun === true || options.diff === true,
        },
        io,
        { registry: defaultRegistry(), toolVersion: version },
      );
    });

  program
    .command('analyze')
    .description('Build report per Dockerfile: stages, layers, cache breaks, build context, findings')
    .argument('[paths...]', 'Dockerfiles or folders holding one (default: ./Dockerfile)')
    .addOption(new Option('-f, --format <name>', 'text, json or markdown').choices(['text', 'json', 'markdown']).default('text'))
    .option('--context <dir>', "the build context (default: the Dockerfile's folder)")
    .option('--changed <files...>', 'files you changed: which instruction first loses its cache, and how much rebuilds')
    .option('--since <git-ref>', 'the changed files are `git diff --name-only <git-ref>`')
    .option('--build-arg <name=value>', 'a build arg, as with docker build (repeatable)', collect, [])
    .option('--target <stage>', 'the stage the build ends with, as with docker build (default: the last)')
    .option('-c, --config <path>', 'use this config file instead of discovering one')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runAnalyze } = await import('./analyze.js');
      const registry = defaultRegistry();
      let config: Config | undefined;
      const configFile =
        typeof options.config === 'string'
          ? resolve(io.cwd, options.config)
          : discoverConfigFile(resolve(io.cwd, paths[0] !== undefined ? dirname(paths[0]) : '.'));
      if (configFile) {
        try {
          config = await loadConfigFile(configFile, registry);
        } catch (error) {
          io.stderr(`dockside: config error: ${(error as Error).message}\n`);
          exitCode = 2;
          return;
        }
      }
      exitCode = await runAnalyze(
        paths,
        {
          format: options.format as string,
          ...(options.context !== undefined ? { context: options.context as string } : {}),
          ...(options.changed !== undefined ? { changed: options.changed as string[] } : {}),
          ...(options.since !== undefined ? { since: options.since as string } : {}),
          buildArgs: parseBuildArgs(options.buildArg as string[], io.env),
          ...(options.target !== undefined ? { target: options.target as string } : {}),
          color: decideColor(options.color as boolean | undefined, io.env, { isTTY: io.stdoutIsTTY }),
          ...(config ? { config } : {}),
        },
        io,
      );
    });

  program
    .command('rules')
    .description('List every rule')
    .addOption(new Option('-f, --format <name>', 'text, json or markdown').choices(['text', 'json', 'markdown']).default('text'))
    .action((options: { format: 'text' | 'json' | 'markdown' }) => {
      io.stdout(listRules(defaultRegistry(), options.format));
    });

  program
    .command('explain')
    .description("Print a rule's documentation")
    .argument('<rule>', 'code, name or alias (DL3008, no-latest-tag, JSONArgsRecommended)')
    .action((identity: string) => {
      const text = explainRule(defaultRegistry(), identity);
      if (text === null) {
        io.stderr(`dockside: unknown rule "${identity}" (see dockside rules)\n`);
        exitCode = 2;
      } else io.stdout(text);
    });

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are successes; every other commander error is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
