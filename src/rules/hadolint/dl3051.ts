import { defineRule } from '../../engine/define-rule.js';
import { reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3051',
    name: 'non-empty-schema-label',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels declared in the label schema must not be empty.',
    docs: [
      'Flags a LABEL instruction that sets a label declared in the `label-schema` (of any type) to the',
      'empty string (`LABEL org.opencontainers.image.version=""`): an empty required label usually means',
      'a build argument was not passed.',
      '',
      'Only labels in the schema are checked; one finding per label per LABEL instruction. The message',
      'keeps hadolint’s lower-case `label`. `ONBUILD LABEL` is not checked, as in hadolint.',
      '',
      'Not fixable: dockside cannot know the value.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3051',
  },
  check(context) {
    reportInvalidLabelValues(context, 'any', (value) => value !== '', (label) => 'label `' + label + '` is empty.');
  },
});
