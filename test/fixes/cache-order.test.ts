/**
 * cache-order's unsafe fix needs a build context, which `fixTester` does not give: this file runs
 * the same acceptance checks (exact output, finding gone, parses, idempotent, no new findings of
 * other rules) with every default rule, context rules included, over a temporary context.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../src/engine/config.js';
import { fixSource } from '../../src/engine/fixer.js';
import { lintSource, type EngineOptions } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';
import type { BuildContext } from '../../src/context/types.js';
import rule from '../../src/rules/analysis/cache-order.js';
import { defaultRegistry } from '../../src/rules/index.js';
import { fixtureContext, type ExtraEntry } from '../rules/analysis/context-fixture.js';

const registry = defaultRegistry();

function engineWith(context: BuildContext | null): EngineOptions {
  return {
    registry,
    config: { ...EMPTY_CONFIG, rules: new Map([[rule.meta.code, { level: 'on' as const }]]) },
    loadBuildContext: () => context,
  };
}

const findingKey = (finding: Finding): string => `${finding.code}:${finding.message}`;
const ownFindings = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.rule === rule.meta.name);

const NODE_APP: Record<string, ExtraEntry> = {
  'package.json': '{"name":"app","scripts":{"start":"node index.js"}}\n',
  'package-lock.json': '{"lockfileVersion":3}\n',
  'index.js': 'console.log(1);\n',
  'src/lib.js': '',
};

interface ContextFixCase {
  readonly name: string;
  readonly code: string;
  readonly output: string;
  /** Files of the build context (null: no context). */
  readonly files: Readonly<Record<string, ExtraEntry>> | null;
}

function contextFixTester(cases: readonly ContextFixCase[]): void {
  describe('cache-order fixes', () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const engine = engineWith(testCase.files ? fixtureContext(null, testCase.files).context : null);
        const before = await lintSource(testCase.code, 'Dockerfile', engine);
        expect(ownFindings(before.findings).some((finding) => finding.fix?.applicability === 'unsafe'), 'an unsafe fix is offered').toBe(true);
        const safeOnly = await fixSource(testCase.code, 'Dockerfile', engine, { applicability: 'safe' });
        expect(ownFindings(safeOnly.remaining).length, '--fix alone leaves it').toBeGreaterThan(0);
        const fixed = await fixSource(testCase.code, 'Dockerfile', engine, { applicability: 'unsafe' });
        expect(fixed.refused).toBeNull();
        const after = await lintSource(fixed.output, 'Dockerfile', engine);
        // Other rules' safe fixes may run too: the expected output is with them.
        expect(fixed.output).toBe(testCase.output);
        expect(after.findings.filter((finding) => finding.code === 'DL1000' && finding.level === 'error')).toEqual([]);
        expect(ownFindings(after.findings)).toEqual([]);
        const again = await fixSource(fixed.output, 'Dockerfile', engine, { applicability: 'unsafe' });
        expect(again.output, 'a second fix changes nothing').toBe(fixed.output);
        const beforeKeys = new Set(before.findings.map(findingKey));
        expect(after.findings.filter((finding) => !beforeKeys.has(findingKey(finding))).map(findingKey)).toEqual([]);
      });
    }
  });
}

contextFixTester([
  {
    name: 'npm: the manifests present in the context are copied first',
    files: NODE_APP,
    code: 'FROM node:20.15.0\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n',
    output: 'FROM node:20.15.0\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "index.js"]\n',
  },
  {
    name: 'multi-line install RUN, indented lines, --chown kept, absolute destination equal to the WORKDIR',
    files: { ...NODE_APP, 'yarn.lock': '' },
    code: 'FROM node:20.15.0\nWORKDIR /app\n  COPY --chown=node:node . /app\nLABEL org.opencontainers.image.title=app\nRUN yarn install --frozen-lockfile \\\n    && yarn cache clean\nUSER node\nCMD ["node", "index.js"]\n',
    output: 'FROM node:20.15.0\nWORKDIR /app\n  COPY --chown=node:node package.json yarn.lock /app/\nRUN yarn install --frozen-lockfile \\\n    && yarn cache clean\n  COPY --chown=node:node . /app\nLABEL org.opencontainers.image.title=app\nUSER node\nCMD ["node", "index.js"]\n',
  },
  {
    name: 'pip -r with an absolute path under the destination, no context needed',
    files: null,
    code: 'FROM python:3.12.4-slim\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt',
    output: 'FROM python:3.12.4-slim\nCOPY requirements.txt /app/\nRUN pip install --no-cache-dir -r /app/requirements.txt\nCOPY . /app',
  },
  {
    name: 'go mod download, CRLF, with DL3020 turning the ADD into COPY',
    files: { 'go.mod': 'module x\n', 'go.sum': '', 'main.go': 'package main\n' },
    code: 'FROM golang:1.22.5\r\nWORKDIR /src\r\nADD . .\r\nRUN go mod download\r\nRUN go build -o /bin/app .\r\n',
    output: 'FROM golang:1.22.5\r\nWORKDIR /src\r\nCOPY go.mod go.sum ./\r\nRUN go mod download\r\nCOPY . .\r\nRUN go build -o /bin/app .\r\n',
  },
]);

async function offers(code: string, files: Readonly<Record<string, ExtraEntry>> | null): Promise<string[]> {
  const engine = engineWith(files ? fixtureContext(null, files).context : null);
  const result = await lintSource(code, 'Dockerfile', { ...engine, only: [rule.meta.code] });
  return ownFindings(result.findings).map((finding) => finding.fix?.applicability ?? 'none');
}

describe('cache-order offers no fix it cannot make exactly', () => {
  const node = 'FROM node:20.15.0\nWORKDIR /app\n';
  for (const [name, code, files] of [
    ['no build context for npm', `${node}COPY . .\nRUN npm ci\n`, null],
    ['the manifest is missing from the context', `${node}COPY . .\nRUN npm ci\n`, { 'index.js': '' }],
    ['the install RUN also builds', `${node}COPY . .\nRUN npm ci && npm run build\n`, NODE_APP],
    ['a cd in the RUN', `${node}COPY . /src\nRUN cd /src && npm ci\n`, NODE_APP],
    ['an ENV between', `${node}COPY . .\nENV NODE_ENV=production\nRUN npm ci\n`, NODE_APP],
    ['a comment between', `${node}COPY . .\n# hadolint ignore=DL3016\nRUN npm ci\n`, NODE_APP],
    ['exec form', `${node}COPY . .\nRUN ["npm", "ci"]\n`, NODE_APP],
    ['a folder, not the whole context', `${node}COPY frontend /web\nRUN cd /web && npm ci\n`, { 'frontend/package.json': '{}' }],
    ['--exclude on the COPY', `# syntax=docker/dockerfile:1.7-labs\n${node}COPY --exclude=*.md . .\nRUN npm ci\n`, NODE_APP],
    ['pip install . reads the sources', 'FROM python:3.12.4\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n', { 'pyproject.toml': '' }],
    ['pnpm workspace', `${node}COPY . .\nRUN pnpm install\n`, { 'package.json': '{}', 'pnpm-lock.yaml': '', 'pnpm-workspace.yaml': '' }],
    ['poetry installing the project', 'FROM python:3.12.4\nWORKDIR /app\nCOPY . .\nRUN poetry install\n', { 'pyproject.toml': '', 'poetry.lock': '' }],
  ] as const) {
    it(name, async () => {
      expect(await offers(code, files)).toEqual(['none']);
    });
  }
  it('poetry with --no-root is fixable', async () => {
    expect(await offers('FROM python:3.12.4\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n', { 'pyproject.toml': '', 'poetry.lock': '' })).toEqual(['unsafe']);
  });
});
