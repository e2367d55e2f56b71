import { defineRule } from '../../engine/define-rule.js';
import { isValidLabelKey, labelInstructions } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3048',
    name: 'valid-label-key',
    family: 'hadolint',
    severity: 'style',
    fixable: false,
    description: 'Label keys should follow Docker’s key format recommendations.',
    docs: [
      'Flags a LABEL instruction with a key that does not follow Docker’s key format recommendations:',
      'it must start with a lower-case letter, end with a lower-case letter or a digit, contain only',
      '`a-z`, `0-9`, `.`, `_`, `/` and `-`, have no `..` or `--`, and not use the namespaces Docker',
      'reserves (`com.docker.`, `io.docker.`, `org.dockerproject.`). Keys such as `Maintainer` or',
      '`version_` work, but tools that read labels expect reverse-DNS, lower-case keys',
      '(`org.opencontainers.image.version`).',
      '',
      'One finding per LABEL instruction (at its first bad key). `ONBUILD LABEL` is not checked, as in',
      'hadolint. `_` and `/` are accepted as in current hadolint (older releases rejected them).',
      '',
      'Not fixable: renaming a label changes what consumers of the image see.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3048',
  },
  check({ dockerfile, report }) {
    for (const instruction of labelInstructions(dockerfile)) {
      const invalid = instruction.pairs.find((pair) => !isValidLabelKey(pair.key));
      if (invalid) report({ range: invalid.keyRange, message: 'Invalid label key.' });
    }
  },
});
