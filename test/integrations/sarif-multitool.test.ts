/**
 * Microsoft's SARIF validator (`@microsoft/sarif-multitool validate`, with its GitHub code-scanning
 * rules `--rule-kind Gh;Sarif`) on the SARIF of a real run over the ten-file fixture repository.
 * Any error or warning it reports fails the test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_FIRST, FIXTURE_REPO, hasBuiltCli, runCli } from './support.js';

/** The platform binary the npm package ships (its bin.js wrapper runs through a shell, which splits `Gh;Sarif`). */
function multitoolBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
const multitool = multitoolBinary();

interface ValidationLog {
  runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'dockside-sarif-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!hasBuiltCli || !multitool)('SARIF through Microsoft’s validator', () => {
  it('reports no error and no warning on a 10-file run', () => {
    const sarifPath = join(scratch, 'dockside.sarif');
    const lint = runCli(['lint', '--format', 'sarif', '--output-file', sarifPath, '.'], FIXTURE_REPO);
    expect(lint.stderr).toBe('');
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const files = new Set(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(files.size).toBeGreaterThanOrEqual(8);

    const validationPath = join(scratch, 'validation.sarif');
    const validate = spawnSync(multitool!, ['validate', sarifPath, '--output', validationPath, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif'], {
      encoding: 'utf8',
      timeout: 300_000,
      // The validator is a self-contained .NET program: no ICU on minimal machines is fine.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    expect(validate.error).toBeUndefined();
    expect(validate.stdout).toContain('Analysis completed successfully');
    const validation = JSON.parse(readFileSync(validationPath, 'utf8')) as ValidationLog;
    const complaints = validation.runs
      .flatMap((run) => run.results ?? [])
      .filter((result) => result.level === undefined || result.level === 'error' || result.level === 'warning');
    // The console lines say what each complaint is; the log's messages are templates.
    expect(complaints, validate.stdout).toEqual([]);
  });
});

describe.skipIf(hasBuiltCli && multitool !== null)('SARIF through Microsoft’s validator', () => {
  it(hasBuiltCli ? 'skipped: @microsoft/sarif-multitool (dev dependency) is not installed for this platform' : BUILD_FIRST, () => {});
});
