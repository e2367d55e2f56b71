import { defineRule } from '../../engine/define-rule.js';
import { isGitHash, reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3055',
    name: 'schema-label-git-hash',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels of type `hash` in the label schema must hold a git commit hash.',
    docs: [
      'Flags a LABEL instruction that sets a label whose `label-schema` type is `hash` to something other',
      'than a short (7) or full (40 characters) lower-case hexadecimal git hash. Upper-case hex fails, as',
      'in hadolint. Typical for `org.opencontainers.image.revision`.',
      '',
      'One finding per label per LABEL instruction. `ONBUILD LABEL` is not checked, as in hadolint.',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3055',
  },
  check(context) {
    reportInvalidLabelValues(context, 'hash', isGitHash, (label) => 'Label `' + label + '` is not a valid git hash.');
  },
});
