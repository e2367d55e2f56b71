import { defineRule } from '../../engine/define-rule.js';
import { isEmailAddress, reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3058',
    name: 'schema-label-email',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels of type `email` in the label schema must hold an RFC 5322 email address.',
    docs: [
      'Flags a LABEL instruction that sets a label whose `label-schema` type is `email` to something',
      'that is not an RFC 5322 addr-spec (`local-part@domain`, the local part a dot-atom or a quoted',
      'string, the domain a dot-atom or a `[literal]`): `abcd@` and `Jane Doe <jane@example.com>` fail.',
      'A top-level domain is not required (`admin@localhost` passes), as in hadolint.',
      '',
      'One finding per label per LABEL instruction. `ONBUILD LABEL` is not checked, as in hadolint.',
      'RFC 5322 comments (`(…)`) around the parts are not accepted.',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3058',
  },
  check(context) {
    reportInvalidLabelValues(context, 'email', isEmailAddress, (label) =>
      'Label `' + label + '` is not a valid email format - must conform to RFC5322.',
    );
  },
});
