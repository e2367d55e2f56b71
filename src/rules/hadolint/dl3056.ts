import { defineRule } from '../../engine/define-rule.js';
import { isSemanticVersion, reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3056',
    name: 'schema-label-semver',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels of type `semver` in the label schema must hold a semantic version.',
    docs: [
      'Flags a LABEL instruction that sets a label whose `label-schema` type is `semver` to something',
      'that is not `MAJOR.MINOR.PATCH` with an optional `-prerelease` and `+build` part: `1.0.0` and',
      '`2.0.1-rc1` pass; `1.0` and `v1.0.0` fail. Leading zeros are accepted, as hadolint’s semver parser',
      'does. Typical for `org.opencontainers.image.version`.',
      '',
      'One finding per label per LABEL instruction. `ONBUILD LABEL` is not checked, as in hadolint.',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3056',
  },
  check(context) {
    reportInvalidLabelValues(context, 'semver', isSemanticVersion, (label) =>
      'Label `' + label + '` does not conform to semantic versioning.',
    );
  },
});
