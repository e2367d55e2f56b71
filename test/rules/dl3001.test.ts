import rule from '../../src/rules/hadolint/dl3001.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends openssh-client vim \\\n && rm -rf /var/lib/apt/lists/*\n',
    { code: 'FROM debian:12\nRUN echo "run top and ps to debug" > /etc/motd\n', name: 'names inside arguments are not commands' },
    { code: 'FROM debian:12\nRUN ifconfig -a\n', name: 'ifconfig is in the message but not checked (hadolint)' },
    { code: 'FROM debian:12\nRUN /usr/bin/top -b -n 1\n', name: 'a path is not the command name' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && service nginx start \\\n && nginx -t\n',
      errors: [{ line: 2, column: 1, message }],
      name: 'reported at the RUN line by default',
    },
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && service nginx start \\\n && nginx -t\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 24, message }],
      name: 'precise position of the command',
    },
    { code: 'FROM alpine:3.20\nONBUILD RUN ps aux | grep node\n', errors: [{ line: 2, message }], name: 'ONBUILD RUN' },
    { code: 'FROM alpine:3.20\nRUN ["kill", "-9", "1"]\n', errors: [{ line: 2, message }], name: 'exec form' },
  ],
});
