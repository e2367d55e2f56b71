import { describe, expect, it } from 'vitest';
import { expandVariables, referencedVariables } from '../../src/parser/expand.js';

const lookup = (name: string): string | undefined => ({ A: 'one', EMPTY: '' } as Record<string, string | undefined>)[name];

describe('expandVariables', () => {
  it.each([
    ['/usr/src/app', '/usr/src/app'],
    ['', ''],
    ['a b\tc', 'a b\tc'],
    ['$A/x', 'one/x'],
    ['${A}-${B:-two}', 'one-two'],
    ['"quoted $A"', 'quoted one'],
    ["'single $A'", 'single $A'],
    ['\\$A', '$A'],
    ['${EMPTY:-d} ${EMPTY-d}', 'd '],
    ['$B', ''],
  ])('expands %j to %j', (text, value) => {
    expect(expandVariables(text, lookup, '\\').value).toBe(value);
  });

  it('reports what was referenced and what had no value', () => {
    expect(expandVariables('$A ${B} ${C:-x}', lookup, '\\')).toEqual({ value: 'one  x', referenced: ['A', 'B', 'C'], unresolved: ['B'] });
    expect(expandVariables('plain/path', lookup, '\\')).toEqual({ value: 'plain/path', referenced: [], unresolved: [] });
  });

  it('honours the escape character and keeps quotes when asked', () => {
    expect(expandVariables('C:\\dir', lookup, '`').value).toBe('C:\\dir');
    expect(expandVariables('`$A', lookup, '`').value).toBe('$A');
    expect(expandVariables('"a b"', lookup, '\\', { removeQuotes: false }).value).toBe('"a b"');
  });

  it('finds referenced names without a lookup', () => {
    expect(referencedVariables('${X}/$Y', '\\')).toEqual(['X', 'Y']);
    expect(referencedVariables('none', '\\')).toEqual([]);
  });
});
