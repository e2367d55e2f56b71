import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseDockerfile } from '../../src/parser/index.js';
import type { CopyInstruction, FromInstruction, KeyValueInstruction, RunInstruction } from '../../src/parser/index.js';

beforeAll(async () => {
  await initShellParser();
});

const kinds = (text: string): string[] => parseDockerfile(text).instructions.map((instruction) => instruction.kind);

describe('lines and continuations (BuildKit parser §6)', () => {
  it('joins continuation lines with no separator, keeping the next line’s indentation', () => {
    const run = parseDockerfile('FROM a\nRUN echo a \\\n  b\\\nc\n').instructions[1] as RunInstruction;
    expect(run.argsText).toBe('echo a   bc');
    expect(run.startLine).toBe(2);
    expect(run.endLine).toBe(4);
  });

  it('drops comment lines and blank lines inside a continuation, remembering blank ones', () => {
    const dockerfile = parseDockerfile('FROM a\nRUN apt-get update && \\\n# a comment\n\n    apt-get install -y x\n');
    const run = dockerfile.instructions[1] as RunInstruction;
    expect(run.argsText).toBe('apt-get update &&     apt-get install -y x');
    expect(run.emptyContinuationLines).toEqual([4]);
    expect(dockerfile.comments.find((comment) => comment.line === 3)?.insideContinuation).toBe(true);
  });

  it('does not continue on an escaped escape at the end of a line', () => {
    expect(kinds('FROM a\nRUN echo \\\\\nFROM b\n')).toEqual(['FROM', 'RUN', 'FROM']);
  });

  it('continues on an escape followed by trailing blanks', () => {
    expect(kinds('FROM a\nRUN echo \\  \n b\n')).toEqual(['FROM', 'RUN']);
  });

  it('handles CRLF line endings and a UTF-8 BOM', () => {
    const dockerfile = parseDockerfile('\uFEFFFROM a\r\nRUN echo \\\r\n b\r\n');
    expect(dockerfile.hasBom).toBe(true);
    expect(dockerfile.lineEnding).toBe('\r\n');
    expect((dockerfile.instructions[1] as RunInstruction).argsText).toBe('echo  b');
  });

  it('ends an instruction at EOF inside a continuation', () => {
    expect(kinds('FROM a\nRUN echo \\')).toEqual(['FROM', 'RUN']);
  });
});

describe('parser directives', () => {
  it('honours # escape=` in the leading block (Windows files)', () => {
    const dockerfile = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n  && echo hi\n');
    expect(dockerfile.escapeChar).toBe('`');
    expect(dockerfile.instructions).toHaveLength(2);
    expect((dockerfile.instructions[1] as RunInstruction).argsText).toBe('dir C:\\   && echo hi');
  });

  it('ignores directives after an unknown directive, a blank line, a comment or an instruction', () => {
    expect(parseDockerfile('# foo=bar\n# escape=`\nFROM a\n').escapeChar).toBe('\\');
    expect(parseDockerfile('\n# escape=`\nFROM a\n').escapeChar).toBe('\\');
    expect(parseDockerfile('FROM a\n# escape=`\n').escapeChar).toBe('\\');
  });

  it('reads syntax and check directives, case-insensitive keys', () => {
    const dockerfile = parseDockerfile('# Syntax=docker/dockerfile:1\n#check=skip=all\nFROM a\n');
    expect(dockerfile.directives.map((directive) => [directive.name, directive.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['check', 'skip=all'],
    ]);
  });

  it('refuses a repeated directive', () => {
    const dockerfile = parseDockerfile('# escape=`\n# escape=\\\nFROM a\n');
    expect(dockerfile.parseErrors.map((error) => error.message)).toContain('only one escape parser directive can be used');
  });
});

describe('heredocs', () => {
  it('reads a RUN heredoc body and uses it as the script', () => {
    const dockerfile = parseDockerfile('FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n');
    const run = dockerfile.instructions[1] as RunInstruction;
    expect(kinds('FROM a\nRUN <<EOF\nFROM b\nEOF\n')).toEqual(['FROM', 'RUN']);
    expect(run.heredocs[0]).toMatchObject({ delimiter: 'EOF', body: 'apt-get update\napt-get install -y curl\n', bodyStartLine: 3, terminatorLine: 5 });
    expect(run.script.commands.map((command) => command.name)).toEqual(['apt-get', 'apt-get']);
    expect(run.script.map.positionAt(run.script.commands[1]!.start)).toEqual({ line: 4, column: 1 });
    expect(dockerfile.instructions[2]!.kind).toBe('USER');
  });

  it('reads several heredocs on one line in order, with <<- and quoted delimiters', () => {
    const copy = parseDockerfile("FROM a\nCOPY <<A <<-'B' /dest/\none\nA\n\ttwo\n\tB\n").instructions[1] as CopyInstruction;
    expect(copy.heredocSources.map((heredoc) => [heredoc.delimiter, heredoc.body, heredoc.quoted, heredoc.stripTabs])).toEqual([
      ['A', 'one\n', false, false],
      ['B', 'two\n', true, true],
    ]);
    expect(copy.sources).toEqual([]);
    expect(copy.destination?.value).toBe('/dest/');
  });

  it('does not treat cat<<EOF or a quoted "<<EOF" as a heredoc', () => {
    expect(kinds('FROM a\nRUN cat<<EOF\nFROM b\n')).toEqual(['FROM', 'RUN', 'FROM']);
    expect(kinds('FROM a\nRUN echo "<<EOF"\nFROM b\n')).toEqual(['FROM', 'RUN', 'FROM']);
  });

  it('recognises heredocs only in RUN, COPY and ADD', () => {
    expect(kinds('FROM a\nCMD <<EOF\nFROM b\n')).toEqual(['FROM', 'CMD', 'FROM']);
  });

  it('reports an unterminated heredoc with its line', () => {
    const dockerfile = parseDockerfile('FROM a\nRUN <<EOF\necho hi\n');
    expect(dockerfile.parseErrors).toEqual([
      expect.objectContaining({ line: 2, fatal: true, message: expect.stringContaining('unterminated heredoc') }),
    ]);
  });

  it('keeps only the command before the marker as the script for RUN cmd <<EOF (hadolint §1)', () => {
    const run = parseDockerfile('FROM a\nRUN python3 <<EOF\nimport os\nEOF\n').instructions[1] as RunInstruction;
    expect(run.script.source).toBe('python3');
  });
});

describe('instructions', () => {
  it('keeps the keyword as written and normalises the kind', () => {
    const instruction = parseDockerfile('from a\nrun echo\n').instructions[1]!;
    expect([instruction.keyword, instruction.kind]).toEqual(['run', 'RUN']);
  });

  it('parses flags, keeping unknown ones', () => {
    const run = parseDockerfile('FROM a\nRUN --mount=type=cache,target=/root/.cache --network=none --device=/dev/x make\n')
      .instructions[1] as RunInstruction;
    expect(run.flags.map((flag) => [flag.name, flag.value])).toEqual([
      ['mount', 'type=cache,target=/root/.cache'],
      ['network', 'none'],
      ['device', '/dev/x'],
    ]);
    expect(run.mounts[0]).toMatchObject({ type: 'cache', target: '/root/.cache' });
    expect(run.argsText).toBe('make');
    expect(run.flags[1]!.range).toEqual({ start: { line: 2, column: 44 }, end: { line: 2, column: 58 } });
  });

  it('decides exec vs shell form as BuildKit does', () => {
    const forms = (line: string): string | undefined => {
      const instruction = parseDockerfile(`FROM a\n${line}\n`).instructions[1] as RunInstruction;
      return instruction.form;
    };
    expect(forms('CMD ["node", "server.js"]')).toBe('exec');
    expect(forms("CMD ['node', 'server.js']")).toBe('shell');
    expect(forms('CMD ["node", "server.js"')).toBe('shell');
    expect(forms('CMD []')).toBe('exec');
    expect(forms('ENTRYPOINT ["a"] extra')).toBe('shell');
  });

  it('parses ENV in both forms', () => {
    const dockerfile = parseDockerfile('FROM a\nENV A=1 B="two words" C=\'x y\'\nENV LEGACY some value\n');
    const modern = dockerfile.instructions[1] as KeyValueInstruction;
    const legacy = dockerfile.instructions[2] as KeyValueInstruction;
    expect(modern.pairs.map((pair) => [pair.key, pair.value, pair.legacy])).toEqual([
      ['A', '1', false],
      ['B', 'two words', false],
      ['C', 'x y', false],
    ]);
    expect(legacy.pairs.map((pair) => [pair.key, pair.value, pair.legacy])).toEqual([['LEGACY', 'some value', true]]);
  });

  it("splits a RUN's words on first use, the same as any instruction's, with positions through continuations", () => {
    const dockerfile = parseDockerfile('FROM a\nRUN --network=none echo "a b" \\\n  c\\ d\nCMD echo "a b" \\\n  c\\ d\n');
    const [, run, cmd] = dockerfile.instructions;
    expect('words' in run!).toBe(true);
    expect(run!.words.map((word) => [word.value, word.raw])).toEqual([
      ['echo', 'echo'],
      ['a b', '"a b"'],
      ['c d', 'c\\ d'],
    ]);
    expect(run!.words.map((word) => word.value)).toEqual(cmd!.words.map((word) => word.value));
    expect(run!.words[2]!.range).toEqual({ start: { line: 3, column: 3 }, end: { line: 3, column: 7 } });
    // Computed once: the same array on every read.
    expect(run!.words).toBe(run!.words);
  });

  it('splits the words of a RUN inside ONBUILD, with the Windows escape character', () => {
    const onbuild = parseDockerfile('# escape=`\nFROM a\nONBUILD RUN echo a` b\n').instructions[1]!;
    if (onbuild.kind !== 'ONBUILD') throw new Error(`expected ONBUILD, got ${onbuild.kind}`);
    expect(onbuild.trigger?.kind).toBe('RUN');
    expect(onbuild.trigger?.words.map((word) => word.value)).toEqual(['echo', 'a b']);
  });

  it('reports an unknown instruction with a suggestion and goes on', () => {
    const dockerfile = parseDockerfile('FROM a\nRUNN echo\nUSER app\n');
    expect(dockerfile.parseErrors[0]).toMatchObject({ line: 2, message: 'unknown instruction: RUNN (did you mean run?)' });
    expect(dockerfile.instructions.map((instruction) => instruction.kind)).toEqual(['FROM', 'UNKNOWN', 'USER']);
  });

  it('wraps ONBUILD triggers', () => {
    const onbuild = parseDockerfile('FROM a\nONBUILD RUN sudo make\n').instructions[1]!;
    expect(onbuild.kind).toBe('ONBUILD');
    if (onbuild.kind !== 'ONBUILD') throw new Error('unreachable');
    expect(onbuild.trigger?.kind).toBe('RUN');
    expect((onbuild.trigger as RunInstruction).script.commands[0]?.name).toBe('sudo');
  });
});

describe('stages, images and ARG expansion', () => {
  it('builds the stage graph with lower-cased names and base stages', () => {
    const dockerfile = parseDockerfile('FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM scratch\nCOPY --from=build /x /x\n');
    expect(dockerfile.stages.map((stage) => [stage.name, stage.baseStageIndex, stage.instructions.length])).toEqual([
      ['build', null, 1],
      ['test', 0, 0],
      [null, null, 1],
    ]);
    expect((dockerfile.instructions[4] as CopyInstruction).from).toBe('build');
  });

  it('splits image references', () => {
    const image = (reference: string) => (parseDockerfile(`FROM ${reference}\n`).instructions[0] as FromInstruction).image;
    expect(image('ubuntu')).toMatchObject({ registry: null, name: 'ubuntu', tag: null, digest: null });
    expect(image('localhost:5000/team/app:1.2@sha256:abc')).toMatchObject({
      registry: 'localhost:5000',
      name: 'team/app',
      tag: '1.2',
      digest: 'sha256:abc',
    });
    expect(image('ghcr.io/org/img:latest')).toMatchObject({ registry: 'ghcr.io', name: 'org/img', tag: 'latest' });
  });

  it('expands global ARGs in FROM, with build args overriding defaults', () => {
    const text = 'ARG REPO=library/node\nARG TAG\nFROM ${REPO}:${TAG:-20} AS a\nFROM $UNDECLARED\n';
    const dockerfile = parseDockerfile(text);
    expect(dockerfile.stages[0]!.from.image).toMatchObject({ expanded: 'library/node:20', tag: '20', unresolvedVariables: [] });
    expect(dockerfile.stages[1]!.from.image.unresolvedVariables).toEqual(['UNDECLARED']);
    const withArgs = parseDockerfile(text, { buildArgs: new Map([['TAG', '22']]) });
    expect(withArgs.stages[0]!.from.image.expanded).toBe('library/node:22');
    expect(dockerfile.globalArgs).toHaveLength(2);
  });
});

describe('--target', () => {
  const text = 'FROM alpine AS Build\nFROM build AS test\nFROM alpine AS prod\n';

  it('is the stage of that name, whatever the case (findStateByName)', () => {
    const dockerfile = parseDockerfile(text, { target: 'BUILD' });
    expect(dockerfile.target).toEqual({ name: 'BUILD', stageIndex: 0 });
    expect(dockerfile.parseErrors).toEqual([]);
  });

  it('is null for a default build', () => {
    expect(parseDockerfile(text).target).toBeNull();
    expect(parseDockerfile(text, { target: '' }).target).toBeNull();
  });

  it('names no stage by index, and a name no stage has is a fatal error on line 1', () => {
    for (const name of ['0', 'nope']) {
      const dockerfile = parseDockerfile(text, { target: name });
      expect(dockerfile.target).toEqual({ name, stageIndex: null });
      expect(dockerfile.parseErrors).toEqual([{ message: `target stage "${name}" could not be found`, line: 1, column: 1, fatal: true }]);
    }
  });

  it('adds nothing to a file that has no stage to look in', () => {
    expect(parseDockerfile('', { target: 'x' }).parseErrors.map((error) => error.message)).toEqual(['the Dockerfile cannot be empty']);
  });
});

describe('shell scripts', () => {
  it('finds commands in lists, pipes, subshells, substitutions and if bodies, with hadolint words', () => {
    const run = parseDockerfile(
      'FROM a\nRUN set -e; (cd /x && make) | tee log && echo "$(whoami)" ${HOME} \'q\' && if true; then command apt-get install -y "curl"; fi\n',
    ).instructions[1] as RunInstruction;
    const commands = run.script.commands;
    expect(commands.map((command) => command.name)).toEqual(['set', 'cd', 'make', 'tee', 'echo', 'whoami', 'true', 'apt-get']);
    const echo = commands.find((command) => command.name === 'echo')!;
    expect(echo.args.map((argument) => argument.value)).toEqual(['${whoami}', '${HOME}', 'q']);
    expect(echo.args[0]!.literal).toBe(false);
    const aptGet = commands.find((command) => command.name === 'apt-get')!;
    expect(aptGet.args.map((argument) => argument.value)).toEqual(['apt-get', 'install', '-y', 'curl']);
    expect(aptGet.flags).toEqual(['y']);
    const tee = commands.find((command) => command.name === 'tee')!;
    const make = commands.find((command) => command.name === 'make')!;
    expect(tee.pipelineId).toBeGreaterThan(0);
    expect(tee.pipelineIndex).toBe(1);
    expect(make.pipelineId).toBe(0);
  });

  it('maps command positions back through continuations', () => {
    const run = parseDockerfile('FROM a\nRUN apt-get update \\\n    && apt-get install -y curl\n').instructions[1] as RunInstruction;
    const install = run.script.commands[1]!;
    expect(run.script.map.positionAt(install.start)).toEqual({ line: 3, column: 8 });
  });

  it('yields no command for a non-literal name', () => {
    const run = parseDockerfile('FROM a\nRUN $PIP install x\n').instructions[1] as RunInstruction;
    expect(run.script.commands).toEqual([]);
  });

  it('joins exec-form strings with spaces', () => {
    const run = parseDockerfile('FROM a\nRUN ["apt-get", "install", "-y", "curl"]\n').instructions[1] as RunInstruction;
    expect(run.script.source).toBe('apt-get install -y curl');
    expect(run.script.commands[0]?.name).toBe('apt-get');
  });
});

describe('bad input never throws', () => {
  it.each([
    ['empty', '', 'the Dockerfile cannot be empty'],
    ['only comments', '# just a comment\n\n', 'file with no instructions'],
    ['NUL byte', 'FROM a\n\0\0\0', 'binary file'],
  ])('%s', (_name, text, message) => {
    const dockerfile = parseDockerfile(text);
    expect(dockerfile.parseErrors[0]?.message).toContain(message);
  });

  it('reports invalid UTF-8 with its line and keeps parsing', () => {
    const bytes = Buffer.concat([Buffer.from('FROM a\nRUN echo '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    const dockerfile = parseDockerfile(bytes);
    expect(dockerfile.parseErrors[0]).toMatchObject({ line: 2, fatal: false });
    expect(dockerfile.instructions).toHaveLength(2);
  });

  it('refuses lines longer than BuildKit allows, naming the line', () => {
    const dockerfile = parseDockerfile(`FROM a\nRUN echo ${'x'.repeat(70_000)}\nUSER app\n`);
    expect(dockerfile.parseErrors[0]).toMatchObject({ line: 2, message: 'dockerfile line greater than max allowed size of 65535' });
    expect(dockerfile.instructions.map((instruction) => instruction.kind)).toEqual(['FROM', 'USER']);
  });

  it('stops after 5,000 instructions, naming the first line it did not read', () => {
    const dockerfile = parseDockerfile(`FROM a\n${'RUN true\n'.repeat(6_000)}`);
    expect(dockerfile.instructions).toHaveLength(5_000);
    expect(dockerfile.parseErrors).toEqual([
      { message: 'more than 5000 instructions: the file is not read past this line', line: 5_001, column: 1, fatal: true },
    ]);
  });

  it('gives a stage built on an earlier one by name its index, among 5,000 stages', () => {
    const text = `FROM a AS first\n${'FROM b AS other\n'.repeat(4_997)}FROM first AS again\nFROM other\n`;
    const stages = parseDockerfile(text).stages;
    expect(stages).toHaveLength(5_000);
    expect(stages[4_998]!.baseStageIndex).toBe(0);
    // Two stages named `other`: the first of them, as before.
    expect(stages[4_999]!.baseStageIndex).toBe(1);
  });

  describe('variable expansion that grows without bound', () => {
    const doubling = (lines: number, instruction = 'ENV A=$A$A'): string => `FROM a\nENV A=xy\n${`${instruction}\n`.repeat(lines)}RUN echo $A\n`;
    const budgetError = (line: number) => ({
      message:
        'variable expansion too large: the values substituted up to this line exceed 1 MiB (a variable that refers to itself, like ENV A=$A$A, doubles with each line); the file is not read past it',
      line,
      column: 1,
      fatal: true,
    });

    it('stops at the line whose expansion would pass the budget', () => {
      const dockerfile = parseDockerfile(doubling(40));
      // A's bound goes 2, 4, 8, … (2^(k+1) after k lines: each `$A` adds A's length less its own),
      // and the total growth 2^(k+2) − 4k − 4: 1,048,500 after 18 lines, past 1 MiB with the 19th,
      // on line 21.
      expect(dockerfile.parseErrors).toEqual([budgetError(21)]);
      expect(dockerfile.instructions).toHaveLength(20);
    });

    it('counts ARG defaults, braces and pairs of one instruction in order', () => {
      // `${A}${A}` is 8 characters, each `${A` replaced: the bound is 10·2^(k−1) − 2 after k lines
      // and the total growth 10·2^k − 10k − 10, past the budget with the 17th line.
      expect(parseDockerfile(doubling(40, 'ARG A=${A}${A}')).parseErrors).toEqual([budgetError(19)]);
      const onePairPerDoubling = `FROM a\nENV A=xy\nENV${' A=$A$A'.repeat(40)}\n`;
      expect(parseDockerfile(onePairPerDoubling).parseErrors).toEqual([budgetError(3)]);
      const computedName = `FROM a\nENV K=A\nENV A=xy\n${'ENV ${K}=$A$A\n'.repeat(40)}`;
      // `${K}` names A only once expanded: any name may then hold the value, K included. The
      // bound still doubles, so it stops where plain doubling does (its 19th line, line 21 here).
      expect(parseDockerfile(computedName).parseErrors).toEqual([budgetError(21)]);
    });

    it('does not take a variable copied from the last one for growth', () => {
      // Each value is the reference it replaces at most: counted as text plus value, this line of
      // 4,000 grew by a reference per line and stopped at line 670.
      const copies = `FROM a\nENV K0=value\n${Array.from({ length: 4_000 }, (_, index) => `ENV K${index + 1}=$K${index}\n`).join('')}`;
      expect(parseDockerfile(copies).parseErrors).toEqual([]);
    });

    it('charges a FROM before its image is expanded', () => {
      const text = `ARG A=${'x'.repeat(1_000)}\nFROM ${'$A'.repeat(2_000)}\n`;
      expect(parseDockerfile(text).parseErrors).toEqual([budgetError(2)]);
      expect(parseDockerfile(`FROM a\n${text.replace('FROM', 'ONBUILD FROM')}`).parseErrors).toEqual([budgetError(3)]);
    });

    it('stops at a substitution nested more than 100 deep, which would overflow the expanders', () => {
      const nested = (depth: number): string => `${'${A:-'.repeat(depth)}x${'}'.repeat(depth)}`;
      const error = {
        message: 'variable substitution nested more than 100 deep (${A:-${B:-…}}); the file is not read past this line',
        line: 2,
        column: 1,
        fatal: true,
      };
      for (const line of [`ENV B=${nested(10_000)}`, `COPY ${nested(101)} /x`, `FROM ${nested(5_000)}`, `ONBUILD FROM ${nested(5_000)}`, `LABEL a="${nested(200)}"`]) {
        expect(parseDockerfile(`FROM a\n${line}\n`).parseErrors).toEqual([error]);
      }
      expect(parseDockerfile(`FROM a\nENV B=${nested(100)}\n`).parseErrors).toEqual([]);
    });

    it('leaves real files alone: a PATH extended 200 times', () => {
      const text = `FROM a\nENV PATH=/usr/bin\n${'ENV PATH=$PATH:/opt/some/tool/bin\n'.repeat(200)}`;
      expect(parseDockerfile(text).parseErrors).toEqual([]);
    });
  });

  it('reads one level of ONBUILD ONBUILD (DL3043 reports it; BuildKit refuses it) and no deeper', () => {
    const onbuild = parseDockerfile(`FROM a\n${'ONBUILD '.repeat(5_000)}RUN true\n`).instructions[1];
    expect(onbuild?.kind).toBe('ONBUILD');
    const trigger = onbuild?.kind === 'ONBUILD' ? onbuild.trigger : null;
    expect(trigger?.kind).toBe('ONBUILD');
    expect(trigger?.kind === 'ONBUILD' ? trigger.trigger : undefined).toBeNull();
  });

  it('reads 10,000 continuation lines as one instruction', () => {
    const text = `FROM a\nRUN true${' \\\n && echo x'.repeat(10_000)}\n`;
    const dockerfile = parseDockerfile(text);
    const run = dockerfile.instructions[1] as RunInstruction;
    expect(run.endLine).toBe(10_002);
    expect(run.script.commands).toHaveLength(10_001);
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM a\nUSER x\n', 'utf16le')]);
    expect(parseDockerfile(bytes).instructions.map((instruction) => instruction.kind)).toEqual(['FROM', 'USER']);
  });
});

describe('model details rules rely on', () => {
  it('knows when a script pipes, between compound commands too, and that || is no pipe', () => {
    const hasPipe = (script: string): boolean =>
      (parseDockerfile(`FROM a\nRUN ${script}\n`).instructions[1] as RunInstruction).script.hasPipe;
    expect(hasPipe('(cd /src && tar cf - .) | (cd /dst && tar xf -)')).toBe(true);
    expect(hasPipe('a |& b')).toBe(true);
    expect(hasPipe('a || b')).toBe(false);
  });

  it('maps <<- heredoc bodies past the stripped tabs', () => {
    const run = parseDockerfile('FROM a\nRUN <<-EOF\n\t\techo $1\n\tEOF\n').instructions[1] as RunInstruction;
    expect(run.script.map.positionAt(run.script.commands[0]!.start)).toEqual({ line: 3, column: 3 });
  });

  it('gives a FROM the index of the stage it opens', () => {
    const dockerfile = parseDockerfile('ARG X\nFROM a AS one\nRUN x\nFROM b\n');
    expect(dockerfile.instructions.map((instruction) => instruction.stageIndex)).toEqual([-1, 0, 0, 1]);
  });
});
