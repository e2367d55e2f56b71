import { defineRule } from '../../engine/define-rule.js';
import { isSpdxLicenseId, reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3054',
    name: 'schema-label-spdx',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels of type `spdx` in the label schema must hold a single SPDX license identifier.',
    docs: [
      'Flags a LABEL instruction that sets a label whose `label-schema` type is `spdx` to something',
      'other than one SPDX license identifier from the SPDX license list (current or deprecated ids,',
      'case-sensitive): `MIT` and `Apache-2.0` pass; `Apache 2.0`, `mit` and license expressions such as',
      '`MIT OR Apache-2.0` fail, as in hadolint (which uses Cabal’s license list). Typical for',
      '`org.opencontainers.image.licenses`.',
      '',
      'One finding per label per LABEL instruction. `ONBUILD LABEL` is not checked, as in hadolint.',
      'The list is the SPDX license list as of dockside’s release; hadolint’s depends on the Cabal',
      'version it was built with, so ids added recently may differ.',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3054',
  },
  check(context) {
    reportInvalidLabelValues(context, 'spdx', isSpdxLicenseId, (label) =>
      'Label `' + label + '` is not a valid SPDX identifier.',
    );
  },
});
