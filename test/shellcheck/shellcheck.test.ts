/**
 * The `shellcheck` rule against the real binary. Skipped, with a message, when no shellcheck is
 * on PATH (CI installs it; `apt-get install shellcheck` locally).
 */
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/shellcheck/shellcheck.js';
import { shellcheckAvailability } from '../../src/shellcheck/runner.js';
import { lintForTest } from '../support/rule-tester.js';
import { ruleTester } from '../support/rule-tester.js';

const availability = shellcheckAvailability();
if (!availability.available) {
  console.warn(`ShellCheck rule tests skipped: ${availability.notice ?? 'shellcheck is turned off'}`);
}

const QUOTE = 'Double quote to prevent globbing and word splitting.';
const POSIX_TEST = 'In POSIX sh, [[ ]] is undefined.';

describe.skipIf(!availability.available)(`shellcheck rule (shellcheck ${availability.version ?? 'absent'})`, () => {
  ruleTester(rule, {
    valid: [
      'FROM debian:12\nRUN echo "$1" | grep foo\n',
      { code: 'FROM debian:12\nRUN ["sh", "-c", "echo $1"]\n', name: 'exec form is not a shell script' },
      {
        code: 'FROM debian:12\nARG version\nENV install_dir=/opt/app\nRUN echo "$version" > "$install_dir/VERSION"\n',
        name: 'ARG and ENV names count as assigned',
      },
      { code: 'FROM debian:12\nRUN curl --proxy "$http_proxy" https://example.com\n', name: 'proxy variables count as assigned' },
      {
        code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -d /opt ]] && echo ok\n',
        name: 'bash from SHELL',
      },
      {
        code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12\nSHELL ["pwsh", "-Command"]\nRUN Write-Host $env:PATH\n',
        name: 'PowerShell is skipped',
      },
      {
        code: 'FROM debian:12\nRUN cat <<EOF > /etc/motd\nHello $1\nEOF\n',
        name: 'a heredoc fed to a command is not checked (hadolint checks only the command)',
      },
      {
        code: 'FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nprint("$1")\nEOF\n',
        name: 'a heredoc with a non-shell shebang is skipped',
      },
      {
        code: 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $1 | grep foo\n',
        name: 'hadolint ignore pragma with an SC code',
      },
      {
        code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nARG channel\n\nFROM base AS build\nRUN [[ -n "$channel" ]] && echo "$channel"\n',
        name: 'FROM <alias> inherits SHELL and names',
      },
    ],
    invalid: [
      {
        code: 'FROM debian:12\nRUN echo $1 | grep foo\n',
        precisePositions: true,
        errors: [{ line: 2, column: 10, endLine: 2, endColumn: 12, code: 'SC2086', message: QUOTE }],
        name: 'acceptance: SC2086 at line 2, column 10 (precise)',
      },
      {
        code: 'FROM debian:12\nRUN echo $1 | grep foo\n',
        errors: [{ line: 2, column: 10, code: 'SC2086', message: QUOTE }],
        name: 'acceptance: SC2086 at line 2 (default positions)',
      },
      {
        code: 'FROM debian:12\nRUN apt-get update && \\\n    echo $1 && \\\n\techo "$2" $3\n',
        precisePositions: true,
        errors: [
          { line: 3, column: 10, endLine: 3, endColumn: 12, code: 'SC2086', message: QUOTE },
          // A tab is one column, in ShellCheck's json1 and in our positions alike.
          { line: 4, column: 12, endLine: 4, endColumn: 14, code: 'SC2086', message: QUOTE },
        ],
        name: 'continuation lines map to their own line and column',
      },
      {
        code: 'FROM debian:12\nRUN apt-get update && \\\n    echo $1 && \\\n    echo $2\n',
        errors: [{ line: 2, column: 1, code: 'SC2086', message: QUOTE }],
        name: 'without precise positions a RUN reports at its first line, identical findings collapsed',
      },
      {
        code: 'FROM debian:12\nRUN <<EOF\nset -e\n\necho "start" $1\nEOF\n',
        precisePositions: true,
        errors: [{ line: 5, column: 14, endLine: 5, endColumn: 16, code: 'SC2086', message: QUOTE }],
        name: 'heredoc body lines map to their Dockerfile lines',
      },
      {
        code: 'FROM debian:12\nRUN <<EOF\n#!/bin/sh\necho $1\nEOF\n',
        precisePositions: true,
        errors: [{ line: 4, column: 6, endLine: 4, endColumn: 8, code: 'SC2086', message: QUOTE }],
        name: 'heredoc with its own sh shebang',
      },
      {
        code: 'FROM debian:12\nRUN echo "é😀" $1\n',
        precisePositions: true,
        errors: [{ line: 2, column: 16, endColumn: 18, code: 'SC2086', message: QUOTE }],
        name: 'ShellCheck counts code points; an astral character is two columns here',
      },
      {
        code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nRUN [[ -d /opt ]]\n\nFROM debian:12\nRUN [[ -d /opt ]]\n',
        precisePositions: true,
        errors: [{ line: 6, column: 5, endColumn: 18, code: 'SC3010', message: POSIX_TEST }],
        name: 'FROM resets the shell to /bin/sh',
      },
      {
        code: 'FROM debian:12\nRUN echo "$version"\nARG version\n',
        precisePositions: true,
        errors: [{ line: 2, column: 11, endColumn: 19, code: 'SC2154', message: 'version is referenced but not assigned.' }],
        name: 'an ARG declared after the RUN does not count',
      },
      {
        code: 'FROM debian:12\nONBUILD RUN cp $1 /app\n',
        precisePositions: true,
        errors: [{ line: 2, column: 16, endColumn: 18, code: 'SC2086', message: QUOTE }],
        name: 'ONBUILD RUN',
      },
      {
        code: 'FROM debian:12\nSHELL ["/bin/zsh", "-c"]\nRUN echo $1\n',
        precisePositions: true,
        errors: [
          { line: 3, column: 1, endColumn: 4, code: 'SC1071', message: 'ShellCheck only supports sh/bash/dash/ksh scripts. Sorry!' },
        ],
        name: 'a finding about the generated shebang goes to the RUN keyword',
      },
      {
        code: 'FROM debian:12\nRUN if [ -f /etc/os-release ]; then \\\n      echo found\n',
        precisePositions: true,
        errors: [
          { line: 2, column: 5, code: 'SC1046', message: "Couldn't find 'fi' for this 'if'." },
          { line: 2, column: 5, code: 'SC1073', message: "Couldn't parse this if expression. Fix to allow more checks." },
          { line: 3, column: 17, code: 'SC1047', message: "Expected 'fi' matching previously mentioned 'if'." },
          { line: 3, column: 17, code: 'SC1072', message: "Expected 'fi'. Fix any mentioned problems and try again." },
        ],
        name: 'syntax errors, including the one at the end of the script',
      },
    ],
  });

  it('reports ShellCheck’s own levels and codes, and keeps distinct findings on one line apart', async () => {
    const findings = await lintForTest('FROM debian:12\nRUN echo $1 $1 && [[ -d /opt ]] && echo "$missing"\n', {
      only: ['shellcheck'],
      precisePositions: true,
    });
    expect(findings.map((finding) => [finding.code, finding.level, finding.rule, finding.column])).toEqual([
      ['SC2086', 'info', 'shellcheck', 10],
      ['SC2086', 'info', 'shellcheck', 13],
      ['SC3010', 'warning', 'shellcheck', 19],
      ['SC2154', 'warning', 'shellcheck', 42],
    ]);
  });
});
