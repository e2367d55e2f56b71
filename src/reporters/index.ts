import type { Reporter, StreamingReporter } from './types.js';

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

/** Formats that can also be written piece by piece (large runs): the same text as their reporter. */
export const STREAMING_REPORTERS: Readonly<Record<string, () => Promise<StreamingReporter>>> = {
  json: async () => (await import('./json.js')).jsonReporterChunks,
};

export async function loadReporter(name: string): Promise<Reporter | null> {
  const loader = REPORTERS[name];
  return loader ? loader() : null;
}
