/**
 * `--target` and docker build --check's dispatch-time checks (buildkit-checks.md §1 step 8):
 * without a target every stage is dispatched; with one, only the stages it needs; with a name no
 * stage has, none (BuildKit stops before dispatching). The checks of the earlier steps (parse,
 * instruction parse, whole-file) see every stage whatever the target.
 */
import { describe, expect, it } from 'vitest';
import { lintForTest } from '../../support/rule-tester.js';
import { fixtureContext } from '../analysis/context-fixture.js';

// Stage `dev` is needed by no other stage; `base` is needed by `prod`. Each stage trips every
// dispatch-time check once, and `dev`'s name trips StageNameCasing (an instruction-parse check).
const DOCKERFILE = [
  'FROM alpine AS base', // 1
  'ENV A b', // 2  LegacyKeyValueFormat
  'COPY $nope_base README.md /', // 3  UndefinedVar, CopyIgnoredFile
  'WORKDIR rel', // 4  WorkdirRelativePath
  'EXPOSE 80/TCP', // 5  ExposeProtoCasing
  'EXPOSE 0.0.0.0:81:81', // 6  ExposeInvalidFormat
  'ENV API_TOKEN=x', // 7  SecretsUsedInArgOrEnv
  'CMD echo one', // 8  MultipleInstructionsDisallowed
  'CMD echo two', // 9  JSONArgsRecommended (and on line 8)
  'FROM alpine AS Dev', // 10 StageNameCasing
  'ENV C d', // 11
  'COPY $nope_dev README.md /', // 12
  'WORKDIR rel', // 13
  'EXPOSE 80/TCP', // 14
  'EXPOSE 0.0.0.0:81:81', // 15
  'ENV API_TOKEN=x', // 16
  'CMD echo one', // 17
  'CMD echo two', // 18
  'FROM base AS prod', // 19
  'LABEL e f', // 20
].join('\n');

const DISPATCH_CHECKS = [
  'UndefinedVar',
  'LegacyKeyValueFormat',
  'CopyIgnoredFile',
  'WorkdirRelativePath',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
  'SecretsUsedInArgOrEnv',
  'MultipleInstructionsDisallowed',
  'JSONArgsRecommended',
];

const context = fixtureContext(null, { 'README.md': 'readme', '.dockerignore': '*.md\n' }).context;

async function findingsWith(target: string | undefined): Promise<{ dispatch: string[]; other: string[] }> {
  const findings = await lintForTest(`${DOCKERFILE}\n`, {
    only: [...DISPATCH_CHECKS, 'StageNameCasing', 'parse-error'],
    buildContext: context,
    ...(target !== undefined ? { target } : {}),
  });
  const describe = (finding: (typeof findings)[number]): string => `${finding.line} ${finding.aliases[0] ?? finding.rule}`;
  return {
    dispatch: findings.filter((finding) => finding.aliases.some((alias) => DISPATCH_CHECKS.includes(alias))).map(describe),
    other: findings.filter((finding) => !finding.aliases.some((alias) => DISPATCH_CHECKS.includes(alias))).map(describe),
  };
}

const linesIn = (findings: readonly string[]): number[] => [...new Set(findings.map((finding) => Number.parseInt(finding, 10)))];

describe('--target and the dispatch-time checks', () => {
  it('without a target, every stage is dispatched (docker build --check)', async () => {
    const { dispatch, other } = await findingsWith(undefined);
    expect(new Set(dispatch.map((finding) => finding.split(' ')[1]))).toEqual(new Set(DISPATCH_CHECKS));
    expect(linesIn(dispatch)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 20]);
    expect(other).toEqual(['10 StageNameCasing']);
  });

  it('with a target, only the stages it needs', async () => {
    const { dispatch, other } = await findingsWith('PROD');
    expect(new Set(dispatch.map((finding) => finding.split(' ')[1]))).toEqual(new Set(DISPATCH_CHECKS));
    expect(linesIn(dispatch)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 20]);
    expect(other, 'instruction-parse checks still see every stage').toEqual(['10 StageNameCasing']);
  });

  it('with a target no stage has, none: the build stops before dispatching', async () => {
    const { dispatch, other } = await findingsWith('release');
    expect(dispatch).toEqual([]);
    expect(other).toEqual(['1 parse-error', '10 StageNameCasing']);
  });
});
