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
