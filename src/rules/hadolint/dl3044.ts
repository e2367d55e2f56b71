import { defineRule } from '../../engine/define-rule.js';
import type { KeyValuePair } from '../../parser/index.js';
import { referencedNames, referencesVariable } from './general-helpers.js';

const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

export default defineRule({
  meta: {
    code: 'DL3044',
    name: 'env-no-same-statement-reference',
    family: 'hadolint',
    severity: 'error',
    fixable: false,
    description: 'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
    docs: [
      'Flags `ENV A=1 B=$A`: within one `ENV`, every value is expanded with the variables as they were',
      '*before* the instruction, so `B` does not get the new `A`. A pair referring only to itself',
      '(`ENV PATH=/x:$PATH`) is fine, and so is a name already defined by an earlier `ENV` or `ARG`',
      'anywhere above (then the old value is meant). References are `${NAME}`, `${NAME:-…}` and `$NAME`',
      'not followed by a name character.',
      '',
      'Fix: split the `ENV` into two instructions. Not fixable yet.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3044',
  },
  check({ dockerfile, report }) {
    // hadolint's state is file-wide, not per stage (§2).
    const defined = new Set<string>();
    for (const instruction of dockerfile.instructions) {
      if (instruction.kind === 'ARG') {
        for (const definition of instruction.definitions) defined.add(definition.name);
        continue;
      }
      if (instruction.kind !== 'ENV') continue;
      const pairs = instruction.pairs;
      if (pairs.length > 1) {
        // Each value's references are read once and looked up among the keys: asking every value
        // about every other key took 7 s on a fuzzer-made ENV of 5,583 pairs.
        const keyCounts = new Map<string, number>();
        for (const pair of pairs) keyCounts.set(pair.key, (keyCounts.get(pair.key) ?? 0) + 1);
        const otherPairDefines = (pair: KeyValuePair, name: string): boolean =>
          !defined.has(name) && (keyCounts.get(name) ?? 0) > (pair.key === name ? 1 : 0);
        // Keys that are not plain names (`a.b`) are never read as a reference: asked about one by one.
        const unusualKeys = [...keyCounts.keys()].filter((key) => !PLAIN_NAME.test(key));
        const offending = pairs.find(
          (pair) =>
            pair.value.includes('$') &&
            (referencedNames(pair.value).some((name) => otherPairDefines(pair, name)) ||
              unusualKeys.some((key) => otherPairDefines(pair, key) && referencesVariable(pair.value, key))),
        );
        if (offending) {
          report({
            range: offending.range,
            message: 'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
          });
        }
      }
      for (const pair of pairs) defined.add(pair.key);
    }
  },
});
