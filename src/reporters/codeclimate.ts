/**
 * The Code Climate engine format (codeclimate/platform `spec/analyzers/SPEC.md`), as hadolint's
 * `codeclimate` writes it (hadolint-rules.md §5): a stream of issue objects, each followed by a NUL
 * byte. Positions carry line and column; severities as in the GitLab report.
 */
import { displayPath, problemsOf, stableFingerprints } from './format-helpers.js';
import { CODE_CLIMATE_SEVERITY, codeClimateCategory } from './gitlab.js';
import type { Reporter } from './types.js';

export const codeclimateReporter: Reporter = (results, context) => {
  let output = '';
  for (const result of results) {
    const path = displayPath(result.file, context.cwd);
    const problems = problemsOf(result);
    const fingerprints = stableFingerprints(path, result.source, problems);
    for (const [index, problem] of problems.entries()) {
      const endLine = Math.max(problem.line, problem.endLine);
      const issue = {
        type: 'issue',
        check_name: problem.code,
        description: problem.message,
        categories: [codeClimateCategory(problem.level)],
        location: {
          path,
          positions: {
            begin: { line: problem.line, column: problem.column },
            end: { line: endLine, column: endLine === problem.line ? Math.max(problem.column, problem.endColumn) : problem.endColumn },
          },
        },
        severity: CODE_CLIMATE_SEVERITY[problem.level],
        fingerprint: fingerprints[index] as string,
      };
      output += `${JSON.stringify(issue)}\0`;
    }
  }
  return output;
};
