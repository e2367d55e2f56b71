/**
 * Shell parsing of RUN scripts with tree-sitter-bash (through web-tree-sitter's WASM build).
 *
 * Chosen by measurement (see README "Design notes"): 0.16 ms for a 250-character RUN after a
 * ~25 ms one-time load, against 0.5 ms for mvdan-sh and 2.2 ms for bash-parser, and it recovers
 * from syntax errors instead of throwing. The WASM is loaded only when a file has a RUN.
 *
 * The commands it yields follow hadolint's notion of a command (reference §1 "Commands").
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Node as SyntaxNode, Parser as TreeSitterParser } from 'web-tree-sitter';
import type { ShellCommand, ShellScript, ShellWord, SourceMap } from './types.js';

let parser: TreeSitterParser | null = null;
let loading: Promise<void> | null = null;

/** Loads the WASM shell parser once per process. */
export function initShellParser(): Promise<void> {
  if (parser) return Promise.resolve();
  loading ??= (async () => {
    // Baseline (Liftoff) code only: V8's background TurboFan tier-up of the 1.4 MB grammar kept
    // every short run alive ~2.5 s at exit, and measured no faster on the corpus (see bench).
    setFlagsFromString('--liftoff-only');
    const { Parser, Language } = await import('web-tree-sitter');
    const require = createRequire(import.meta.url);
    await Parser.init();
    // The GitHub Action's bundle ships the grammar beside itself; an install finds it in node_modules.
    const besideBundle = fileURLToPath(new URL('./tree-sitter-bash.wasm', import.meta.url));
    const bash = await Language.load(existsSync(besideBundle) ? besideBundle : require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const instance = new Parser();
    instance.setLanguage(bash);
    parser = instance;
  })();
  return loading;
}

export function isShellParserReady(): boolean {
  return parser !== null;
}

/** Commands whose first word is a wrapper: the command name is the next word (hadolint §1). */
const NAME_WRAPPERS = new Set(['command', 'builtin', 'exec', 'busybox', 'run']);

/** Scripts longer than this are not shell-parsed (BuildKit refuses lines over 64 KiB anyway). */
const MAX_SCRIPT_LENGTH = 1_000_000;

interface WalkState {
  readonly commands: ShellCommand[];
  pipelineCounter: number;
  hasPipe: boolean;
}

export function parseShell(source: string, map: SourceMap): ShellScript {
  if (source.trim() === '' || source.length > MAX_SCRIPT_LENGTH) {
    return { source, commands: [], hasSyntaxError: source.length > MAX_SCRIPT_LENGTH, hasPipe: false, map };
  }
  if (!parser) throw new Error('shell parser not initialised: await initShellParser() first');
  let tree: ReturnType<TreeSitterParser['parse']>;
  try {
    tree = parser.parse(source);
  } catch {
    // The parser is best-effort: a script it cannot handle has no commands, never an exception.
    return { source, commands: [], hasSyntaxError: true, hasPipe: false, map };
  }
  if (!tree) return { source, commands: [], hasSyntaxError: true, hasPipe: false, map };
  try {
    const state: WalkState = { commands: [], pipelineCounter: 0, hasPipe: false };
    walk(tree.rootNode, state);
    state.commands.sort((a, b) => a.start - b.start);
    return { source, commands: state.commands, hasSyntaxError: tree.rootNode.hasError, hasPipe: state.hasPipe, map };
  } finally {
    tree.delete();
  }
}

interface PipelineSlot {
  readonly id: number;
  readonly index: number;
}

/**
 * Depth-first walk with an explicit stack: `a && b && c …` nests one level per operator, so a
 * recursive walk overflows the call stack on long continued RUNs.
 */
function walk(root: SyntaxNode, state: WalkState): void {
  const stack: { node: SyntaxNode; pipeline: PipelineSlot | null }[] = [{ node: root, pipeline: null }];
  while (stack.length > 0) {
    const { node, pipeline } = stack.pop()!;
    const type = node.type;
    const children = node.namedChildren;
    let childSlot: (index: number) => PipelineSlot | null = () => null;
    if (type === 'pipeline') {
      if (children.length >= 2) state.hasPipe = true;
      const id = ++state.pipelineCounter;
      childSlot = (index) => ({ id, index });
    } else if (type === 'command') {
      addCommand(node, state, pipeline);
    } else if (type === 'declaration_command' || type === 'unset_command') {
      addKeywordCommand(node, state, pipeline);
    } else if (type === 'redirected_statement' || type === 'negated_command') {
      // A redirected statement or negation keeps the pipeline slot of what it wraps.
      childSlot = () => pipeline;
    }
    // Push in reverse so children are visited in source order (commands are sorted anyway).
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child) stack.push({ node: child, pipeline: childSlot(index) });
    }
  }
}

function addCommand(node: SyntaxNode, state: WalkState, pipeline: PipelineSlot | null): void {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return;
  const words: ShellWord[] = [toWord(nameNode)];
  for (const argument of node.childrenForFieldName('argument')) {
    if (argument) words.push(toWord(argument));
  }
  pushCommand(words, node, state, pipeline);
}

function addKeywordCommand(node: SyntaxNode, state: WalkState, pipeline: PipelineSlot | null): void {
  const keyword = node.child(0);
  if (!keyword) return;
  const words: ShellWord[] = [
    { value: keyword.text, raw: keyword.text, literal: true, start: keyword.startIndex, end: keyword.endIndex },
  ];
  for (const child of node.namedChildren) if (child) words.push(toWord(child));
  pushCommand(words, node, state, pipeline);
}

function pushCommand(words: ShellWord[], node: SyntaxNode, state: WalkState, pipeline: PipelineSlot | null): void {
  const first = words[0]!;
  if (!first.literal) return; // `$PIP install x` is no command (hadolint §1)
  let name = first.value;
  if (NAME_WRAPPERS.has(name) && words.length > 1 && words[1]!.literal) name = words[1]!.value;
  const args = words.slice(1);
  state.commands.push({
    name,
    args,
    words,
    flags: flagsOf(args),
    start: node.startIndex,
    end: node.endIndex,
    pipelineId: pipeline?.id ?? 0,
    pipelineIndex: pipeline?.index ?? 0,
  });
}

/** hadolint's flag extraction: `--name[=v]` → name; `-abc` → a, b, c; `-` and `--` are no flags. */
export function flagsOf(args: readonly ShellWord[]): string[] {
  const flags: string[] = [];
  for (const argument of args) {
    const value = argument.value;
    if (value === '-' || value === '--' || !value.startsWith('-')) continue;
    if (value.startsWith('--')) {
      const equals = value.indexOf('=');
      flags.push(equals === -1 ? value.slice(2) : value.slice(2, equals));
    } else {
      for (const character of value.slice(1)) flags.push(character);
    }
  }
  return flags;
}

function toWord(node: SyntaxNode): ShellWord {
  const literalState = { literal: true };
  const value = wordValue(node, literalState);
  return { value, raw: node.text, literal: literalState.literal, start: node.startIndex, end: node.endIndex };
}

function unescapeWord(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/gs, '$1') : text;
}

function wordValue(node: SyntaxNode, state: { literal: boolean }): string {
  switch (node.type) {
    case 'word':
    case 'command_name': {
      if (node.type === 'command_name' && node.namedChildCount > 0) {
        return node.namedChildren.map((child) => (child ? wordValue(child, state) : '')).join('');
      }
      return unescapeWord(node.text);
    }
    case 'number':
      return node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'string_content':
      return node.text.replace(/\\([\\"$`])/g, '$1');
    case 'string':
    case 'translated_string': {
      // Text between the quotes: named children carry the pieces; bare text between them is content.
      let result = '';
      const text = node.text;
      const base = node.startIndex;
      let cursor = base + (node.type === 'translated_string' ? 2 : 1);
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.startIndex > cursor) result += text.slice(cursor - base, child.startIndex - base);
        result += wordValue(child, state);
        cursor = child.endIndex;
      }
      const closing = base + text.length - 1;
      if (closing > cursor) result += text.slice(cursor - base, closing - base);
      return result;
    }
    case 'simple_expansion':
    case 'expansion': {
      state.literal = false;
      const variable = node.namedChildren.find(
        (child) => child?.type === 'variable_name' || child?.type === 'special_variable_name',
      );
      const name = variable ? variable.text : node.text.replace(/^\$\{?/, '').replace(/\}$/, '');
      return '${' + name + '}';
    }
    case 'command_substitution': {
      state.literal = false;
      const inner = node.text.startsWith('$(') ? node.text.slice(2, -1) : node.text.slice(1, -1);
      return '${' + inner.replace(/\s+/g, '') + '}';
    }
    case 'arithmetic_expansion':
    case 'process_substitution':
      state.literal = false;
      return node.text;
    case 'concatenation': {
      let result = '';
      for (const child of node.children) if (child) result += wordValue(child, state);
      return result;
    }
    default:
      return node.text;
  }
}
