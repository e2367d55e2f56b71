/**
 * Edit builders shared by the rules' autofixes (issue 7). Every helper returns `null` when the
 * text is not plain enough to rewrite without changing its meaning: no fix is better than a guess.
 */
import type { Fix, FixApplicability, TextEdit } from '../engine/types.js';
import { perDockerfile } from '../parser/derived.js';
import { mapList } from '../parser/lists.js';
import type { Dockerfile, Instruction, Position, Range, RunInstruction, Stage, Word } from '../parser/types.js';

export function replaceRange(range: Range, text: string): TextEdit {
  return { range, text };
}

export function insertAt(position: Position, text: string): TextEdit {
  return { range: { start: position, end: position }, text };
}

export function makeFix(applicability: FixApplicability, description: string, ...edits: TextEdit[]): Fix {
  return { edits, applicability, description };
}

/** `keyword` written in the case of `original`: all lower, all upper, or capitalised when mixed. */
export function keywordLike(original: string, keyword: string): string {
  if (original === original.toLowerCase()) return keyword.toLowerCase();
  if (original === original.toUpperCase()) return keyword.toUpperCase();
  return keyword.charAt(0).toUpperCase() + keyword.slice(1).toLowerCase();
}

/**
 * `value` as a double-quoted Dockerfile word that BuildKit's lexer reads back as exactly `value`:
 * inside double quotes the escape character escapes only `"`, `$` and itself.
 */
export function doubleQuoted(value: string, escapeChar: '\\' | '`'): string {
  let quoted = '"';
  for (const character of value) {
    if (character === '"' || character === '$' || character === escapeChar) quoted += escapeChar;
    quoted += character;
  }
  return `${quoted}"`;
}

/** The position just after `position` (same line). */
function after(position: Position): Position {
  return { line: position.line, column: position.column + 1 };
}

/** A `#` that starts a shell comment: at the start of the script or after a blank or operator. */
const SHELL_COMMENT = /(?:^|[\s;&|()])#/;

/**
 * Where text can be appended to a RUN's shell script so that it runs after everything else
 * (` && yum clean all`), or null when appending is not obviously correct: exec form, heredocs,
 * a shell syntax error, a comment (the text would land in it), a script ending in `&`, `|`, `(`,
 * or the escape character. A trailing `;` is kept after the insertion.
 */
export function scriptAppendPosition(run: RunInstruction, escapeChar: string): Position | null {
  if (run.form !== 'shell' || run.heredocs.length > 0) return null;
  const script = run.script;
  if (script.hasSyntaxError || script.commands.length === 0 || SHELL_COMMENT.test(script.source)) return null;
  let end = script.source.trimEnd().length;
  if (end > 0 && script.source[end - 1] === ';' && script.source[end - 2] !== ';') {
    end = script.source.slice(0, end - 1).trimEnd().length;
  }
  if (end === 0) return null;
  const last = script.source[end - 1]!;
  if (last === '&' || last === '|' || last === '(' || last === ';' || last === escapeChar) return null;
  return after(script.map.positionAt(end - 1));
}

/** Unquoted characters a shell passes through unchanged: no expansion, glob, operator or comment. */
const PLAIN_CHARACTER = /[A-Za-z0-9_./:=@%+,-]/;
/** Shell builtins and keywords: in exec form there is no shell to run them. */
const SHELL_ONLY_WORDS: ReadonlySet<string> = new Set([
  '.', ':', '[', '[[', 'alias', 'bg', 'break', 'case', 'cd', 'continue', 'eval', 'export', 'fg', 'for', 'function',
  'if', 'jobs', 'local', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'trap', 'ulimit', 'umask', 'unset',
  'until', 'wait', 'while', '{', '!', 'exit', 'shopt', 'type', 'hash', 'times', 'getopts', 'declare', 'typeset',
]);

/**
 * The shell's reading of one word when it holds nothing but plain characters, `'…'` and `"…"`
 * without `$`, backquote or backslash inside; null otherwise.
 */
export function literalShellWord(raw: string): string | null {
  let value = '';
  let index = 0;
  while (index < raw.length) {
    const character = raw[index]!;
    if (character === "'" || character === '"') {
      const close = raw.indexOf(character, index + 1);
      if (close === -1) return null;
      const inner = raw.slice(index + 1, close);
      if (character === '"' && /[$`\\]/.test(inner)) return null;
      value += inner;
      index = close + 1;
    } else if (PLAIN_CHARACTER.test(character)) {
      value += character;
      index++;
    } else {
      return null;
    }
  }
  return value;
}

/**
 * The exec-form (JSON) text for shell-form words that a shell would run as one simple command
 * with literal arguments (`npm start` → `["npm", "start"]`), or null. A leading `exec` is dropped
 * (exec form is what it asks for); builtins, assignments and anything the shell would expand,
 * glob, redirect, pipe or chain give null.
 */
export function execFormFor(words: readonly Word[]): string | null {
  const values: string[] = [];
  for (const word of words) {
    const value = literalShellWord(word.raw);
    if (value === null) return null;
    values.push(value);
  }
  if (values[0] === 'exec') values.shift();
  const program = values[0];
  if (program === undefined || program === '' || program.includes('=') || SHELL_ONLY_WORDS.has(program)) return null;
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}

/** The range from the first to the last of `words`. */
export function wordsRange(words: readonly Word[]): Range {
  return { start: words[0]!.range.start, end: words.at(-1)!.range.end };
}

/** The SHELL instructions of each stage, in order (computed once per file). */
const shellsByStage: (dockerfile: Dockerfile) => readonly (readonly Instruction[])[] = perDockerfile((dockerfile) =>
  mapList(dockerfile.stages, (stage) => stage.instructions.filter((candidate) => candidate.kind === 'SHELL')),
);

/** The last SHELL instruction before `instruction` in its stage or a parent stage of this file. */
export function shellInEffect(dockerfile: Dockerfile, instruction: Instruction): Instruction | null {
  const shells = shellsByStage(dockerfile);
  let stageIndex: number | null = instruction.stageIndex;
  let limit = instruction.index;
  while (stageIndex !== null && stageIndex >= 0) {
    const stage: Stage | undefined = dockerfile.stages[stageIndex];
    if (!stage) return null;
    const before = (shells[stageIndex] ?? []).filter((shell) => shell.index < limit);
    if (before.length > 0) return before.at(-1)!;
    stageIndex = stage.baseStageIndex;
    limit = Number.POSITIVE_INFINITY;
  }
  return null;
}

export function shellSetBefore(dockerfile: Dockerfile, instruction: Instruction): boolean {
  return shellInEffect(dockerfile, instruction) !== null;
}

const POSIX_SHELL = /(?:^|[\\/])(?:ba|da|a|z|k|mk)?sh(?:\.exe)?$/;

/**
 * The RUN's script is read by a shell that understands `&&`: the default one (`/bin/sh -c`, or
 * `cmd /S /C` on Windows), or a `SHELL` whose program is a POSIX-style shell. PowerShell 5 has no
 * `&&`, so text joined with it would break there.
 */
export function andListAllowed(dockerfile: Dockerfile, run: RunInstruction): boolean {
  const shell = shellInEffect(dockerfile, run.onbuildParent ?? run);
  if (shell === null) return true;
  const program = shell.kind === 'SHELL' ? shell.execArgs?.[0] : undefined;
  return program !== undefined && POSIX_SHELL.test(program);
}

/** POSIX `path.Join` + `Clean` for an absolute `base`. */
function joinClean(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** A WORKDIR path the fixer can reason about: quotes removed, no variable, space, quote or escape. */
function plainWorkdirPath(instruction: Instruction, escapeChar: string): string | null {
  if (instruction.words.length !== 1) return null;
  const raw = instruction.words[0]!.raw;
  const unquoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.at(-1) === raw[0] ? raw.slice(1, -1) : raw;
  if (unquoted === '' || /[$"'\s]/.test(unquoted) || unquoted.includes(escapeChar) || /^[A-Za-z]:/.test(unquoted)) return null;
  return unquoted;
}

/**
 * For each relative WORKDIR whose base directory is known, the absolute path it resolves to
 * (BuildKit's `NormalizeWorkdir`: join with the current directory, then clean). The base is known
 * after an earlier WORKDIR of the stage's lineage (the stage and its parent stages in this file)
 * resolved to an absolute path, or at the start of a lineage rooted at `scratch`, whose working
 * directory is `/`. Any other base image may set its own working directory (`golang`: `/go`,
 * `php:apache`: `/var/www/html`), so its default is not guessed.
 */
export const absoluteWorkdirs: (dockerfile: Dockerfile) => ReadonlyMap<Instruction, string> = perDockerfile(computeAbsoluteWorkdirs);

function computeAbsoluteWorkdirs(dockerfile: Dockerfile): ReadonlyMap<Instruction, string> {
  const resolved = new Map<Instruction, string>();
  const finalWorkdir: (string | null)[] = [];
  for (const stage of dockerfile.stages) {
    const image = stage.from.image;
    let current: string | null =
      stage.baseStageIndex !== null
        ? (finalWorkdir[stage.baseStageIndex] ?? null)
        : image.registry === null && image.name === 'scratch'
          ? '/'
          : null;
    for (const instruction of stage.instructions) {
      if (instruction.kind !== 'WORKDIR') continue;
      const path = plainWorkdirPath(instruction, dockerfile.escapeChar);
      if (path === null) current = null;
      else if (path.startsWith('/')) current = joinClean('/', path);
      else if (current === null) current = null;
      else {
        current = joinClean(current, path);
        resolved.set(instruction, current);
      }
    }
    finalWorkdir[stage.index] = current;
  }
  return resolved;
}

/** The docs paragraph of the rules using `absoluteWorkdirFix` (DL3000, WorkdirRelativePath). */
export const ABSOLUTE_WORKDIR_FIX_DOCS: readonly string[] = [
  'Fixable (safe), only when the base directory is known: `--fix` writes the absolute path the WORKDIR',
  'resolves to (`WORKDIR /app` … `WORKDIR src` → `WORKDIR /app/src`), joined and cleaned as BuildKit',
  'does. The base is known after an earlier WORKDIR with a plain absolute path in the same stage or a',
  'parent stage of this Dockerfile, or at the start of a stage built `FROM scratch` (working directory',
  '`/`). Any other base image may set its own working directory (`golang`: `/go`), so its default is',
  'never guessed and such a WORKDIR gets no fix; nor does a path with a variable, a quote or a blank.',
];

/** The fix turning a relative WORKDIR into the absolute path it resolves to, when that is known. */
export function absoluteWorkdirFix(dockerfile: Dockerfile, instruction: Instruction): Fix | undefined {
  const absolute = absoluteWorkdirs(dockerfile).get(instruction);
  if (absolute === undefined) return undefined;
  return makeFix('safe', `Use the absolute path ${absolute}`, replaceRange(instruction.words[0]!.range, absolute));
}

/**
 * The indentation the file uses on continuation lines (the first non-blank line after a line
 * ending in the escape character), or four spaces when it has none.
 */
export const continuationIndent: (dockerfile: Dockerfile) => string = perDockerfile((dockerfile) => {
  let found = '    ';
  const lines = dockerfile.lines;
  for (let index = 0; index + 1 < lines.length; index++) {
    if (!lines[index]!.trimEnd().endsWith(dockerfile.escapeChar)) continue;
    const next = lines[index + 1]!;
    const indent = /^[ \t]*/.exec(next)![0];
    if (indent !== '' && next.trim() !== '' && !next.trimStart().startsWith('#')) {
      found = indent;
      break;
    }
  }
  return found;
});

const commentLinesOf: (dockerfile: Dockerfile) => ReadonlySet<number> = perDockerfile(
  (dockerfile) => new Set(dockerfile.comments.map((comment) => comment.line)),
);

/** Some comment line lies strictly between two lines (usually few lines apart). */
export function commentsBetween(dockerfile: Dockerfile, firstLine: number, lastLine: number): boolean {
  const commentLines = commentLinesOf(dockerfile);
  if (lastLine - firstLine > commentLines.size) {
    for (const line of commentLines) if (line > firstLine && line < lastLine) return true;
    return false;
  }
  for (let line = firstLine + 1; line < lastLine; line++) if (commentLines.has(line)) return true;
  return false;
}

/** The docs paragraph of the rules using `execFormFix` (DL3025, JSONArgsRecommended). */
export const EXEC_FORM_FIX_DOCS: readonly string[] = [
  'Fixable (unsafe, `--unsafe-fixes`): the shell words become a JSON array (`CMD npm start` →',
  '`CMD ["npm", "start"]`; a leading `exec` is dropped). Unsafe because the program no longer runs',
  'under `/bin/sh -c`: it becomes PID 1 and receives signals, variables are no longer expanded, and an',
  'ENTRYPOINT starts receiving CMD as arguments. Offered only for one simple command with literal',
  'words: no `$`, `&&`, `;`, pipe, redirect, glob, backquote, escape or comment, no variable',
  'assignment or shell builtin (`cd`, `source`, …) as the program, and not after a `SHELL` instruction.',
];

/**
 * Shell form → exec form for CMD, ENTRYPOINT or HEALTHCHECK CMD (`commandWords`: the words of the
 * command), unsafe: the program no longer runs under `/bin/sh -c` (it becomes PID 1 and gets the
 * signals; an ENTRYPOINT starts receiving CMD as arguments). Only offered for one simple command
 * with literal words (see `execFormFor`), and never after a SHELL instruction, which says the shell
 * form is wanted.
 */
export function execFormFix(dockerfile: Dockerfile, instruction: Instruction, commandWords: readonly Word[]): Fix | undefined {
  if (commandWords.length === 0 || instruction.heredocs.length > 0 || shellSetBefore(dockerfile, instruction)) return undefined;
  const range = wordsRange(commandWords);
  if (commentsBetween(dockerfile, range.start.line, range.end.line)) return undefined;
  const json = execFormFor(commandWords);
  if (json === null) return undefined;
  return makeFix('unsafe', `Use the exec form ${json}`, replaceRange(range, json));
}

/** Appends ` && <command>` at the end of a RUN's script (safe), when that is clearly possible. */
export function appendCommandFix(run: RunInstruction, dockerfile: Dockerfile, command: string): Fix | undefined {
  const position = scriptAppendPosition(run, dockerfile.escapeChar);
  if (position === null || !andListAllowed(dockerfile, run)) return undefined;
  return makeFix('safe', `Append && ${command}`, insertAt(position, ` && ${command}`));
}
