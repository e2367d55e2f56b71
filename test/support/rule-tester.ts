/**
 * An ESLint-RuleTester-style harness: every invalid case asserts each finding's line and message
 * (column, end and fix output when given), and fails on findings it did not list.
 */
import { describe, expect, it } from 'vitest';
import { configFromObject } from '../../src/engine/config.js';
import { lintSource, type EngineOptions } from '../../src/engine/lint.js';
import type { AnyRule, Finding } from '../../src/engine/types.js';
import type { BuildContext } from '../../src/context/types.js';
import { defaultRegistry } from '../../src/rules/index.js';

export interface LintForTestOptions {
  /** Identities of the rules to run (default: all enabled rules). */
  readonly only?: readonly string[];
  /** A dockside config object (`rules`, `trustedRegistries`, …). */
  readonly config?: unknown;
  /** A hadolint config object (`override`, `label-schema`, …). */
  readonly hadolintConfig?: unknown;
  readonly buildArgs?: Record<string, string>;
  /** `--target`. */
  readonly target?: string;
  readonly precisePositions?: boolean;
  readonly buildContext?: BuildContext;
  readonly path?: string;
}

export async function lintForTest(text: string, options: LintForTestOptions = {}): Promise<Finding[]> {
  const registry = defaultRegistry();
  const config = options.hadolintConfig
    ? await configFromObject(options.hadolintConfig, registry, 'hadolint')
    : options.config
      ? await configFromObject(options.config, registry)
      : undefined;
  const engineOptions: EngineOptions = {
    registry,
    ...(config ? { config } : {}),
    ...(options.only ? { only: options.only } : {}),
    buildArgs: new Map(Object.entries(options.buildArgs ?? {})),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.precisePositions !== undefined ? { precisePositions: options.precisePositions } : {}),
    ...(options.buildContext ? { loadBuildContext: () => options.buildContext ?? null } : {}),
  };
  const result = await lintSource(text, options.path ?? 'Dockerfile', engineOptions);
  return [...result.findings];
}

export interface ExpectedFinding {
  readonly line: number;
  readonly message: string;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** For rules that emit other codes (ShellCheck). */
  readonly code?: string;
}

interface CaseOptions {
  readonly options?: Record<string, unknown>;
  readonly config?: unknown;
  readonly hadolintConfig?: unknown;
  readonly buildArgs?: Record<string, string>;
  readonly target?: string;
  readonly precisePositions?: boolean;
  readonly buildContext?: BuildContext;
  readonly name?: string;
}

export interface ValidCase extends CaseOptions {
  readonly code: string;
}

export interface InvalidCase extends CaseOptions {
  readonly code: string;
  readonly errors: readonly ExpectedFinding[];
}

export function ruleTester(
  rule: AnyRule,
  cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] },
): void {
  const identity = rule.meta.code;
  const run = async (testCase: ValidCase): Promise<Finding[]> => {
    const config =
      testCase.config ??
      (testCase.options ? { rules: { [identity]: ['on', testCase.options] } } : undefined);
    const findings = await lintForTest(testCase.code, {
      only: [identity],
      ...(config ? { config } : {}),
      ...(testCase.hadolintConfig ? { hadolintConfig: testCase.hadolintConfig } : {}),
      ...(testCase.buildArgs ? { buildArgs: testCase.buildArgs } : {}),
      ...(testCase.target !== undefined ? { target: testCase.target } : {}),
      ...(testCase.precisePositions !== undefined ? { precisePositions: testCase.precisePositions } : {}),
      ...(testCase.buildContext ? { buildContext: testCase.buildContext } : {}),
    });
    return findings.filter((finding) => finding.rule === rule.meta.name);
  };
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    describe('valid', () => {
      for (const [index, entry] of cases.valid.entries()) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(testCase.name ?? `valid #${index + 1}: ${JSON.stringify(testCase.code).slice(0, 60)}`, async () => {
          const findings = await run(testCase);
          expect(findings.map((finding) => `${finding.line}: ${finding.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const [index, testCase] of cases.invalid.entries()) {
        it(testCase.name ?? `invalid #${index + 1}: ${JSON.stringify(testCase.code).slice(0, 60)}`, async () => {
          expect(testCase.errors.length, 'an invalid case must list its findings').toBeGreaterThan(0);
          const findings = await run(testCase);
          const actual = findings.map((finding, position) => {
            const expected = testCase.errors[position];
            return {
              line: finding.line,
              message: finding.message,
              ...(expected?.column !== undefined ? { column: finding.column } : {}),
              ...(expected?.endLine !== undefined ? { endLine: finding.endLine } : {}),
              ...(expected?.endColumn !== undefined ? { endColumn: finding.endColumn } : {}),
              ...(expected?.code !== undefined ? { code: finding.code } : {}),
            };
          });
          expect(actual).toEqual(testCase.errors);
        });
      }
    });
  });
}
