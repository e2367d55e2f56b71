/** ShellCheck on RUN scripts: availability (for the CLI's notice), script building, running, mapping. */
export { shellcheckAvailability, shellcheckRunsWith, runShellcheck, SHELLCHECK_MISSING_NOTICE, SHELLCHECK_ENV_VAR } from './runner.js';
export type { ShellcheckAvailability, ShellcheckComment } from './runner.js';
export { shellcheckScripts, buildScript } from './script.js';
export type { ShellcheckScript } from './script.js';
export { dockerfileRange, lineStartOffsets } from './positions.js';
