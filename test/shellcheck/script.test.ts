/** How the ShellCheck input is built (hadolint-rules.md §2 "SC rules", §6); needs no binary. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/parser/parse.js';
import { initShellParser } from '../../src/parser/shell.js';
import { namesWorthExporting, shellcheckScripts } from '../../src/shellcheck/script.js';

beforeAll(async () => {
  await initShellParser();
});

function scripts(text: string): { line: number; text: string; prologueLines: number; shebangFromScript: boolean }[] {
  return shellcheckScripts(parseDockerfile(text)).map((script) => ({
    line: script.run.startLine,
    text: script.text,
    prologueLines: script.prologueLines,
    shebangFromScript: script.shebangFromScript,
  }));
}

describe('shellcheck script builder', () => {
  it('uses #!/bin/sh by default and appends the RUN text after the prologue', () => {
    expect(scripts('FROM debian:12\nRUN echo $1 | grep foo\n')).toEqual([
      { line: 2, text: '#!/bin/sh\necho $1 | grep foo\n', prologueLines: 1, shebangFromScript: false },
    ]);
  });

  it('exports ARG and ENV names seen so far in the stage, and the proxy variables, on one sorted line', () => {
    const [early, late] = scripts(
      [
        'FROM debian:12',
        'ARG version=1.2',
        'RUN echo "$version $target $HTTP_PROXY $no_proxy"',
        'ENV target=/opt PATH=/opt/bin:$PATH',
        'RUN echo "$version $target"',
        '',
      ].join('\n'),
    );
    expect(early!.text).toBe(
      // FTP_PROXY, HTTPS_PROXY… are not used but stay: each is "did you mean" distance from a used name.
      '#!/bin/sh\nexport FTP_PROXY=1 HTTPS_PROXY=1 HTTP_PROXY=1 NO_PROXY=1 ftp_proxy=1 http_proxy=1 no_proxy=1 version=1\n' +
        'echo "$version $target $HTTP_PROXY $no_proxy"\n',
    );
    expect(early!.prologueLines).toBe(2);
    expect(late!.text).toBe('#!/bin/sh\nexport target=1 version=1\necho "$version $target"\n');
  });

  it('keeps a name the script does not use when ShellCheck could suggest it for a misspelling', () => {
    expect(namesWorthExporting(['VERSION', 'OTHER', 'http_proxy'], 'echo "$VERSON"')).toEqual(['VERSION']);
    expect(namesWorthExporting(['Version'], 'echo "$version"')).toEqual(['Version']);
    // Short names are never suggested (ShellCheck wants more than 3 characters).
    expect(namesWorthExporting(['ABC'], 'echo "$ABD"')).toEqual([]);
    // Names a shell cannot reference are never exported.
    expect(namesWorthExporting(['a"b', 'my.var'], 'echo a"b my.var')).toEqual([]);
  });

  it('takes the shebang from the first word of SHELL, and a bare name through env', () => {
    const [bash, bare] = scripts(
      [
        'FROM debian:12',
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'RUN [[ -n "$x" ]]',
        'SHELL ["bash", "-c"]',
        'RUN [[ -n "$x" ]]',
        '',
      ].join('\n'),
    );
    expect(bash!.text.split('\n')[0]).toBe('#!/bin/bash');
    expect(bare!.text.split('\n')[0]).toBe('#!/usr/bin/env bash');
  });

  it('skips exec form, PowerShell and cmd shells, and empty RUNs', () => {
    expect(
      scripts(
        [
          'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
          'RUN ["cmd", "/S", "/C", "echo %PATH%"]',
          'SHELL ["powershell", "-Command"]',
          'RUN Write-Host $env:PATH',
          'SHELL ["pwsh", "-Command"]',
          'RUN Write-Host $env:PATH',
          'SHELL ["cmd.exe", "/S", "/C"]',
          'RUN echo %PATH%',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('resets the shell and the names at FROM, and inherits them through FROM <alias>', () => {
    const result = scripts(
      [
        'FROM debian:12 AS base',
        'ARG token',
        'SHELL ["/bin/bash", "-c"]',
        'FROM base AS build',
        'RUN echo "$token"',
        'FROM debian:12',
        'RUN echo "$token"',
        'FROM Base',
        'RUN echo "$token"',
        '',
      ].join('\n'),
    );
    expect(result.map((script) => [script.line, script.text.split('\n').slice(0, 2).join(' | ')])).toEqual([
      [5, '#!/bin/bash | export token=1'],
      [7, '#!/bin/sh | echo "$token"'],
      // Aliases compare case-sensitively, as in hadolint (§1 "Stages").
      [9, '#!/bin/sh | echo "$token"'],
    ]);
  });

  it('honours `# hadolint shell=`: before the first FROM for every stage, later for the rest of its stage', () => {
    const result = scripts(
      [
        '# hadolint shell=/bin/bash',
        'FROM debian:12',
        'RUN [[ -n "$x" ]]',
        '# hadolint shell=powershell',
        'RUN Write-Host hi',
        'FROM debian:12',
        'RUN [[ -n "$x" ]]',
        '',
      ].join('\n'),
    );
    expect(result.map((script) => [script.line, script.text.split('\n')[0]])).toEqual([
      [3, '#!/bin/bash'],
      [7, '#!/bin/bash'],
    ]);
  });

  it('checks ONBUILD RUN as one separate stream that sees only ONBUILD ARG/ENV', () => {
    const result = scripts(
      ['FROM debian:12', 'ARG stage_arg', 'ONBUILD ARG trigger_arg', 'ONBUILD RUN echo "$trigger_arg $stage_arg"', ''].join(
        '\n',
      ),
    );
    expect(result.map((script) => script.text)).toEqual([
      '#!/bin/sh\nexport trigger_arg=1\necho "$trigger_arg $stage_arg"\n',
    ]);
  });

  it('uses a heredoc’s own sh/bash/ksh shebang in place (blanking its line) and skips other interpreters', () => {
    const result = scripts(
      [
        'FROM debian:12',
        'RUN <<EOF',
        '#!/usr/bin/env bash',
        'echo "$HTTP_PROXY"',
        'EOF',
        'RUN <<EOF',
        '#!/usr/bin/env python3',
        'print("hi")',
        'EOF',
        '',
      ].join('\n'),
    );
    expect(result).toEqual([
      {
        line: 2,
        text: '#!/usr/bin/env bash\nexport FTP_PROXY=1 HTTPS_PROXY=1 HTTP_PROXY=1 http_proxy=1\n\necho "$HTTP_PROXY"\n',
        prologueLines: 2,
        shebangFromScript: true,
      },
    ]);
  });
});
