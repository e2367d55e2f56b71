import { describe, expect, it } from 'vitest';
import { isRegExpSpace } from '../../src/parser/chars.js';

describe('isRegExpSpace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isRegExpSpace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });
});
