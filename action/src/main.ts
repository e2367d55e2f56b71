/**
 * The dockside GitHub Action: lints the repository's Dockerfiles in-process (no `npx`, no install
 * step), annotates the pull request through `@actions/core`, writes a job summary, optionally
 * writes SARIF for `github/codeql-action/upload-sarif`, sets counts as outputs and fails the step
 * past the failure threshold (linter-anchors.md §5.9 and the §7 "JavaScript GitHub Action" list).
 *
 * Bundled with its WASM files into `action/dist/` by `scripts/build-action.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { runAnalyze } from '../../src/cli/analyze.js';
import { discoverTargets } from '../../src/cli/files.js';
import { LintJobRunner, type JobOutcome, type SharedLintOptions } from '../../src/cli/lint-job.js';
import { ConfigError } from '../../src/engine/config.js';
import { SEVERITIES, SEVERITY_RANK, type FileResult, type Finding, type Severity } from '../../src/engine/types.js';
import { displayPath, problemsOf } from '../../src/reporters/format-helpers.js';
import { omittedNotice, selectAnnotations } from '../../src/reporters/github.js';
import { FORMAT_NAMES, loadReporter } from '../../src/reporters/index.js';
import type { ReporterContext } from '../../src/reporters/types.js';
import { defaultRegistry } from '../../src/rules/index.js';

/** package.json's version, written into the bundle by esbuild's `define`. */
declare const DOCKSIDE_VERSION: string;

/** Rows of the job summary's findings table; the full list is in SARIF or the log. */
const SUMMARY_ROWS = 50;

interface ActionInputs {
  readonly files: string[];
  readonly config: string;
  readonly failureThreshold: Severity | null;
  readonly format: string | null;
  readonly sarifFile: string;
  readonly annotations: boolean;
  readonly analyze: boolean;
  /** `--target`: the stage the build ends with, or null for the last. */
  readonly target: string | null;
  readonly workingDirectory: string;
}

/** A boolean input: GitHub passes action.yml defaults, but a missing one must not throw. */
function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new Error(`input "${name}" must be true or false, not "${value}"`);
}

function readInputs(): ActionInputs {
  const threshold = core.getInput('failure-threshold').trim();
  if (threshold !== '' && !(SEVERITIES as readonly string[]).includes(threshold)) {
    throw new Error(`input "failure-threshold" must be one of ${SEVERITIES.join(', ')}, not "${threshold}"`);
  }
  const format = core.getInput('format').trim();
  if (format !== '' && format !== 'none' && !FORMAT_NAMES.includes(format)) {
    throw new Error(`input "format" must be none or one of ${FORMAT_NAMES.join(', ')}, not "${format}"`);
  }
  return {
    files: core.getMultilineInput('files').filter((line) => line.trim() !== ''),
    config: core.getInput('config').trim(),
    failureThreshold: threshold === '' ? null : (threshold as Severity),
    format: format === '' || format === 'none' ? null : format,
    sarifFile: core.getInput('sarif-file').trim(),
    annotations: booleanInput('annotations', true),
    analyze: booleanInput('analyze', false),
    target: core.getInput('target').trim() || null,
    workingDirectory: core.getInput('working-directory').trim() || '.',
  };
}

function countLevels(problems: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const problem of problems) counts[problem.level]++;
  return counts;
}

/** Table cells are HTML: keep messages from injecting markup into the summary. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function writeSummary(results: readonly FileResult[], counts: Record<Severity, number>, root: string, verdict: string, inputs: ActionInputs): Promise<void> {
  const problems = results.flatMap((result) => problemsOf(result));
  const summary = core.summary
    .addHeading('dockside', 2)
    .addRaw(`<p>${escapeHtml(verdict)}</p>`, true)
    .addTable([
      [
        { data: 'Files', header: true },
        { data: 'Errors', header: true },
        { data: 'Warnings', header: true },
        { data: 'Info', header: true },
        { data: 'Style', header: true },
      ],
      [String(results.length), String(counts.error), String(counts.warning), String(counts.info), String(counts.style)],
    ]);
  if (problems.length > 0) {
    const ordered = [...problems].sort((a, b) => SEVERITY_RANK[a.level] - SEVERITY_RANK[b.level]);
    summary.addTable([
      [
        { data: 'Level', header: true },
        { data: 'Location', header: true },
        { data: 'Code', header: true },
        { data: 'Message', header: true },
      ],
      ...ordered
        .slice(0, SUMMARY_ROWS)
        .map((problem) => [
          problem.level,
          escapeHtml(`${displayPath(problem.file, root)}:${problem.line}:${problem.column}`),
          escapeHtml(problem.code),
          escapeHtml(problem.message),
        ]),
    ]);
    if (problems.length > SUMMARY_ROWS) {
      summary.addRaw(`<p>${problems.length - SUMMARY_ROWS} more not shown here: see the step log${inputs.sarifFile ? ' or the uploaded SARIF' : ''}.</p>`, true);
    }
  }
  if (inputs.analyze) {
    // The build report of every linted Dockerfile, as `dockside analyze --format markdown` prints it.
    const analyzable = results.filter((result) => !result.error && result.file !== '-').map((result) => result.file);
    let markdown = '';
    const analyzeIO = {
      stdout: (text: string) => {
        markdown += text;
      },
      stderr: (text: string) => core.warning(text.trim()),
      cwd: root,
    };
    if (analyzable.length > 0) await runAnalyze(analyzable, { format: 'markdown', ...(inputs.target ? { target: inputs.target } : {}) }, analyzeIO);
    if (markdown) summary.addHeading('Build report', 3).addRaw(markdown, true);
  }
  await summary.write();
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const root = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), inputs.workingDirectory);
    // Paths in the results (and so in annotations) are relative to the working directory.
    process.chdir(root);

    const shared: SharedLintOptions = {
      cwd: root,
      explicitConfigFile: inputs.config === '' ? null : resolve(root, inputs.config),
      noConfig: false,
      buildArgs: [],
      target: inputs.target,
      context: null,
      precisePositions: false,
      failureThreshold: inputs.failureThreshold,
      stdinFilename: null,
      // SARIF's line fingerprints are computed from the source.
      keepSource: true,
      // The action reports; it never rewrites the repository's files.
      fix: 'off',
      fixDryRun: false,
      // The action needs the findings themselves (annotations, SARIF, the summary).
      parts: null,
    };
    const runner = new LintJobRunner(defaultRegistry(), shared);
    if (shared.explicitConfigFile) {
      const config = await runner.configFor(shared.explicitConfigFile);
      if (config instanceof ConfigError) {
        core.setFailed(`dockside: config error: ${config.message}`);
        return;
      }
    }

    const discovery = await discoverTargets(inputs.files);
    let operationalProblems = 0;
    for (const problem of discovery.problems) {
      core.error(`dockside: ${problem}`);
      operationalProblems++;
    }
    const outcomes: JobOutcome[] = [];
    for (const target of discovery.targets) outcomes.push(await runner.run(target.path));
    const reportedConfigErrors = new Set<string>();
    for (const outcome of outcomes) {
      if (outcome.configError && !reportedConfigErrors.has(outcome.configError)) {
        reportedConfigErrors.add(outcome.configError);
        core.error(`dockside: config error: ${outcome.configError}`);
      }
      if (outcome.operationalError) operationalProblems++;
    }
    const results = outcomes.map((outcome) => outcome.result);

    const context: ReporterContext = {
      color: false,
      rules: defaultRegistry().rules,
      toolName: 'dockside',
      toolVersion: DOCKSIDE_VERSION,
      informationUri: 'https://github.com/dockside/dockside',
      cwd: root,
    };
    if (inputs.format) {
      const reporter = await loadReporter(inputs.format);
      const output = reporter ? reporter(results, context) : '';
      if (output !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    }
    if (inputs.sarifFile) {
      const sarifPath = resolve(root, inputs.sarifFile);
      const sarif = (await loadReporter('sarif'))!;
      mkdirSync(dirname(sarifPath), { recursive: true });
      writeFileSync(sarifPath, sarif(results, context));
      core.setOutput('sarif-file', sarifPath);
      core.info(`dockside: SARIF written to ${sarifPath}`);
    }

    const problems = results.flatMap((result) => problemsOf(result));
    if (inputs.annotations) {
      const { annotations, omitted } = selectAnnotations(problems, root);
      for (const annotation of annotations) {
        const { command, message, ...properties } = annotation;
        core[command](message, {
          title: properties.title,
          file: properties.file,
          startLine: properties.startLine,
          endLine: properties.endLine,
          ...(properties.startColumn !== undefined ? { startColumn: properties.startColumn, endColumn: properties.endColumn } : {}),
        });
      }
      const notice = omittedNotice(omitted);
      if (notice) core.info(notice);
    }

    const counts = countLevels(problems);
    core.setOutput('error-count', counts.error);
    core.setOutput('warning-count', counts.warning);
    core.setOutput('info-count', counts.info);
    core.setOutput('style-count', counts.style);
    core.setOutput('problem-count', problems.length);
    core.setOutput('file-count', results.length);

    const failing = outcomes.reduce(
      (total, outcome) => total + outcome.result.findings.filter((finding) => SEVERITY_RANK[finding.level] <= SEVERITY_RANK[outcome.threshold]).length,
      0,
    );
    const verdict =
      operationalProblems > 0
        ? `dockside: ${operationalProblems} file${operationalProblems === 1 ? '' : 's'} or path${operationalProblems === 1 ? '' : 's'} could not be linted`
        : failing > 0
          ? `dockside: ${failing} problem${failing === 1 ? '' : 's'} at or above the failure threshold in ${results.length} file${results.length === 1 ? '' : 's'}`
          : `dockside: ${results.length} file${results.length === 1 ? '' : 's'} linted, nothing at or above the failure threshold`;
    try {
      await writeSummary(results, counts, root, verdict, inputs);
    } catch (error) {
      // Outside GitHub (no GITHUB_STEP_SUMMARY) there is nowhere to write the summary.
      core.debug(`job summary not written: ${(error as Error).message}`);
    }
    if (operationalProblems > 0 || failing > 0) core.setFailed(verdict);
    else core.info(verdict);
  } catch (error) {
    core.setFailed(`dockside: ${(error as Error).message}`);
  }
}

await run();
