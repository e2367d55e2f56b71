/**
 * Builds the scripts ShellCheck reads, hadolint's way (reference hadolint-rules.md §2 "SC rules",
 * §6 "Shell" pragma; linter-anchors.md §3.6 and §6.10):
 *
 *   #!<first word of the stage's SHELL, default /bin/sh>
 *   export NAME=1 ...        (the ARG/ENV names seen so far in the stage and the proxy variables)
 *   <the RUN text>
 *
 * hadolint writes one `export` line per name; one line assigns the same (see namesWorthExporting).
 *
 * Only shell-form RUN and ONBUILD RUN are checked. The shell and the names are tracked per stage
 * (reset at each FROM, inherited through `FROM <alias>`); ONBUILD triggers form one separate
 * stream with no FROM, as in every hadolint ONBUILD-aware rule (§1).
 */
import { parsePragmas } from '../engine/pragmas.js';
import type { Dockerfile, ExecCapableInstruction, Instruction, RunInstruction } from '../parser/types.js';

/** hadolint's `defaultShellOpts`: these names are always exported. */
const PROXY_VARIABLES = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
] as const;

const DEFAULT_SHELL = '/bin/sh';

/** Shell names that are not POSIX shells: ShellCheck is skipped for them (§2 "SC rules"). */
const NON_POSIX_SHELL_FRAGMENTS = ['pwsh', 'powershell', 'cmd'] as const;

/** Interpreters ShellCheck is run for when the RUN text carries its own shebang (§2 "SC rules"). */
const SUPPORTED_SHEBANG_SHELLS = new Set(['sh', 'bash', 'ksh']);

/**
 * Only names a shell could reference are exported: a name such as `a"b` (which BuildKit accepts in
 * ENV) would otherwise unbalance the prologue and swallow the RUN text.
 */
const SHELL_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What hadolint's ShellCheck rule tracks through the instruction stream. */
export interface ShellState {
  /** The SHELL text or pragma value; its first word becomes the shebang. */
  readonly shell: string;
  readonly variables: ReadonlySet<string>;
}

/** One script to hand to ShellCheck, and what is needed to map its findings back. */
export interface ShellcheckScript {
  readonly run: RunInstruction;
  /** The whole file ShellCheck reads. */
  readonly text: string;
  /** Lines before the RUN text (shebang and exports); RUN text line N is file line N + prologueLines. */
  readonly prologueLines: number;
  /**
   * The RUN text started with its own supported shebang: it became the file's first line (and
   * the RUN text's first line is blanked), so findings on file line 1 belong to RUN text line 1.
   */
  readonly shebangFromScript: boolean;
}

function withShell(state: ShellState, shell: string): ShellState {
  return { shell, variables: state.variables };
}

function withVariables(state: ShellState, names: readonly string[]): ShellState {
  if (names.every((name) => state.variables.has(name))) return state;
  return { shell: state.shell, variables: new Set([...state.variables, ...names]) };
}

/** The SHELL instruction's interpreter: the first exec-form string, or the first word. */
function shellOf(instruction: ExecCapableInstruction): string | null {
  const first = instruction.execArgs?.[0] ?? instruction.words[0]?.value;
  return first === undefined || first === '' ? null : first;
}

/** Applies an ARG, ENV or SHELL to the state; anything else leaves it unchanged. */
function applyInstruction(state: ShellState, instruction: Instruction): ShellState {
  switch (instruction.kind) {
    case 'ARG':
      return withVariables(state, instruction.definitions.map((definition) => definition.name));
    case 'ENV':
      return withVariables(state, instruction.pairs.map((pair) => pair.key));
    case 'SHELL': {
      const shell = shellOf(instruction);
      return shell === null ? state : withShell(state, shell);
    }
    default:
      return state;
  }
}

function isNonPosixShell(shell: string): boolean {
  return NON_POSIX_SHELL_FRAGMENTS.some((fragment) => shell.includes(fragment));
}

/** `#!/bin/bash -e` → `bash`; `#!/usr/bin/env sh` → `sh`; anything else → null. */
function supportedShebangShell(firstLine: string): string | null {
  const words = firstLine.slice(2).trim().split(/\s+/);
  const interpreter = words[0] ?? '';
  if (interpreter.startsWith('/bin/')) {
    const name = interpreter.slice('/bin/'.length);
    return SUPPORTED_SHEBANG_SHELLS.has(name) ? name : null;
  }
  if (interpreter === '/usr/bin/env') {
    const name = words[1] ?? '';
    return SUPPORTED_SHEBANG_SHELLS.has(name) ? name : null;
  }
  return null;
}

/**
 * `#!` + the shell's first word (ShellCheck rejects shebangs with several arguments). A bare name
 * (`SHELL ["bash", "-c"]`, `# hadolint shell=bash`) goes through env: `#!bash` would draw SC2239
 * ("use an absolute path") for a line the user never wrote.
 */
function shebangFor(shell: string): string {
  const interpreter = shell.trim().split(/\s+/)[0] || DEFAULT_SHELL;
  return interpreter.startsWith('/') ? `#!${interpreter}` : `#!/usr/bin/env ${interpreter}`;
}

/**
 * The ARG/ENV names whose `export NAME=1` can change ShellCheck's output for `body`, sorted (hadolint
 * prints a Haskell Set). An assignment matters only to a reference (SC2154 "referenced but not
 * assigned") or as the "did you mean" of a misspelt one (SC2153/SC2154: ShellCheck suggests a
 * written name longer than 3 characters at edit distance <= 2, or differing only in case). Names
 * neither contained in the text nor that close to one of its words are left out: every exported
 * name costs ShellCheck ~0.4 ms, about half its time on the corpus.
 */
export function namesWorthExporting(names: Iterable<string>, body: string): string[] {
  let words: Set<string> | null = null;
  const kept: string[] = [];
  for (const name of names) {
    if (!SHELL_VARIABLE_NAME.test(name)) continue;
    if (body.includes(name)) {
      kept.push(name);
      continue;
    }
    if (name.length <= 3) continue;
    words ??= new Set(body.match(IDENTIFIER_WORDS) ?? []);
    if (isMisspellingTarget(name, words)) kept.push(name);
  }
  return kept.sort();
}

const IDENTIFIER_WORDS = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Margin over ShellCheck's distance of 2, in case its `dist` counts transpositions differently. */
const MISSPELLING_DISTANCE = 3;

function isMisspellingTarget(name: string, words: ReadonlySet<string>): boolean {
  const lowerName = name.toLowerCase();
  for (const word of words) {
    if (Math.abs(word.length - name.length) > MISSPELLING_DISTANCE) continue;
    if (word.toLowerCase() === lowerName) return true;
    if (editDistanceAtMost(word, name, MISSPELLING_DISTANCE)) return true;
  }
  return false;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) <= `limit`. */
function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return false;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** The file for one RUN, or null when hadolint would not run ShellCheck on it. */
export function buildScript(run: RunInstruction, state: ShellState): ShellcheckScript | null {
  if (run.form !== 'shell') return null;
  const source = run.script.source;
  if (source.trim() === '') return null;
  if (isNonPosixShell(state.shell)) return null;
  let shebang = shebangFor(state.shell);
  let body = source;
  let shebangFromScript = false;
  if (source.startsWith('#!')) {
    const firstLineEnd = source.indexOf('\n');
    const firstLine = firstLineEnd === -1 ? source : source.slice(0, firstLineEnd);
    // A shebang ShellCheck cannot analyse (python, node…) means the RUN is not a shell script.
    if (supportedShebangShell(firstLine) === null) return null;
    // BuildKit runs a heredoc with a shebang through that interpreter, so it decides the dialect;
    // the line is blanked in place so RUN text lines keep their numbers.
    shebang = firstLine;
    body = firstLineEnd === -1 ? '' : source.slice(firstLineEnd);
    shebangFromScript = true;
  }
  const names = namesWorthExporting(state.variables, body);
  // One `export` line: ShellCheck's cost grows with every command, and one line carries the same
  // assignments as hadolint's line per name.
  const prologue = names.length > 0 ? [shebang, `export ${names.map((name) => `${name}=1`).join(' ')}`] : [shebang];
  return {
    run,
    text: `${prologue.join('\n')}\n${body}${body.endsWith('\n') ? '' : '\n'}`,
    prologueLines: prologue.length,
    shebangFromScript,
  };
}

/**
 * Every RUN ShellCheck should see, in file order (ONBUILD triggers after the stage RUNs), each
 * with the shell and variable names in effect at that point.
 */
export function shellcheckScripts(dockerfile: Dockerfile): ShellcheckScript[] {
  const firstFromLine = dockerfile.stages[0]?.from.startLine ?? Number.POSITIVE_INFINITY;
  const shellPragmas = parsePragmas(dockerfile).shells;
  // A `# hadolint shell=` pragma before the first FROM is the default for every stage (§2).
  let defaultShell = DEFAULT_SHELL;
  for (const pragma of shellPragmas) if (pragma.line < firstFromLine) defaultShell = pragma.shell;
  const initialState: ShellState = { shell: defaultShell, variables: new Set(PROXY_VARIABLES) };
  const stagePragmas = shellPragmas.filter((pragma) => pragma.line > firstFromLine);

  const scripts: ShellcheckScript[] = [];
  const add = (run: RunInstruction, state: ShellState): void => {
    const script = buildScript(run, state);
    if (script) scripts.push(script);
  };

  // Stage stream: state resets at FROM, or continues from the stage named by `FROM <alias>`.
  let state = initialState;
  let currentAlias: string | null = null;
  const finalStateByAlias = new Map<string, ShellState>();
  let pragmaIndex = 0;
  const onbuildTriggers: Instruction[] = [];
  for (const instruction of dockerfile.instructions) {
    while (pragmaIndex < stagePragmas.length && stagePragmas[pragmaIndex]!.line < instruction.startLine) {
      state = withShell(state, stagePragmas[pragmaIndex]!.shell);
      pragmaIndex++;
    }
    if (instruction.kind === 'FROM') {
      if (currentAlias !== null) finalStateByAlias.set(currentAlias, state);
      // hadolint compares the image text with earlier `AS` names exactly, case-sensitively (§1).
      state = finalStateByAlias.get(instruction.image.raw) ?? initialState;
      currentAlias = instruction.stageName;
      continue;
    }
    if (instruction.kind === 'ONBUILD') {
      if (instruction.trigger) onbuildTriggers.push(instruction.trigger);
      continue;
    }
    if (instruction.kind === 'RUN') add(instruction, state);
    else state = applyInstruction(state, instruction);
  }

  // ONBUILD stream: one extra stage without FROM, seeing only ONBUILD ARG/ENV/SHELL.
  let onbuildState = initialState;
  for (const trigger of onbuildTriggers) {
    if (trigger.kind === 'RUN') add(trigger, onbuildState);
    else onbuildState = applyInstruction(onbuildState, trigger);
  }
  return scripts;
}
