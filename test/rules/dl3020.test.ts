import rule from '../../src/rules/hadolint/dl3020.js';
import { ruleTester } from '../support/rule-tester.js';

const message = 'Use COPY instead of ADD for files and folders';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nADD rootfs.tar.gz /\n',
    'FROM debian:12\nADD file.tar file.bz2 file.xz file.tgz /usr/src/app/\n',
    'FROM debian:12\nADD https://example.com/tool.bin /usr/local/bin/tool\n',
    { code: 'FROM debian:12\nADD "file.tgz" /usr/src/app/\n', name: 'quoted archive' },
    { code: 'FROM debian:12\nCOPY app /app\n', name: 'COPY is never flagged' },
    { code: 'FROM debian:12\nADD ["http://example.com/a", "/a"]\n', name: 'exec form URL' },
  ],
  invalid: [
    { code: 'FROM debian:12\nADD app /app\n', errors: [{ line: 2, column: 5, endColumn: 8, message }] },
    { code: 'FROM debian:12\nADD file.zip /usr/src/app/\n', errors: [{ line: 2, message }], name: '.zip is not extracted' },
    {
      code: 'FROM debian:12\nADD vendor.tar.gz config/ /opt/app/\n',
      errors: [{ line: 2, column: 19, message }],
      name: 'one plain source among archives',
    },
    { code: 'FROM debian:12\nADD git@github.com:moby/buildkit.git /src\n', errors: [{ line: 2, message }], name: 'git URL' },
    { code: 'FROM debian:12\nADD $SRC /src\n', errors: [{ line: 2, message }], name: 'variable source' },
    { code: 'FROM debian:12\nADD --chown=app:app \\\n    config /etc/app\n', errors: [{ line: 2, message }], name: 'multi-line' },
  ],
});
