import type { PartwiseReporter, Reporter, ReporterContext } from './types.js';

/**
 * Output formats by name, loaded lazily so a run pays only for the reporter it uses.
 * `gitlab_codeclimate` is hadolint's name for the GitLab report, kept so hadolint users' CI works.
 */
export const REPORTERS: Readonly<Record<string, () => Promise<Reporter>>> = {
  text: async () => (await import('./text.js')).textReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  compact: async () => (await import('./compact.js')).compactReporter,
  sarif: async () => (await import('./sarif.js')).sarifReporter,
  github: async () => (await import('./github.js')).githubReporter,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyleReporter,
  gitlab: async () => (await import('./gitlab.js')).gitlabReporter,
  gitlab_codeclimate: async () => (await import('./gitlab.js')).gitlabReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  gnu: async () => (await import('./gnu.js')).gnuReporter,
  codeclimate: async () => (await import('./codeclimate.js')).codeclimateReporter,
};

export const FORMAT_NAMES = Object.keys(REPORTERS);

/**
 * Formats that read `FileResult.source` (SARIF's line fingerprints, GitLab's and Code Climate's
 * line-independent fingerprints): the CLI keeps the source in results when one of them is asked for.
 */
export const FORMATS_USING_SOURCE: ReadonlySet<string> = new Set(['sarif', 'gitlab', 'gitlab_codeclimate', 'codeclimate']);

/**
 * Formats made of one part per file (types.ts `PartwiseReporter`): a run can render each file's
 * part where the file is linted and write it as soon as the files before it are.
 */
export const PARTWISE_REPORTERS: Readonly<Record<string, () => Promise<PartwiseReporter>>> = {
  text: async () => (await import('./text.js')).textFormat,
  json: async () => (await import('./json.js')).jsonFormat,
  compact: async () => (await import('./compact.js')).compactFormat,
  gnu: async () => (await import('./gnu.js')).gnuFormat,
};

export async function loadReporter(name: string): Promise<Reporter | null> {
  const loader = REPORTERS[name];
  return loader ? loader() : null;
}

/** A format's context: machine formats never colour; the human one follows the CLI's decision. */
export function contextForFormat(format: string, context: ReporterContext): ReporterContext {
  return format === 'text' ? context : { ...context, color: false };
}
