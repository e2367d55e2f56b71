import rule from '../../src/rules/hadolint/dl3010.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use `ADD` for extracting archives into an image';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nADD app.tar.gz /opt/\n',
    { code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN sha256sum /tmp/app.tar.gz\n', name: 'copied but not extracted' },
    { code: 'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt\n', name: '.zip is not an archive for hadolint' },
    {
      code: 'FROM debian:12 AS build\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n\nFROM debian:12\nCOPY --from=build /opt /opt\n',
      name: 'findings of earlier stages are dropped (hadolint)',
    },
    { code: 'FROM debian:12\nCOPY --from=fetch /dl/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n', name: 'COPY --from' },
    { code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -czf /tmp/app.tar.gz /opt\n', name: 'tar creating the archive' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY vendor/app-1.2.tar.gz /tmp/\nRUN mkdir -p /opt/app \\\n && tar -xzf /tmp/app-1.2.tar.gz -C /opt/app \\\n && rm /tmp/app-1.2.tar.gz\n',
      precisePositions: true,
      errors: [{ line: 2, column: 6, endColumn: 27, message }],
    },
    {
      code: 'FROM debian:12\nCOPY data.tar.xz /tmp/bundle.txz\nWORKDIR /srv\nRUN unxz /tmp/bundle.txz\n',
      errors: [{ line: 2, message }],
      name: 'the destination name is the archive',
    },
    {
      code: 'FROM debian:12\nCOPY a.tgz b.tbz2 /tmp/\nRUN tar --extract --file /tmp/b.tbz2\n',
      errors: [{ line: 2, message }],
      name: 'one finding per COPY',
    },
  ],
});
