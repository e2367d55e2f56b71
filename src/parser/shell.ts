/**
 * Shell parsing of RUN scripts: the hand-written fast path (shell-fast.ts) for the common subset,
 * tree-sitter-bash (through web-tree-sitter's WASM build) for everything else.
 *
 * tree-sitter was chosen by measurement (see README "Design notes"): 0.16 ms for a 250-character
 * RUN after a ~25 ms one-time load, against 0.5 ms for mvdan-sh and 2.2 ms for bash-parser, and it
 * recovers from syntax errors instead of throwing. The WASM is loaded only when a script needs it.
 *
 * The commands it yields follow hadolint's notion of a command (reference §1 "Commands").
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Language, Parser as TreeSitterParser, TreeCursor } from 'web-tree-sitter';
import { detachedCopy } from './detached.js';
import { newList } from './lists.js';
import { flagsOfWords, parseShellFast, renumberPipelines, sortByStart } from './shell-fast.js';
import type { ShellCommand, ShellScript, ShellWord, SourceMap } from './types.js';

/** The loaded grammar's parser and the walk's tables for it, set together once loaded. */
let treeSitter: { readonly parser: TreeSitterParser; readonly grammar: GrammarTables } | null = null;
let loading: Promise<void> | null = null;

/**
 * What the walk asks about every node, answered in JS. Each TreeCursor property is a call into the
 * WASM module that first copies the cursor into it; a node's type name and named-ness follow from
 * its type id alone (tree-sitter's `ts_node_is_named` reads the symbol's metadata, as
 * `ts_language_type_is_named` does), so one call per node gives both, and a field is compared by id.
 */
export interface GrammarTables {
  /** `TreeCursor.nodeType` by type id (`language.types[id] || 'ERROR'`). */
  readonly typeNames: readonly string[];
  /** Named-ness by type id; ids past the table (ERROR is 65535) ask the cursor. */
  readonly named: readonly boolean[];
  readonly nameField: number | null;
  readonly argumentField: number | null;
}

export function grammarTables(language: Language): GrammarTables {
  const typeNames: string[] = [];
  const named: boolean[] = [];
  for (let id = 0; id < language.nodeTypeCount; id++) {
    typeNames.push(language.types[id] || 'ERROR');
    named.push(language.nodeTypeIsNamed(id));
  }
  return { typeNames, named, nameField: language.fieldIdForName('name'), argumentField: language.fieldIdForName('argument') };
}

function typeNameOf(typeId: number, tables: GrammarTables): string {
  return tables.typeNames[typeId] ?? 'ERROR';
}

/** Whether the node under the cursor, of type `typeId`, is named. */
function isNamed(cursor: TreeCursor, typeId: number, tables: GrammarTables): boolean {
  return tables.named[typeId] ?? cursor.nodeIsNamed;
}

/** Loads the WASM shell parser once per process. */
export function initShellParser(): Promise<void> {
  if (treeSitter) return Promise.resolve();
  loading ??= (async () => {
    // Baseline (Liftoff) code only: V8's background TurboFan tier-up of the 1.4 MB grammar kept
    // every short run alive ~2.5 s at exit, and measured no faster on the corpus (see bench).
    // node:v8 is loaded here, not at import: it costs ~3 ms of a cold start that may never parse
    // with tree-sitter. The CLI (bin/dockside.js) sets the flag at start-up instead: a flag set
    // mid-run would make V8 reject the code cache the run writes.
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--liftoff-only');
    const { Parser, Language } = await import('web-tree-sitter');
    const require = createRequire(import.meta.url);
    await Parser.init();
    // The GitHub Action's bundle ships the grammar beside itself; an install finds it in node_modules.
    const besideBundle = fileURLToPath(new URL('./tree-sitter-bash.wasm', import.meta.url));
    const bash = await Language.load(existsSync(besideBundle) ? besideBundle : require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const instance = new Parser();
    instance.setLanguage(bash);
    treeSitter = { parser: instance, grammar: grammarTables(bash) };
  })();
  return loading;
}

export function isShellParserReady(): boolean {
  return treeSitter !== null;
}

/** A script the fast parser left to tree-sitter, before `initShellParser()` has finished. */
export class ShellParserNotReady extends Error {
  constructor() {
    super('shell parser not initialised: await initShellParser() first');
  }
}

/** Commands whose first word is a wrapper: the command name is the next word (hadolint §1). */
const NAME_WRAPPERS = new Set(['command', 'builtin', 'exec', 'busybox', 'run']);

/** Scripts longer than this are not shell-parsed (BuildKit refuses lines over 64 KiB anyway). */
const MAX_SCRIPT_LENGTH = 1_000_000;

/**
 * tree-sitter's error recovery can take time quadratic in a broken script's length: 20 KB of stray
 * `*)` case arms took 2.5 s, 40 KB 10 s. A parse still running after this long is abandoned and
 * the script treated as a syntax error with no commands (rules see none; fixes leave it alone).
 * The shared corpus's slowest fallback script parses in a few milliseconds. This is the one limit
 * that depends on the machine's speed, and only for scripts hundreds of times slower than any real one.
 */
export const TREE_SITTER_TIME_LIMIT_MS = 250;

interface WalkState {
  readonly commands: ShellCommand[];
  pipelineCounter: number;
  hasPipe: boolean;
}

/**
 * Parses one RUN script: the fast hand-written parser when the script is in the subset it handles
 * exactly (shell-fast.ts), tree-sitter-bash otherwise. Both give the same answer where both apply.
 */
export function parseShell(source: string, map: SourceMap): ShellScript {
  const unparsed = unparsedScript(source, map);
  if (unparsed) return unparsed;
  const fast = parseShellFast(source);
  if (fast) return { source, commands: fast.commands, hasSyntaxError: false, hasPipe: fast.hasPipe, map };
  const known = treeSitterResults.get(source);
  if (known) {
    // Most recently used last: the oldest entries are the ones dropped.
    treeSitterResults.delete(source);
    treeSitterResults.set(source, known);
    // Spelled out, not spread: a spread object gets a hidden class of its own, and a rule reading
    // `script.commands` then met two (see lists.ts).
    return { source, commands: known.commands, hasSyntaxError: known.hasSyntaxError, hasPipe: known.hasPipe, map };
  }
  // Parsed from a detached copy: the cached commands' words are cut from the text they were parsed
  // from, and the cache outlives this Dockerfile (see detachedCopy).
  const text = detachedCopy(source);
  const { commands, hasSyntaxError, hasPipe } = parseShellWithTreeSitter(text, map);
  rememberTreeSitterResult(text, { commands, hasSyntaxError, hasPipe });
  return { source, commands, hasSyntaxError, hasPipe, map };
}

/** What parsing a script yields, apart from where the script sits in a Dockerfile. */
type ParsedScript = Pick<ShellScript, 'commands' | 'hasSyntaxError' | 'hasPipe'>;

/**
 * tree-sitter's results by script text, least recently used dropped first. A tree-sitter parse
 * costs ~1.4 ms (the fast parser's ~30 µs), and the scripts it gets recur across the Dockerfiles of
 * a repository (the same Windows or `[[ … ]]` setup lines): 65% of the shared corpus's are repeats.
 * Commands hold offsets into the script, never Dockerfile positions, so a repeat reuses them with
 * its own source map. Bounded by text (parsed commands take ~24 bytes per script character), so a
 * worker thread's capped heap is never at risk.
 */
const treeSitterResults = new Map<string, ParsedScript>();
let treeSitterResultChars = 0;
const TREE_SITTER_RESULT_CHAR_LIMIT = 256 * 1024;

function rememberTreeSitterResult(source: string, parsed: ParsedScript): void {
  if (source.length > TREE_SITTER_RESULT_CHAR_LIMIT / 4) return;
  treeSitterResults.set(source, parsed);
  treeSitterResultChars += source.length;
  for (const oldest of treeSitterResults.keys()) {
    if (treeSitterResultChars <= TREE_SITTER_RESULT_CHAR_LIMIT) break;
    treeSitterResults.delete(oldest);
    treeSitterResultChars -= oldest.length;
  }
}

/** A blank script (no commands) or one too long to parse (a syntax error): no parser runs. */
function unparsedScript(source: string, map: SourceMap): ShellScript | null {
  if (source.trim() !== '' && source.length <= MAX_SCRIPT_LENGTH) return null;
  return { source, commands: newList(), hasSyntaxError: source.length > MAX_SCRIPT_LENGTH, hasPipe: false, map };
}

/** tree-sitter-bash only (the reference the fast parser is tested against). */
export function parseShellWithTreeSitter(source: string, map: SourceMap): ShellScript {
  const unparsed = unparsedScript(source, map);
  if (unparsed) return unparsed;
  if (!treeSitter) throw new ShellParserNotReady();
  const { parser, grammar } = treeSitter;
  let tree: ReturnType<TreeSitterParser['parse']>;
  const deadline = performance.now() + TREE_SITTER_TIME_LIMIT_MS;
  try {
    // Returning true from the progress callback cancels the parse (parse then returns null).
    tree = parser.parse(source, null, { progressCallback: (() => performance.now() > deadline) as () => void });
  } catch {
    // The parser is best-effort: a script it cannot handle has no commands, never an exception.
    return { source, commands: newList(), hasSyntaxError: true, hasPipe: false, map };
  }
  if (!tree) {
    // A cancelled parse would otherwise resume on the parser's next call, with the next script.
    parser.reset();
    return { source, commands: newList(), hasSyntaxError: true, hasPipe: false, map };
  }
  try {
    const state: WalkState = { commands: newList(), pipelineCounter: 0, hasPipe: false };
    const cursor = tree.walk();
    try {
      walk(cursor, source, state, grammar);
    } finally {
      cursor.delete();
    }
    sortByStart(state.commands);
    renumberPipelines(state.commands as { pipelineId: number }[]);
    return { source, commands: state.commands, hasSyntaxError: tree.rootNode.hasError, hasPipe: state.hasPipe, map };
  } finally {
    tree.delete();
  }
}

interface PipelineSlot {
  readonly id: number;
  readonly index: number;
}

/** What a node being walked gives its children, and what it collects from them. */
interface Frame {
  readonly type: string;
  /** The pipeline slot of this node itself (a command inside a pipeline has one). */
  readonly slot: PipelineSlot | null;
  /** For a pipeline: its id, and how many named children were handed a slot. */
  readonly pipelineId: number;
  namedChildren: number;
  childCount: number;
  /** For commands: the words gathered from the `name` and `argument` children. */
  readonly words: ShellWord[] | null;
  readonly start: number;
  readonly end: number;
}

const KEYWORD_COMMANDS = new Set(['declaration_command', 'unset_command']);

/**
 * One depth-first pass with a TreeCursor: no Node objects are marshalled out of the WASM heap for
 * the structure (measured: the Node-based walk cost 1.6× the parse itself). The walk is iterative:
 * `a && b && c …` nests one level per operator, and a recursive walk overflows on long RUNs.
 */
function walk(cursor: TreeCursor, source: string, state: WalkState, tables: GrammarTables): void {
  const stack: Frame[] = [];
  const enter = (parent: Frame | undefined): Frame => {
    const typeId = cursor.nodeTypeId;
    const type = typeNameOf(typeId, tables);
    const named = isNamed(cursor, typeId, tables);
    let slot: PipelineSlot | null = null;
    if (parent) {
      const position = parent.childCount++;
      if (parent.type === 'pipeline' && named) slot = { id: parent.pipelineId, index: parent.namedChildren++ };
      else if (parent.type === 'redirected_statement' || parent.type === 'negated_command') slot = parent.slot;
      if (parent.words) {
        if (parent.type === 'command') {
          const field = cursor.currentFieldId;
          if (field === tables.nameField || field === tables.argumentField) parent.words.push(wordAt(cursor, source, tables));
        } else if (position === 0) {
          // `export`, `declare`, `unset`…: the keyword is the command's first word.
          parent.words.push({ value: type, raw: type, literal: true, start: cursor.startIndex, end: cursor.endIndex });
        } else if (named) parent.words.push(wordAt(cursor, source, tables));
      }
    }
    const isCommand = type === 'command' || KEYWORD_COMMANDS.has(type);
    return {
      type,
      slot,
      pipelineId: type === 'pipeline' ? ++state.pipelineCounter : 0,
      namedChildren: 0,
      childCount: 0,
      words: isCommand ? [] : null,
      // Only a command's span is used (pushCommand): two WASM calls saved on every other node.
      start: isCommand ? cursor.startIndex : 0,
      end: isCommand ? cursor.endIndex : 0,
    };
  };
  const leave = (frame: Frame): void => {
    if (frame.type === 'pipeline' && frame.namedChildren >= 2) state.hasPipe = true;
    if (frame.words && frame.words.length > 0) pushCommand(frame.words, frame.start, frame.end, state, frame.slot);
  };
  let frame = enter(undefined);
  for (;;) {
    if (cursor.gotoFirstChild()) {
      stack.push(frame);
      frame = enter(frame);
      continue;
    }
    leave(frame);
    for (;;) {
      if (cursor.gotoNextSibling()) {
        frame = enter(stack[stack.length - 1]);
        break;
      }
      if (!cursor.gotoParent()) return;
      frame = stack.pop()!;
      leave(frame);
    }
  }
}

function pushCommand(words: ShellWord[], start: number, end: number, state: WalkState, pipeline: PipelineSlot | null): void {
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
    start,
    end,
    pipelineId: pipeline?.id ?? 0,
    pipelineIndex: pipeline?.index ?? 0,
  });
}

/** hadolint's flag extraction (shared with the fast path): `--name[=v]` → name; `-abc` → a, b, c. */
export const flagsOf = flagsOfWords;

function unescapeWord(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/gs, '$1') : text;
}

/** The word under the cursor, hadolint-normalised; the cursor is back on the word afterwards. */
function wordAt(cursor: TreeCursor, source: string, tables: GrammarTables): ShellWord {
  const state = { literal: true };
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  const value = wordValue(cursor, source, state, tables);
  return { value, raw: source.slice(start, end), literal: state.literal, start, end };
}

/** Calls `visit` for each child of the node under the cursor, then returns the cursor to the node. */
function eachChild(cursor: TreeCursor, visit: () => void): void {
  if (!cursor.gotoFirstChild()) return;
  do visit();
  while (cursor.gotoNextSibling());
  cursor.gotoParent();
}

function wordValue(cursor: TreeCursor, source: string, state: { literal: boolean }, tables: GrammarTables): string {
  const type = typeNameOf(cursor.nodeTypeId, tables);
  const start = cursor.startIndex;
  const end = cursor.endIndex;
  const text = source.slice(start, end);
  switch (type) {
    case 'word':
      return unescapeWord(text);
    case 'command_name': {
      let result = '';
      let children = 0;
      eachChild(cursor, () => {
        children++;
        result += wordValue(cursor, source, state, tables);
      });
      return children > 0 ? result : unescapeWord(text);
    }
    case 'number':
      return text;
    case 'raw_string':
      return text.slice(1, -1);
    case 'ansi_c_string':
      return text.slice(2, -1);
    case 'string_content':
      return text.replace(/\\([\\"$`])/g, '$1');
    case 'string':
    case 'translated_string': {
      // Text between the quotes: named children carry the pieces; bare text between them is content.
      let result = '';
      let position = start + (type === 'translated_string' ? 2 : 1);
      const closing = end - 1;
      eachChild(cursor, () => {
        if (!isNamed(cursor, cursor.nodeTypeId, tables)) return;
        const childStart = cursor.startIndex;
        if (childStart > position) result += source.slice(position, childStart);
        result += wordValue(cursor, source, state, tables);
        position = cursor.endIndex;
      });
      if (closing > position) result += source.slice(position, closing);
      return result;
    }
    case 'simple_expansion':
    case 'expansion': {
      state.literal = false;
      let name: string | null = null;
      eachChild(cursor, () => {
        if (name !== null) return;
        const childType = typeNameOf(cursor.nodeTypeId, tables);
        if (childType === 'variable_name' || childType === 'special_variable_name') {
          name = source.slice(cursor.startIndex, cursor.endIndex);
        }
      });
      return '${' + (name ?? text.replace(/^\$\{?/, '').replace(/\}$/, '')) + '}';
    }
    case 'command_substitution': {
      state.literal = false;
      const inner = text.startsWith('$(') ? text.slice(2, -1) : text.slice(1, -1);
      return '${' + inner.replace(/\s+/g, '') + '}';
    }
    case 'arithmetic_expansion':
    case 'process_substitution':
      state.literal = false;
      return text;
    case 'concatenation': {
      let result = '';
      eachChild(cursor, () => {
        result += wordValue(cursor, source, state, tables);
      });
      return result;
    }
    default:
      return text;
  }
}
