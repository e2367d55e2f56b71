/**
 * The tree-sitter walk reads a node's type name and named-ness from tables indexed by its type id
 * (one WASM call per node instead of three). The tables must answer exactly as the cursor does,
 * on well-formed scripts and on the broken ones tree-sitter recovers from (ERROR and MISSING nodes).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Language, Parser } from 'web-tree-sitter';
import { grammarTables } from '../../src/parser/shell.js';

const SCRIPTS = [
  'apt-get update && apt-get install -y curl | tee log',
  'if [[ -f /x ]]; then echo "$(id -u)" > /dev/null; fi',
  'for i in 1 2 3; do echo ${i:-0} `date`; done; case $x in a) b;; esac',
  'export A=1 B="two" && declare -r C=$((1 + 2)) && unset A',
  "$newPath = ('C:\\pypy;{0}' -f $env:PATH); Write-Host ('Updating ...'",
  '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; iex ((New-Object Net.WebClient).DownloadString(x))',
  'cat <<EOF > /etc/motd\nhello $USER\nEOF\n',
  'echo "unterminated',
  'f() { echo hi; }; f && ! grep -q x <(ls) 2>&1',
];

describe('grammar tables for the tree-sitter walk', () => {
  it('give every node the type name, named-ness and field the cursor gives', async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    const tables = grammarTables(language);
    let nodes = 0;
    let errors = 0;
    for (const script of SCRIPTS) {
      const tree = parser.parse(script)!;
      const cursor = tree.walk();
      for (;;) {
        nodes++;
        const typeId = cursor.nodeTypeId;
        expect(tables.typeNames[typeId] ?? 'ERROR').toBe(cursor.nodeType);
        expect(tables.named[typeId] ?? cursor.nodeIsNamed).toBe(cursor.nodeIsNamed);
        if (cursor.nodeType === 'ERROR') errors++;
        const field = cursor.currentFieldName;
        expect(cursor.currentFieldId === tables.nameField).toBe(field === 'name');
        expect(cursor.currentFieldId === tables.argumentField).toBe(field === 'argument');
        if (cursor.gotoFirstChild()) continue;
        let done = false;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            done = true;
            break;
          }
        }
        if (done) break;
      }
      cursor.delete();
      tree.delete();
    }
    expect(nodes).toBeGreaterThan(200);
    // The broken scripts do produce ERROR nodes, which lie outside the tables.
    expect(errors).toBeGreaterThan(0);
  });
});
