/**
 * Scripts tree-sitter parses are parsed once per text: a RUN repeated elsewhere (another line,
 * another Dockerfile) shares the commands but keeps its own positions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseDockerfile } from '../../src/parser/index.js';
import type { RunInstruction } from '../../src/parser/types.js';

beforeAll(async () => {
  await initShellParser();
});

function runs(text: string): RunInstruction[] {
  return parseDockerfile(text).instructions.filter((instruction): instruction is RunInstruction => instruction.kind === 'RUN');
}

function commandPositions(run: RunInstruction): string[] {
  return run.script.commands.map((command) => {
    const position = run.script.map.positionAt(command.start);
    return `${command.name}@${position.line}:${position.column}`;
  });
}

describe('parsing a script once per text', () => {
  it.each([
    ['the fast parser', 'apt-get update && apt-get install -y curl', false],
    ['tree-sitter', 'if [[ $x =~ ^a ]]; then apt-get update; fi', true],
  ])('keeps each RUN its own positions (%s)', (_parser, script, shared) => {
    const [first, second] = runs(`FROM alpine\nRUN ${script}\n\nRUN \\\n    ${script}\n`);
    const [other] = runs(`FROM debian\n# a comment\n# another\nRUN  ${script}\n`);
    if (shared) {
      expect(first!.script.commands).toBe(second!.script.commands);
      expect(other!.script.commands).toBe(first!.script.commands);
    }
    const names = first!.script.commands.map((command) => command.name);
    expect(names).toContain('apt-get');
    expect(commandPositions(first!)).toEqual(names.map((name, index) => `${name}@2:${5 + first!.script.commands[index]!.start}`));
    expect(commandPositions(second!)).toEqual(names.map((name, index) => `${name}@5:${5 + second!.script.commands[index]!.start}`));
    expect(commandPositions(other!)).toEqual(names.map((name, index) => `${name}@4:${6 + other!.script.commands[index]!.start}`));
  });
});
