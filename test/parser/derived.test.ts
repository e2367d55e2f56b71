import { describe, expect, it } from 'vitest';
import { perDockerfile } from '../../src/parser/derived.js';
import { parseDockerfile } from '../../src/parser/parse.js';

describe('perDockerfile: a fact computed once per file', () => {
  const first = parseDockerfile('FROM alpine\nRUN true\n');
  const second = parseDockerfile('FROM debian\n');

  it('computes once for repeated questions about one file, again for another file', () => {
    let computed = 0;
    const instructionCount = perDockerfile((dockerfile) => {
      computed++;
      return dockerfile.instructions.length;
    });
    expect([instructionCount(first), instructionCount(first), instructionCount(first)]).toEqual([2, 2, 2]);
    expect(computed).toBe(1);
    expect(instructionCount(second)).toBe(1);
    // Back to the first file: a correct answer (computed again, the memo holds one file).
    expect(instructionCount(first)).toBe(2);
    expect(computed).toBe(3);
  });

  it('passes a computation\'s error on and keeps answering correctly after it', () => {
    const image = perDockerfile((dockerfile) => {
      if (dockerfile === second) throw new Error('boom');
      return dockerfile.stages[0]!.from.image.name;
    });
    expect(image(first)).toBe('alpine');
    expect(() => image(second)).toThrow('boom');
    expect(() => image(second)).toThrow('boom');
    expect(image(first)).toBe('alpine');
  });
});
