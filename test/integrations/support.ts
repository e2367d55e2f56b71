/**
 * Shared by the integration tests: where the repository, its built CLI and the fixture repository
 * are, and how to run the CLI the way a user does.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Ten Dockerfiles under the names people use, most with findings at several levels. */
export const FIXTURE_REPO = join(REPO_ROOT, 'test', 'integrations', 'fixture-repo');
export const CLI = join(REPO_ROOT, 'bin', 'dockside.js');
/** `npm test` builds first (pretest); a bare `vitest run` may not have. */
export const hasBuiltCli = existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'));
export const BUILD_FIRST = 'skipped: dist/ is not built (run `npm run build`, which `npm test` does first)';

export function runCli(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
}

/** Whether an executable is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}
