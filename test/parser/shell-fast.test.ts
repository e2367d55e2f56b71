import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initShellParser, parseDockerfile } from '../../src/parser/index.js';
import { parseShellFast } from '../../src/parser/shell-fast.js';
import { parseShell, parseShellWithTreeSitter } from '../../src/parser/shell.js';
import type { ShellCommand, ShellScript, SourceMap } from '../../src/parser/types.js';
import { CORPUS_DIR, hasCorpus, skipMessage } from '../support/shared.js';

const NO_MAP: SourceMap = { positionAt: () => ({ line: 1, column: 1 }) } as unknown as SourceMap;

beforeAll(async () => {
  await initShellParser();
});

function summary(commands: readonly ShellCommand[]): string[] {
  return commands.map(
    (command) =>
      `${command.name}: ${command.words.map((word) => `${word.value}${word.literal ? '' : '*'}`).join(' | ')}` +
      (command.pipelineId ? ` [p${command.pipelineId}.${command.pipelineIndex}]` : ''),
  );
}

/** The fast parser handles `script` and says exactly what tree-sitter says. */
function expectAgreement(script: string): ShellScript {
  const fast = parseShellFast(script);
  expect(fast, `fast parser gave up on ${JSON.stringify(script)}`).not.toBeNull();
  const reference = parseShellWithTreeSitter(script, NO_MAP);
  expect(reference.hasSyntaxError).toBe(false);
  expect(fast!.commands).toEqual(reference.commands);
  expect(fast!.hasPipe).toBe(reference.hasPipe);
  return reference;
}

describe('fast shell parser: agrees with tree-sitter on the subset it handles', () => {
  it.each([
    'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
    'set -eux; \tcd /tmp; make -j"$(nproc)" && make install',
    'pip install --no-cache-dir -r requirements.txt || true',
    'curl -fsSL https://example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg',
    'wget -qO- https://x | tar xz -C /opt | tee /log',
    'echo "a $B" \'c d\' e\\ f "x\\"y\\$z\\n" $\'t\\tu\' ${VAR:-default} ${#X} ${!Y} $1 $@ $? ${10}',
    'A=1 B="$(id -u)" cmd --opt=$X arg',
    'export A=$(x) B C="d e"; declare -x D=1; local e; unset F G; readonly H',
    'command -v git && exec gosu user "$@" && busybox wget x && builtin cd /',
    'cd /src && (make && make install) && { cleanup; true; } > /dev/null 2>&1',
    'cmd > /tmp/out 2>&1 && other >> log < input && x &> /dev/null; y >&2',
    'echo a > f b c',
    'find . -name "*.pyc" -exec rm -f {} \\; && echo {a,b} ~/x a#b # trailing comment',
    'echo `date +%s` "`id -un`" $(echo $(nested) | wc -l)',
    'a\nb; c &\nd',
    'a && \\\n  b',
    'cmd "${X:-$(default)}"',
    'true | (cd a && tar cf - .) | (tar xf -)',
    'x=1',
    'pip install airflow[mysql]==1.5.1',
    'if [ -f x ]; then a; elif [ "$(id -u)" = 0 ]; then b; else c; fi 2>/dev/null',
    'for i in 1 $(seq 2); do echo $i; done > log; for j; do k; done',
    'while true; do sleep 1; done; until x; do y; done',
    '[ -f x ] && y || [ ! -d z ]',
    '! true && ! a | b',
    'if ! command -v git; then apt-get install -y git; fi',
    'case "$(dpkg --print-architecture)" in amd64) a=x;; (arm64|aarch64) b c ;; *) echo no; exit 1 ;; esac',
    'case $x in *) ;; esac; case y in a) z; esac',
    // A `$` that starts no expansion: in double quotes before `/`, `"`, `|`…; unquoted at an argument's end.
    'sed -i "s/^;clear_env = no$/clear_env = no/" x && go test -run=^$ . && echo "a$" "$" "$/" "$|x" "x$\\"y" \\$$ d$',
    'echo "a $" "s/x\n$/y/" "$(id)$" "${v}$" "$w$/" $ x$\ty "a$.b$:c$%d$,e$=f$)g$]h$}i$+j$^k$&l$;m$~n$<o$>p$\\q"',
    '(e $ ) && e $(f $ ) && e ${A=$} "${B%$}" ${C:-x$} x',
    // Function definitions: only their bodies' commands count.
    'f() { local f="$1"; shift; a "$f" | b; }; f x',
    'function f { a; }; function g() ( b ) > log c',
    'f ( ) {\n a\n}\ng()\n{ h; } 2>/dev/null; i',
    'f() { g() { h; }; }; a-b.c() { d; } && e $(k() { l; })',
    // Arrays: an assignment's `(…)` is no word, its substitutions hold commands; `${a[…]}` is its text.
    'A=("a-$v.${p}.$(uname -m).rpm") && for r in ${A[@]}; do c "${A[0]}" ${A[*]} ${#A[@]} ${A[i]:-x} ${!A[@]}; done',
    'A=( $x y ); B+=(x "y z" \'q\' $(f)\n w) C=() c; (D=(z))',
    'e ${A[@]:1:2} "x${A[0]%.*}y" ${A[@]/a/$(g h)}',
    // `[[ … ]]`: no command of its own, the substitutions in it are commands.
    'if [[ ! -e /usr/bin/python ]]; then a; fi; [[ -f a || -f "b" ]] && c',
    '[[ "$(a)" = b && ! -d `c` || $x -ge 2 ]] && [[ $x == *$(f)* ]] || [[ -v X ]] > /dev/null',
    '[[ a ]] | y; [[ $A = 1 ]];[[ x -nt y ]] \\\n && [[ ! ! -n "$Z" && $x != [ab]* ]]',
    '',
  ])('%j', (script) => {
    if (script === '') {
      expect(parseShellFast(script)?.commands).toEqual([]);
      return;
    }
    expectAgreement(script);
  });

  it('numbers pipelines in order of appearance, nested ones included', () => {
    const reference = expectAgreement('a | b $(c | d) && e | f');
    expect(summary(reference.commands)).toEqual([
      'a: a [p1.0]',
      'b: b | ${c|d}* [p1.1]',
      'c: c [p2.0]',
      'd: d [p2.1]',
      'e: e [p3.0]',
      'f: f [p3.1]',
    ]);
  });

  it('takes `$PIP install` as no command and unwraps command/exec/busybox (hadolint §1)', () => {
    const fast = parseShellFast('$PIP install x && exec gosu u cmd && busybox wget y')!;
    expect(fast.commands.map((command) => command.name)).toEqual(['gosu', 'wget']);
  });
});

describe('fast shell parser: leaves the rest to tree-sitter', () => {
  it.each([
    'case x in a) b;& c) d;; esac',
    'if a; then fi',
    'if a; b; fi',
    'for ((i=0; i<3; i++)); do a; done',
    'while a; done',
    '[ ]',
    '[ a < b ]',
    '! { a; }',
    'a[1]=2 cmd',
    // `[[ … ]]` with a regex, `<`, parentheses, newlines, or what bash rejects.
    '[[ $x =~ ^[0-9]+$ ]]',
    '[[ a < b ]]',
    '[[ ( a ) ]]',
    '[[ a\n]]',
    '[[ -f ]]',
    '[[ a b ]]',
    '[[ ]]',
    '[[ a = ]]',
    '[[ a && ]]',
    '[[ -f x',
    '[[ a = b c ]]',
    '[[ "-f" x ]]',
    '[[ a == -f ]]',
    '[[ x ]]y',
    '[[ a = $ ]]',
    'cat <<EOF\nx\nEOF',
    'cat <<< foo',
    'echo $((1 + 2))',
    '((i++))',
    // Arrays and subscripts the fast path does not mirror.
    'echo ${A[-1]}',
    'echo ${A[$i]}',
    'echo ${#A[@]:-x}',
    'A=(x)y',
    'A=(x) | b',
    'A=(a # c\n)',
    'A=([k]=v)',
    'declare -a A=(x y)',
    'A=(x)>f',
    'A="x"=(y)',
    // A `$` tree-sitter reads oddly, errs on, or where its parse differs (see scanWord's callers).
    '$ x',
    'b$ x',
    'A=$ b',
    'export A=$',
    'echo "$ a"',
    'echo "$`a`"',
    'echo "$[1]"',
    'echo a$;b',
    'echo a$/b',
    'echo a$"x"',
    'echo "a$\'b"',
    'echo `a $`',
    'case $ in a) b;; esac',
    'for a in x $; do b; done',
    '[ a = $ ]',
    'echo > $',
    'echo ${a/$/x}',
    // Function definitions tree-sitter errs on, reads unlike bash, or with bodies left to it.
    'X=1 f() { a; }',
    '! f() { a; }',
    '! function f { a; }',
    'f() if a; then b; fi',
    'function f ( a )',
    'export() { a; }',
    'f() {}',
    'f a() { b; }',
    'function "f" { a; }',
    'f() { a; }x',
    'f() { a; } | b',
    'a | f() { b; } | c',
    'time make',
    '{ a }',
    'echo \'unterminated',
    'echo "unterminated',
    'echo $(unterminated',
    '&& a',
    'a &&',
    'a |',
    'a | # comment\n b',
    '> f cmd',
    'diff <(a) <(b)',
    '[Net.ServicePointManager]::SecurityProtocol = 1',
  ])('%j', (script) => {
    expect(parseShellFast(script)).toBeNull();
    // parseShell still answers, through tree-sitter.
    expect(() => parseShell(script, NO_MAP)).not.toThrow();
  });
});

describe('fast shell parser: deep nesting', () => {
  it('gives a script nested deeper than its stack to tree-sitter instead of throwing', () => {
    const script = `echo ${'$('.repeat(5000)}x${')'.repeat(5000)}`;
    expect(parseShellFast(script)).toBeNull();
    const parsed = parseShell(script, NO_MAP);
    expect(parsed.commands.map((command) => command.name)).toEqual(['echo', 'x']);
    const expansions = `echo ${'${a:-'.repeat(5000)}x${'}'.repeat(5000)}`;
    expect(parseShellFast(expansions)).toBeNull();
    expect(() => parseShell(expansions, NO_MAP)).not.toThrow();
  });
});

describe('fast shell parser: where tree-sitter-bash departs from the shell, it follows bash', () => {
  it('keeps the blank between two expansions in a double-quoted string', () => {
    const fast = parseShellFast('echo "$A $B"')!;
    expect(fast.commands[0]!.args[0]!.value).toBe('${A} ${B}');
    expect(parseShellWithTreeSitter('echo "$A $B"', NO_MAP).commands[0]!.args[0]!.value).toBe('${A}${B}');
  });

  it('keeps `…/$V/a-$V-b` one word (tree-sitter splits it after the second `$`)', () => {
    const script = 'curl https://x/$V/a-$V-linux.tgz';
    expect(parseShellFast(script)!.commands[0]!.args).toHaveLength(1);
    expect(parseShellWithTreeSitter(script, NO_MAP).commands[0]!.args).toHaveLength(2);
  });

  it('reads backticks inside ${X-…} as a command substitution', () => {
    const fast = parseShellFast('N=${CORES-`getconf _NPROCESSORS_CONF`} && apk add x')!;
    expect(fast.commands.map((command) => command.name)).toEqual(['getconf', 'apk']);
  });

  it('reads `\\ ` as an escaped blank (a one-space word), not as a line continuation', () => {
    // DL3009-clean-9/-10 in hadolint's own tests depend on this: `\    apt-get update` runs no apt-get.
    const fast = parseShellFast('rm -f x && \\    apt-get update')!;
    expect(summary(fast.commands)).toEqual(['rm: rm | -f | x', ' :   | apt-get | update']);
  });

  it('gives `|` precedence over `&&` and `||`', () => {
    // tree-sitter-bash: `a | b | c && d` is a | (b | c && d), and `b && c 2>x | d` is (b && c) 2>x | d.
    expect(summary(parseShellFast('a | b | c && d')!.commands)).toEqual(['a: a [p1.0]', 'b: b [p1.1]', 'c: c [p1.2]', 'd: d']);
    expect(summary(parseShellFast('b && c 2>/dev/null | d')!.commands)).toEqual(['b: b', 'c: c [p1.0]', 'd: d [p1.1]']);
  });

  it('keeps two backtick substitutions two words, and `-p1<` an argument and a redirect', () => {
    expect(parseShellFast('rm -rf `find a` `find b`')!.commands[0]!.args).toHaveLength(3);
    expect(parseShellWithTreeSitter('rm -rf `find a`  `find b`', NO_MAP).commands[0]!.args).toHaveLength(2);
    expect(summary(parseShellFast('patch -p1< x.patch')!.commands)).toEqual(['patch: patch | -p1']);
  });

  it('keeps `-` before a redirect as an argument', () => {
    expect(summary(parseShellFast('apt-key add - 2>&1')!.commands)).toEqual(['apt-key: apt-key | add | -']);
  });
});

/**
 * Scripts where tree-sitter-bash is known to depart from the shell (the cases above); the corpus
 * comparison below leaves them out and holds the fast parser to tree-sitter everywhere else.
 */
const TREE_SITTER_QUIRKS: readonly RegExp[] = [
  /\\[ \t]/, // `\ `: tree-sitter reads a line continuation
  /\$\{[^}]*`/, // backticks inside ${…}
  /(^|\s)-\s+\d*[<>]/, // `-` right before a redirect
  /`[ \t]+`/, // two backtick substitutions side by side become one word
  /[^\s\d<>&|;]\d+[<>]/, // `-p1< file`: the digits are taken for a file descriptor
];

/**
 * Compares two parses modulo tree-sitter's word quirks: it splits some words after a second
 * expansion (adjacent words are merged back, and only their text is compared) and drops or mangles
 * blanks before `$` inside double quotes (only the text of such words is compared). Pipelines
 * are compared only in scripts without `&&`/`||`: tree-sitter-bash gets the precedence of `|`
 * against `&&` wrong (see the test above), so there it is the one to disagree with bash.
 */
function agreeModuloQuirks(fast: readonly ShellCommand[], reference: readonly ShellCommand[], comparePipelines: boolean): boolean {
  if (fast.length !== reference.length) return false;
  return fast.every((command, index) => {
    const other = reference[index]!;
    if (command.name !== other.name || command.start !== other.start || command.end !== other.end) return false;
    if (comparePipelines && (command.pipelineId !== other.pipelineId || command.pipelineIndex !== other.pipelineIndex)) return false;
    const merged: { raw: string; value: string; literal: boolean; start: number; end: number; split: boolean }[] = [];
    for (const word of other.words) {
      const last = merged[merged.length - 1];
      if (last && last.end === word.start) {
        Object.assign(last, { raw: last.raw + word.raw, end: word.end, split: true });
      } else merged.push({ ...word, split: false });
    }
    if (merged.length !== command.words.length) return false;
    return merged.every((word, position) => {
      const mine = command.words[position]!;
      if (mine.raw !== word.raw || mine.start !== word.start || mine.end !== word.end) return false;
      if (word.split || /"[^"]*\s[^"]*"/.test(word.raw)) return true;
      return mine.value === word.value && mine.literal === word.literal;
    });
  });
}

describe('fast shell parser over the shared corpus', () => {
  if (!hasCorpus) {
    it.skip(skipMessage('fast shell parser corpus comparison'), () => {});
    return;
  }
  it('agrees with tree-sitter on every RUN script it handles (every 10th file)', () => {
    const directory = join(CORPUS_DIR, 'dockerfiles');
    const names = readdirSync(directory).filter((name, index) => index % 10 === 0);
    let scripts = 0;
    let handled = 0;
    let compared = 0;
    const disagreements: string[] = [];
    const treeSitterErrors: string[] = [];
    for (const name of names) {
      const dockerfile = parseDockerfile(readFileSync(join(directory, name)), { path: name });
      for (const instruction of dockerfile.instructions) {
        const run = instruction.kind === 'RUN' ? instruction : instruction.kind === 'ONBUILD' && instruction.trigger?.kind === 'RUN' ? instruction.trigger : null;
        if (!run || run.script.source.trim() === '') continue;
        const source = run.script.source;
        scripts++;
        const fast = parseShellFast(source);
        if (!fast) continue;
        handled++;
        if (TREE_SITTER_QUIRKS.some((quirk) => quirk.test(source))) continue;
        const reference = parseShellWithTreeSitter(source, NO_MAP);
        if (reference.hasSyntaxError) {
          treeSitterErrors.push(source);
          continue;
        }
        compared++;
        const comparePipelines = !/&&|\|\|/.test(source);
        if (!agreeModuloQuirks(fast.commands, reference.commands, comparePipelines) || fast.hasPipe !== reference.hasPipe) {
          disagreements.push(`${name}: ${source.slice(0, 200)}`);
        }
      }
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    // Where tree-sitter saw a syntax error and the fast parser did not, bash must accept the script.
    const bashRejects = treeSitterErrors.filter((source) => spawnSync('bash', ['-n', '-c', source]).status !== 0);
    expect(bashRejects).toEqual([]);
    // The point of the fast path: it must take most scripts.
    expect(handled / scripts).toBeGreaterThan(0.85);
    expect(compared / handled).toBeGreaterThan(0.9);
  }, 120_000);
});

describe('tree-sitter on a script whose error recovery never ends', () => {
  it('abandons it as a syntax error with no commands, and parses the next script from scratch', () => {
    // 40 KB of stray case arms: tree-sitter's error recovery took ~10 s here, far past the limit.
    const script = parseShellWithTreeSitter(`true ${'\t\t*) '.repeat(8_000)} true`, NO_MAP);
    expect(script.hasSyntaxError).toBe(true);
    expect(script.commands).toEqual([]);
    // A cancelled parse would resume on the parser's next call unless reset.
    expect(summary(parseShellWithTreeSitter('[[ $a =~ b ]] && echo ok', NO_MAP).commands)).toEqual(['echo: echo | ok']);
  });
});
