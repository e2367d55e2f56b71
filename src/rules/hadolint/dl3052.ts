import { defineRule } from '../../engine/define-rule.js';
import { isAbsoluteUri, reportInvalidLabelValues } from './label-helpers.js';

export default defineRule({
  meta: {
    code: 'DL3052',
    name: 'schema-label-url',
    family: 'hadolint',
    severity: 'warning',
    fixable: false,
    description: 'Labels of type `url` in the label schema must hold an absolute URI.',
    docs: [
      'Flags a LABEL instruction that sets a label whose `label-schema` type is `url` to a value that is',
      'not an absolute URI per RFC 3986, as Haskell’s `Network.URI.parseURI` reads it: a scheme is',
      'required, so `example.com` fails while `https://example.com/x` and `mailto:a@b.c` pass; spaces and',
      'non-ASCII characters must be percent-encoded.',
      '',
      'One finding per label per LABEL instruction. `ONBUILD LABEL` is not checked, as in hadolint.',
      '',
      'Not fixable.',
    ].join('\n'),
    url: 'https://github.com/hadolint/hadolint/wiki/DL3052',
  },
  check(context) {
    reportInvalidLabelValues(context, 'url', isAbsoluteUri, (label) => 'Label `' + label + '` is not a valid URL.');
  },
});
