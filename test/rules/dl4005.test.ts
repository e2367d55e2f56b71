import rule from '../../src/rules/hadolint/dl4005.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use SHELL to change the default shell';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ln -sf /bin/true /sbin/initctl\n',
    { code: 'FROM debian:12\nRUN ln -s /opt/app/bin/app /usr/local/bin/app \\\n && test -x /bin/sh\n', name: '/bin/sh outside ln' },
    { code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh.orig\n', name: 'a different path' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && ln -sf /bin/bash /bin/sh \\\n && rm -rf /var/lib/apt/lists/*\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 29, message }],
    },
    { code: 'FROM debian:12\nRUN ["ln", "-sfv", "/bin/bash", "/bin/sh"]\n', errors: [{ line: 2, column: 5, message }], name: 'exec form' },
    { code: 'FROM debian:12\nONBUILD RUN ln -sf /bin/bash /bin/sh\n', errors: [{ line: 2, message }], name: 'ONBUILD' },
  ],
});
