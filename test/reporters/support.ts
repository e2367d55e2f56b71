/**
 * Shared inputs for the reporter tests: a reporter context over the real rule registry and
 * hand-made results that cover every level, multi-line ranges, awkward characters and file errors.
 */
import type { FileResult, Finding, Severity } from '../../src/engine/types.js';
import type { ReporterContext } from '../../src/reporters/types.js';
import { defaultRegistry } from '../../src/rules/index.js';

export const CWD = '/repo';

export function reporterContext(overrides: Partial<ReporterContext> = {}): ReporterContext {
  return {
    color: false,
    rules: defaultRegistry().rules,
    toolName: 'dockside',
    toolVersion: '1.2.3',
    informationUri: 'https://github.com/dockside/dockside',
    cwd: CWD,
    ...overrides,
  };
}

export function finding(file: string, line: number, column: number, code: string, level: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    file,
    line,
    column,
    endLine: line,
    endColumn: column + 5,
    code,
    rule: code === 'DL3007' ? 'no-latest-tag' : code === 'DL3004' ? 'no-sudo' : code,
    aliases: [],
    level,
    message,
    fixable: false,
    ...extra,
  };
}

export const API_SOURCE = [
  'FROM node:latest',
  'RUN sudo apt-get update \\',
  '    && apt-get install -y curl',
  'WORKDIR /app',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

/** Two linted files (one with findings at every level, one clean) and one unreadable file. */
export function sampleResults(): FileResult[] {
  const api = 'services/api/Dockerfile';
  return [
    {
      file: api,
      source: API_SOURCE,
      findings: [
        finding(api, 1, 6, 'DL3007', 'warning', 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag', { endColumn: 17 }),
        finding(api, 2, 5, 'DL3004', 'error', 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root', { endLine: 3, endColumn: 31 }),
        finding(api, 4, 1, 'DL3045', 'info', 'an info message: 100% sure, with "quotes" & <angle> brackets', { rule: 'copy-relative-workdir' }),
        finding(api, 5, 1, 'SC2086', 'style', 'Double quote to prevent globbing and word splitting.', { rule: 'shellcheck' }),
      ],
    },
    { file: 'web/Dockerfile', source: 'FROM nginx:1.27\n', findings: [] },
    { file: 'broken/Dockerfile', findings: [], error: 'cannot read file: permission denied' },
  ];
}
