import { it } from 'vitest';
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseDockerfile } from '../../src/parser/parse.js';
import { initShellParser } from '../../src/parser/shell.js';
import { shellcheckScripts } from '../../src/shellcheck/script.js';

const dir = '/work/shared/corpus/dockerfiles';
it('dump', async () => {
  await initShellParser();
  mkdirSync('/tmp/scdump', { recursive: true });
  const files = readdirSync(dir).sort().slice(0, 100);
  let n = 0;
  for (const [i, file] of files.entries()) {
    const df = parseDockerfile(readFileSync(`${dir}/${file}`), { path: file, buildArgs: new Map() });
    const scripts = shellcheckScripts(df);
    mkdirSync(`/tmp/scdump/${i}`, { recursive: true });
    scripts.forEach((s, j) => { writeFileSync(`/tmp/scdump/${i}/r${j}.sh`, s.text); n++; });
  }
  console.log('scripts', n);
});
