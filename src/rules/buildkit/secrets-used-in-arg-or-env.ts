import { defineRule } from '../../engine/define-rule.js';
import { mapList, newList } from '../../parser/lists.js';
import { simulateDispatch } from './dispatch.js';
import { goQuote, looksLikeSecretName } from './support.js';

/** One list kind for every instruction's keys (parser/lists.ts). */
const NO_KEYS: readonly string[] = newList();

export default defineRule({
  meta: {
    code: 'secrets-used-in-arg-or-env',
    name: 'secrets-used-in-arg-or-env',
    aliases: ['SecretsUsedInArgOrEnv'],
    family: 'buildkit',
    severity: 'warning',
    fixable: false,
    description: 'Sensitive data should not be passed with ARG or ENV.',
    docs: [
      'Flags a stage ARG or ENV whose name contains a whole `_`-separated word such as `password`,',
      '`secret`, `token`, `key`, `auth`, `apikey` or `credentials` (and none of `public`, `file`,',
      '`version`). ARG and ENV values end up in the image metadata and history. ENV keys are checked',
      'after variable expansion; ARGs before the first FROM are never checked (BuildKit never dispatches',
      'them). One finding per key. Fix: use a secret mount (`RUN --mount=type=secret,id=...`).',
    ].join('\n'),
    url: 'https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/',
  },
  check({ dockerfile, report }) {
    for (const record of simulateDispatch(dockerfile).records) {
      const instruction = record.instruction;
      const keys =
        instruction.kind === 'ARG'
          ? mapList(instruction.definitions, (definition) => definition.name)
          : instruction.kind === 'ENV'
            ? (record.envKeys ?? NO_KEYS)
            : NO_KEYS;
      for (const key of keys) {
        if (!looksLikeSecretName(key)) continue;
        report({
          range: instruction.range,
          message: `Do not use ARG or ENV instructions for sensitive data (${instruction.kind} ${goQuote(key)})`,
        });
      }
    }
  },
});
