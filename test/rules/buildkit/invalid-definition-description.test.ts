import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/buildkit/invalid-definition-description.js';
import { lintForTest, ruleTester } from '../../support/rule-tester.js';

const forArg = (name: string): string => `Comment for ARG should follow the format: \`# ${name} <description>\``;

ruleTester(rule, {
  valid: [
    '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n',
    { code: '# foo this is foo\nFROM alpine\n', name: 'unnamed stages are not checked' },
    { code: 'FROM alpine\n# not a description\n#\nARG foo\n', name: 'a bare # clears the block' },
    { code: '# baz this is the baz\nARG foo=baz bar=qux baz=quux\n', name: 'any of the keys' },
  ],
  invalid: [
    {
      code: '# a non-descriptive comment\n\nFROM scratch AS Base\n\n# another comment\n\nARG VERSION=1\n',
      errors: [
        { line: 3, message: 'Comment for FROM should follow the format: `# base <description>`' },
        { line: 7, message: forArg('VERSION') },
      ],
      name: 'blank lines do not detach the comment',
    },
    { code: '# foo is foo\n# more text\nARG foo\nFROM alpine\n', errors: [{ line: 3, message: forArg('foo') }] },
    { code: '# bad\nARG a=1 b=2\n', errors: [{ line: 2, message: forArg('<arg_key>') }] },
  ],
});

describe('InvalidDefinitionDescription is experimental', () => {
  const text = 'FROM alpine\n# not a description\nARG foo\n';
  const run = async (source: string, buildArgs: Record<string, string> = {}): Promise<string[]> =>
    (await lintForTest(source, { buildArgs }))
      .filter((finding) => finding.rule === rule.meta.name)
      .map((finding) => `${finding.line}: ${finding.message}`);

  it('is off by default', async () => {
    expect(await run(text)).toEqual([]);
  });
  it('is enabled by the check directive, even with skip=all', async () => {
    expect(await run(`# check=skip=all;experimental=InvalidDefinitionDescription\n${text}`)).toEqual([`4: ${forArg('foo')}`]);
  });
  it('is enabled by BUILDKIT_DOCKERFILE_CHECK', async () => {
    expect(await run(text, { BUILDKIT_DOCKERFILE_CHECK: 'experimental=all' })).toEqual([`3: ${forArg('foo')}`]);
  });
  it('is enabled for one instruction by its check comment', async () => {
    const source = 'FROM alpine\n# check=experimental=InvalidDefinitionDescription\nARG foo\n# bad\nARG bar\n';
    expect(await run(source)).toEqual([`3: ${forArg('foo')}`]);
  });
});
