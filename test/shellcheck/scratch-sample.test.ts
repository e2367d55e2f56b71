import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { lintSource } from '../../src/engine/lint.js';
import { defaultRegistry } from '../../src/rules/index.js';

const dir = '/work/shared/corpus/dockerfiles';
it('sample', async () => {
  const files = readdirSync(dir).sort().slice(0, 500);
  const registry = defaultRegistry();
  const want = new Set((process.env['SC_CODES'] ?? 'SC1001,SC1012,SC1083,SC3009,SC2154').split(','));
  const shown = new Map<string, number>();
  for (const file of files) {
    const result = await lintSource(readFileSync(`${dir}/${file}`), file, { registry, only: ['shellcheck'], precisePositions: true });
    for (const f of result.findings) {
      if (!want.has(f.code) || (shown.get(f.code) ?? 0) >= 4) continue;
      shown.set(f.code, (shown.get(f.code) ?? 0) + 1);
      const line = result.dockerfile.lines[f.line - 1] ?? '';
      console.log(`${f.code} ${file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}\n   ${JSON.stringify(line)}\n   ${' '.repeat(f.column)}^ ${JSON.stringify(line.slice(f.column - 1, f.endLine === f.line ? f.endColumn - 1 : undefined))}`);
    }
  }
});
