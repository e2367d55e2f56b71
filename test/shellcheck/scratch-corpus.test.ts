import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { lintSource } from '../../src/engine/lint.js';
import { defaultRegistry } from '../../src/rules/index.js';

const dir = '/work/shared/corpus/dockerfiles';
const count = Number(process.env['SC_COUNT'] ?? 500);
const offset = Number(process.env['SC_OFFSET'] ?? 0);
it('corpus', async () => {
  const files = readdirSync(dir).sort().slice(offset, offset + count);
  const registry = defaultRegistry();
  const codes = new Map<string, number>();
  let internal = 0;
  let prologue = 0;
  let total = 0;
  // warm up
  await lintSource('FROM a\nRUN echo\n', 'x', { registry, only: ['shellcheck'] });
  for (const mode of ['off', 'on']) {
    if (mode === 'off') process.env['DOCKSIDE_SHELLCHECK'] = 'off'; else delete process.env['DOCKSIDE_SHELLCHECK'];
    const childCpu = () => { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' '); return (Number(f[13]) + Number(f[14])) * 10; };
    const c0 = childCpu(); const u0 = process.cpuUsage();
    const t0 = performance.now();
    for (const file of files) {
      const text = readFileSync(`${dir}/${file}`);
      const result = await lintSource(text, file, { registry, only: ['shellcheck'], precisePositions: true });
      if (mode === 'off') continue;
      for (const f of result.findings) {
        if (f.code === 'internal-error') { internal++; console.log(file, f.message); }
        if (f.rule !== 'shellcheck') continue;
        total++;
        codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
        const ins = result.dockerfile.instructions.find((i) => i.startLine <= f.line && f.line <= i.endLine);
        if (!ins) { prologue++; console.log('outside instruction', file, f.line, f.code); }
        else {
          const lineText = result.dockerfile.lines[f.line - 1] ?? '';
          if (f.column > lineText.length + 1) console.log('column past end', file, f.line, f.column, f.code, JSON.stringify(lineText));
        }
        if (f.code === 'SC1071' || f.code === 'SC2239' || f.code === 'SC1008') console.log(file, f.line, f.code, f.message);
      }
    }
    const ms = performance.now() - t0;
    const u = process.cpuUsage(u0); const cc = childCpu() - c0;
    console.log(mode, `${files.length} files, wall ${ms.toFixed(0)} ms, ${(ms / files.length).toFixed(2)} ms/file; own cpu ${((u.user + u.system) / 1000 / files.length).toFixed(2)} ms/file, shellcheck cpu ${(cc / files.length).toFixed(2)} ms/file`);
  }
  console.log({ internal, prologue, total, top: [...codes].sort((a, b) => b[1] - a[1]).slice(0, 25) });
});
