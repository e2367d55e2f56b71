import type { SharedLintOptions } from '../../src/cli/lint-job.js';

/** A run's options with nothing set: no config, no context, no fixing, findings handed back whole. */
export const PLAIN_LINT_OPTIONS: SharedLintOptions = {
  cwd: process.cwd(),
  explicitConfigFile: null,
  noConfig: true,
  buildArgs: [],
  target: null,
  context: null,
  precisePositions: false,
  failureThreshold: null,
  stdinFilename: null,
  keepSource: false,
  fix: 'off',
  fixDryRun: false,
  parts: null,
};
