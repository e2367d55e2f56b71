import rule from '../../src/rules/hadolint/dl4006.js';
import { ruleTester } from '../support/rule-tester.js';

const message =
  'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/key.asc \\\n  | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
    { code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com | wc -l\n', name: 'ash -eo pipefail' },
    { code: 'FROM debian:12\nRUN apt-get update || true\n', name: '|| is not a pipe' },
    {
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem C:\\ | Select-Object Name\n',
      name: 'PowerShell',
    },
    { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nONBUILD RUN a | b\n', name: 'ONBUILD RUN is not checked' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && curl -fsSL https://example.com/key.asc \\\n  | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
      precisePositions: true,
      errors: [{ line: 3, column: 5, endColumn: 43, message }],
    },
    { code: 'FROM debian:12\nRUN set -o pipefail && wget -qO- https://example.com | wc -l\n', errors: [{ line: 2, message }], name: 'set -o pipefail does not count' },
    { code: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com | wc -l\n', errors: [{ line: 3, message }], name: '/bin/sh does not count' },
    {
      code: 'FROM debian:12 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n\nFROM debian:12\nRUN a | b\n',
      errors: [{ line: 6, message }],
      name: 'SHELL is forgotten at FROM',
    },
    { code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "a", "|", "b"]\n', errors: [{ line: 2, message }], name: 'exec form strings joined' },
    { code: 'FROM debian:12\nRUN find / -name "*.log" |& tee /tmp/logs\n', errors: [{ line: 2, message }], name: '|&' },
    {
      code: 'FROM debian:12\nRUN find /etc -name "*.conf" | while read -r f; do echo "$f"; done\n',
      errors: [{ line: 2, message }],
      name: 'pipe into a loop',
    },
    { code: 'FROM debian:12\nRUN <<EOF\nset -e\ncat /etc/os-release | grep ID\nEOF\n', errors: [{ line: 2, message }], name: 'heredoc' },
    {
      code: 'FROM debian:12\nRUN (cd /src && tar cf - .) | (cd /dst && tar xf -)\n',
      errors: [{ line: 2, message }],
      name: 'a pipe between two subshells',
    },
  ],
});
