import { defineRule } from '../../engine/define-rule.js';
import { isRfc3339DateTime, reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3053',
    name: 'schema-label-rfc3339',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels of type `rfc3339` in the label schema must hold an RFC 3339 date-time.',
    docs: [
      'Flags a LABEL instruction that sets a label whose `label-schema` type is `rfc3339` to something',
      'that is not an RFC 3339 date-time such as `2024-05-01T12:30:00Z` or `2024-05-01T12:30:00.5+02:00`.',
      'A date alone (`2024-05-01`) fails, and so does an impossible date (`2023-02-29T00:00:00Z`).',
      'Typical for `org.opencontainers.image.created`.',
      '',
      'One finding per label per LABEL instruction. `ONBUILD LABEL` is not checked, as in hadolint.',
      'Lower-case `t`/`z` are accepted, as RFC 3339 allows.',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3053',
  },
  check(context) {
    reportInvalidLabelValues(context, 'rfc3339', isRfc3339DateTime, (label) =>
      'Label `' + label + '` is not a valid time format - must conform to RFC3339.',
    );
  },
});
