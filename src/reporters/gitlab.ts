/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of Code Climate issues
 * with the fields GitLab reads, `description`, `check_name`, `fingerprint`, `severity` and
 * `location.path` + `location.lines.begin` (GitLab docs "Code Quality", "Implement a custom tool").
 * Severities follow hadolint's `gitlab_codeclimate` (hadolint-rules.md §5): error → blocker,
 * warning → major, info → info, style → minor. Fingerprints are stable across runs (they do not
 * depend on line numbers), so GitLab can tell new problems from fixed ones.
 */
import type { Severity } from '../engine/types.js';
import { displayPath, problemsOf, stableFingerprints } from './format-helpers.js';
import type { Reporter } from './types.js';

export type CodeClimateSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const CODE_CLIMATE_SEVERITY: Readonly<Record<Severity, CodeClimateSeverity>> = {
  error: 'blocker',
  warning: 'major',
  info: 'info',
  style: 'minor',
};

/** Code Climate's category: a problem that breaks or misbuilds is a bug risk, the rest is style. */
export function codeClimateCategory(level: Severity): string {
  return level === 'error' || level === 'warning' ? 'Bug Risk' : 'Style';
}

export const gitlabReporter: Reporter = (results, context) => {
  const issues = results.flatMap((result) => {
    const path = displayPath(result.file, context.cwd);
    const problems = problemsOf(result);
    const fingerprints = stableFingerprints(path, result.source, problems);
    return problems.map((problem, index) => ({
      type: 'issue',
      check_name: problem.code,
      description: problem.code === problem.rule ? problem.message : `${problem.message} (${problem.rule})`,
      categories: [codeClimateCategory(problem.level)],
      severity: CODE_CLIMATE_SEVERITY[problem.level],
      fingerprint: fingerprints[index] as string,
      location: { path, lines: { begin: problem.line, end: Math.max(problem.line, problem.endLine) } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
