import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Checked in a child process: V8's natives syntax (%HaveSameMap) is a start-up flag. It reads the
// built parser (`npm test` builds first).
const PARSER = fileURLToPath(new URL('../../dist/parser/index.js', import.meta.url));

const PROBE = `
const { parseDockerfile } = await import(${JSON.stringify(PARSER)});
const dockerfile = parseDockerfile(process.argv[1]);
const all = dockerfile.instructions.flatMap((instruction) => instruction.kind === 'ONBUILD' && instruction.trigger ? [instruction, instruction.trigger] : [instruction]);
const report = () => all.map((instruction) => ({ kind: instruction.kind, sameMap: %HaveSameMap(instruction, all[0]), fast: %HasFastProperties(instruction) }));
const before = report();
// The lazy fields, once read, must not change any instruction's class either.
for (const instruction of all) { void instruction.words; void instruction.script; }
process.stdout.write(JSON.stringify({ before, after: report() }));
`;

const EVERY_KIND = [
  'ARG VERSION=1',
  'FROM alpine:3.19 AS base',
  'RUN --mount=type=cache,target=/root/.cache apk add curl',
  'RUN ["echo", "exec"]',
  'COPY --from=base a b',
  'ADD https://example.com/x /x',
  'ENV A=1 B=2',
  'ENV LEGACY value',
  'LABEL a=b',
  'EXPOSE 80/tcp',
  'CMD ["run"]',
  'ENTRYPOINT run',
  'SHELL ["/bin/sh", "-c"]',
  'VOLUME /data',
  'HEALTHCHECK CMD true',
  'HEALTHCHECK NONE',
  'ONBUILD RUN make',
  'ONBUILD COPY . /src',
  'USER app',
  'WORKDIR /app',
  'STOPSIGNAL SIGTERM',
  'MAINTAINER someone',
  'FROBNICATE now',
].join('\n');

describe('instruction objects', () => {
  it('share one hidden class across every kind, before and after their lazy fields are read', () => {
    const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', PROBE, EVERY_KIND], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { before, after } = JSON.parse(result.stdout) as Record<'before' | 'after', { kind: string; sameMap: boolean; fast: boolean }[]>;
    expect(before.length).toBe(25);
    for (const probe of [...before, ...after]) expect(probe, probe.kind).toEqual({ kind: probe.kind, sameMap: true, fast: true });
  });
});

// Every list of the model, by where it sits, for one parsed file.
const LIST_PROBE = `
const { parseDockerfile, initShellParser } = await import(${JSON.stringify(PARSER)});
await initShellParser();
const objectList = [{}];
const lists = (dockerfile) => {
  const found = [
    ['lines', dockerfile.lines],
    ['directives', dockerfile.directives],
    ['globalArgs', dockerfile.globalArgs],
    ['parseErrors', dockerfile.parseErrors],
    ...dockerfile.stages.map((stage) => ['stage.instructions', stage.instructions]),
  ];
  for (const instruction of dockerfile.instructions) {
    for (const key of ['flags', 'words', 'heredocs', 'mounts', 'sources', 'heredocSources', 'definitions', 'ports', 'pairs', 'execArgs']) {
      if (Array.isArray(instruction[key])) found.push([instruction.kind + '.' + key, instruction[key]]);
    }
    if (instruction.kind === 'RUN') found.push(['RUN.script.commands', instruction.script.commands]);
  }
  return found;
};
const odd = new Set();
// Many rounds: a list made by Array.prototype.map changes kind once its caller is optimised.
for (let round = 0; round < 400; round++) {
  for (const text of process.argv.slice(1)) {
    for (const [where, list] of lists(parseDockerfile(text))) if (!%HaveSameMap(list, objectList)) odd.add(where);
  }
}
process.stdout.write(JSON.stringify([...odd].sort()));
`;

describe('the model’s lists', () => {
  it('are all packed lists of objects, empty or not, so rules iterating them meet one hidden class', () => {
    const texts = [
      EVERY_KIND,
      // Lists left empty: no flags, mounts, ports, pairs, heredocs, directives, global ARGs or errors.
      'FROM scratch\nRUN true\nCOPY a b\nEXPOSE\nENV\nLABEL\nARG\nCMD []\n',
      '# syntax=docker/dockerfile:1\nARG A\nFROM a\nCOPY --chmod=644 <<EOF /x\nhi\nEOF\nRUN --mount=type=secret,id=x cat /run/secrets/x\nENTRYPOINT ["a", "b"]\n',
      'FROM a\nRUN [[ -f x ]] && echo $((1 + 2))\nRUN # only a comment\n',
      // The empty text and one-character texts are internalised strings: V8 answers their repeated
      // split from a cache, with a holey list.
      '',
      '\n',
      'x',
    ];
    const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', LIST_PROBE, ...texts], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
