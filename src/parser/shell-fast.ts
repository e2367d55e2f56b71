/**
 * The fast path of RUN-script parsing: a hand-written recursive-descent parser for the subset of
 * shell that nineteen RUNs in twenty are written in (lists, pipelines, simple commands, quoting,
 * expansions, `$(…)` and backticks, subshells and `{ …; }` groups, redirections, `if`, `for`,
 * `while`/`until`, `case`, `[ … ]`, plain `[[ … ]]`, `!`, function definitions, arrays).
 *
 * It exists for speed (issue 8): on the shared corpus tree-sitter-bash took ~0.3 ms per RUN with
 * the walk out of its WASM heap, about as long as parsing the whole Dockerfile; this parser takes a
 * few microseconds. It is not a second grammar with its own opinions: it yields exactly what the
 * tree-sitter walk in `shell.ts` yields (same commands, words, values, ranges, pipelines), a
 * differential test over every RUN of the shared corpus holds it to that, and on anything it does
 * not handle exactly (`[[ … =~ … ]]`, heredocs, arithmetic, `time`, `! { …; }`, odd `$`, syntax
 * errors…) it gives up and returns null, and tree-sitter parses the script. Where tree-sitter-bash
 * departs from bash (see test/parser/shell-fast.test.ts), this parser follows bash.
 */
import { isNameChar, isNameStart } from './chars.js';
import { newList } from './lists.js';
import type { ShellCommand, ShellWord } from './types.js';

/** The result of a successful fast parse (the caller adds `source` and `map`). */
export interface FastShellParse {
  readonly commands: ShellCommand[];
  readonly hasPipe: boolean;
}

/** Thrown inside the parser to give up; caught in `parseShellFast`. */
class GiveUp {}
const GIVE_UP = new GiveUp();

/** Words that are reserved at the start of a command: the fast path leaves them to tree-sitter. */
const RESERVED_AT_COMMAND_START = new Set([
  'if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in',
  'function', 'select', 'time', 'coproc', '!', '[', '[[', ']]', '{', '}',
]);

/** Unary operators of `[[ … ]]` (bash's conditional expressions). */
const TEST_UNARY_OPERATORS = new Set([
  '-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x',
  '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R',
]);
/** Binary operators of `[[ … ]]` the fast path takes (`=~`, `<` and `>` give up). */
const TEST_BINARY_OPERATORS = new Set(['==', '=', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

const NO_WORDS: readonly string[] = [];
/** Lists nested deeper than this give up (a recursive parser must not overflow the stack). */
const MAX_NESTING = 100;
const THEN = ['then'];
const IF_BRANCHES = ['elif', 'else', 'fi'];
const FI = ['fi'];
const DO = ['do'];
const DONE = ['done'];
const ESAC = ['esac'];
/** The `closer` of a `case` item's list: it ends before `;;`. */
const CASE_ITEM_END = -2;

/** Commands tree-sitter parses as `declaration_command` / `unset_command`. */
const DECLARATION_KEYWORDS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);
const UNSET_KEYWORDS = new Set(['unset', 'unsetenv']);

/** Commands whose first word is a wrapper: the command name is the next word (hadolint §1). */
const NAME_WRAPPERS = new Set(['command', 'builtin', 'exec', 'busybox', 'run']);

const enum Char {
  Tab = 9,
  Newline = 10,
  Space = 32,
  Bang = 33,
  DoubleQuote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Ampersand = 38,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Asterisk = 42,
  Plus = 43,
  Comma = 44,
  Dot = 46,
  Slash = 47,
  Colon = 58,
  Semicolon = 59,
  Less = 60,
  Equals = 61,
  Greater = 62,
  At = 64,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Caret = 94,
  Backtick = 96,
  OpenBrace = 123,
  Pipe = 124,
  CloseBrace = 125,
  Tilde = 126,
}

/** Characters that end an unquoted word. */
function isWordBreak(code: number): boolean {
  return (
    code === Char.Space || code === Char.Tab || code === Char.Newline || code === Char.Semicolon ||
    code === Char.Ampersand || code === Char.Pipe || code === Char.Less || code === Char.Greater ||
    code === Char.OpenParen || code === Char.CloseParen || code === 13
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `$` followed by one of these is a special parameter (`$@`, `$?`, …). */
function isSpecialParameter(code: number): boolean {
  // @ * # ? $ ! - 0
  return code === 64 || code === 42 || code === Char.Hash || code === 63 || code === Char.Dollar || code === Char.Bang || code === 45;
}

/**
 * Inside double quotes, a `$` followed by one of these starts no expansion: tree-sitter-bash keeps
 * it in the string's content (`"s/a$/b/"` → `s/a$/b/`, `"…$"` → `…$`, literal), as bash does. Each
 * was checked against tree-sitter; the others after `$` give odd shapes (`"$ a"` → `${ a}`,
 * `"$[…"`, `` "$`…`" ``) and give up. So does `"…$'…"` (tree-sitter: literal): it is mostly
 * PowerShell in a Windows image's RUN, where tree-sitter errs elsewhere in the script (on
 * `${Env:ProgramFiles(x86)}`, which the fast path passes over) and the syntax error must stay.
 */
function isLiteralDollarInDoubleQuotes(code: number): boolean {
  switch (code) {
    case Char.Slash: case Char.Pipe: case Char.Percent: case Char.Comma: case Char.Colon:
    case Char.Dot: case Char.Equals: case Char.Backslash: case Char.DoubleQuote: case Char.CloseParen:
    case Char.CloseBracket: case Char.CloseBrace: case Char.Plus: case Char.Caret: case Char.Ampersand:
    case Char.Semicolon: case Char.Tilde: case Char.Less: case Char.Greater:
    case Char.Newline:
      return true;
    default:
      return false;
  }
}

/** A command while its pipeline is still being parsed (the slot is set when a `|` follows). */
type MutableCommand = { -readonly [K in keyof ShellCommand]: ShellCommand[K] };

class FastShellParser {
  private position = 0;
  /** Where the current (sub)script ends: the source length, or a closing backtick. */
  private limit: number;
  readonly commands = newList<MutableCommand>();
  hasPipe = false;
  private pipelineCounter = 0;
  private depth = 0;
  /** Of the word `scanWord` last returned: `NAME=…` (or `NAME+=…`) with NAME a valid shell name. */
  private scannedIsAssignment = false;
  /** Of the word `scanWord` last returned: written without quoting or expansion (a candidate keyword). */
  private scannedPlain = false;
  /** Of the word `scanWord` last returned: it holds an unquoted `$` that ends it (`-run=^$`). */
  private scannedUnquotedDollar = false;
  /** Where the command after the last `!` starts (`! f() { … }` is a syntax error to tree-sitter). */
  private negatedCommandStart = -1;
  /** How many function definitions were parsed so far. */
  private functionDefinitions = 0;

  constructor(private readonly source: string) {
    this.limit = source.length;
  }

  private code(offset = this.position): number {
    return offset < this.limit ? this.source.charCodeAt(offset) : -1;
  }

  /** Skips blanks and backslash-newlines (tree-sitter: a line continuation is whitespace). */
  private skipBlanks(): void {
    for (;;) {
      const code = this.code();
      if (code === Char.Space || code === Char.Tab || code === 13) this.position++;
      else if (code === Char.Backslash && this.code(this.position + 1) === Char.Newline) this.position += 2;
      else return;
    }
  }

  /** Skips blanks, newlines and comments between statements. */
  private skipSeparatorsAndComments(): void {
    for (;;) {
      this.skipBlanks();
      const code = this.code();
      if (code === Char.Newline) this.position++;
      else if (code === Char.Hash) this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    const newline = this.source.indexOf('\n', this.position);
    this.position = newline === -1 || newline >= this.limit ? this.limit : newline;
  }

  /** The whole script. */
  parseScript(): void {
    this.parseList(-1);
    if (this.position < this.limit) throw GIVE_UP;
  }

  /**
   * A list of and-or lists separated by `;`, `&` or newlines, up to `closer` (a `)` or `}` that
   * the caller consumes; -1 for the end of the (sub)script) or, at the start of a command, one of
   * `stopWords` (`then`, `fi`, `done`…, which the caller consumes). Returns how many it parsed.
   */
  private parseList(closer: number, stopWords: readonly string[] = NO_WORDS): number {
    // Nesting (`$(`, `(`, `if`…) deeper than this goes to tree-sitter, whose walk is iterative.
    if (++this.depth > MAX_NESTING) throw GIVE_UP;
    const count = this.parseListItems(closer, stopWords);
    this.depth--;
    return count;
  }

  private parseListItems(closer: number, stopWords: readonly string[]): number {
    let count = 0;
    for (;;) {
      this.skipSeparatorsAndComments();
      const code = this.code();
      if (code === -1) return count;
      if (code === closer) return count;
      if (closer === Char.CloseBrace && this.atWord('}')) return count;
      if (closer === CASE_ITEM_END && code === Char.Semicolon && this.code(this.position + 1) === Char.Semicolon) return count;
      for (const word of stopWords) if (this.atWord(word)) return count;
      this.parseAndOr();
      count++;
      this.skipBlanks();
      const next = this.code();
      if (next === Char.Semicolon) {
        if (this.code(this.position + 1) === Char.Semicolon) {
          if (closer === CASE_ITEM_END) return count;
          throw GIVE_UP; // `;;` outside a `case` item
        }
        if (this.code(this.position + 1) === Char.Ampersand) throw GIVE_UP; // `;&` fall-through
        this.position++;
      } else if (next === Char.Ampersand) {
        this.position++;
      } else if (next === Char.Newline) {
        this.position++;
      } else if (next === Char.Hash) {
        this.skipComment();
      } else if (next === -1 || next === closer) {
        return count;
      } else throw GIVE_UP; // `{ a }` (no `;` before `}`) and anything unexpected
    }
  }

  /** A list of at least one command ending at one of `stopWords`, which is consumed. */
  private parseBody(stopWords: readonly string[]): string {
    if (this.parseList(-1, stopWords) === 0) throw GIVE_UP;
    for (const word of stopWords) {
      if (this.atWord(word)) {
        this.position += word.length;
        return word;
      }
    }
    throw GIVE_UP;
  }

  /** `if list; then list; [elif list; then list;]… [else list;] fi` */
  private parseIf(): void {
    this.position += 2;
    for (;;) {
      this.parseBody(THEN);
      const branch = this.parseBody(IF_BRANCHES);
      if (branch === 'fi') break;
      if (branch === 'else') {
        this.parseBody(FI);
        break;
      }
      // elif: another condition and body.
    }
    this.parseTrailingRedirects();
  }

  /** `case word in [(]pattern[|pattern]…) list ;; … esac` (`;&` and `;;&` give up). */
  private parseCase(): void {
    this.position += 4;
    this.skipBlanks();
    this.expectWordStart();
    this.scanWordOutsideArguments();
    this.skipBlanks();
    if (!this.atWord('in')) throw GIVE_UP;
    this.position += 2;
    for (;;) {
      this.skipSeparatorsAndComments();
      if (this.atWord('esac')) {
        this.position += 4;
        break;
      }
      if (this.code() === Char.OpenParen) this.position++;
      for (;;) {
        this.skipBlanks();
        this.expectWordStart();
        this.scanWordOutsideArguments();
        this.skipBlanks();
        if (this.code() === Char.Pipe) {
          this.position++;
          continue;
        }
        if (this.code() !== Char.CloseParen) throw GIVE_UP;
        this.position++;
        break;
      }
      this.parseList(CASE_ITEM_END, ESAC);
      if (this.code() === Char.Semicolon && this.code(this.position + 1) === Char.Semicolon) {
        if (this.code(this.position + 2) === Char.Ampersand) throw GIVE_UP; // `;;&`
        this.position += 2;
      } else if (!this.atWord('esac')) throw GIVE_UP;
    }
    this.parseTrailingRedirects();
  }

  /** `while list; do list; done`, `until …` */
  private parseLoop(keyword: string): void {
    this.position += keyword.length;
    this.parseBody(DO);
    this.parseBody(DONE);
    this.parseTrailingRedirects();
  }

  /** `for name [in word…]; do list; done` (tree-sitter: the words are values, not commands). */
  private parseFor(): void {
    this.position += 3;
    this.skipBlanks();
    if (!isNameStart(this.code())) throw GIVE_UP; // `for ((…))`
    while (isNameChar(this.code())) this.position++;
    this.skipBlanks();
    if (this.atWord('in')) {
      this.position += 2;
      for (;;) {
        this.skipBlanks();
        const code = this.code();
        if (code === Char.Semicolon || code === Char.Newline) break;
        this.expectWordStart();
        this.scanWordOutsideArguments();
      }
    }
    if (this.code() === Char.Semicolon) this.position++;
    this.skipSeparatorsAndComments();
    if (!this.atWord('do')) throw GIVE_UP;
    this.position += 2;
    this.parseBody(DONE);
    this.parseTrailingRedirects();
  }

  /**
   * `[ expression ]`: tree-sitter's test_command, no command of its own; words up to `]`, whose
   * substitutions may hold commands. Operators bash would take as redirects or lists give up.
   */
  private parseTest(): void {
    this.position++;
    let words = 0;
    for (;;) {
      this.skipBlanks();
      if (this.atWord(']')) {
        this.position++;
        break;
      }
      this.expectWordStart();
      this.scanWordOutsideArguments();
      words++;
    }
    if (words === 0) throw GIVE_UP;
    this.parseTrailingRedirects();
  }

  /**
   * `[[ expression ]]`: tree-sitter's test_command, no command of its own; only the substitutions in
   * its operands hold commands. Taken when it is bash's grammar at its plainest: primaries joined by
   * `&&` and `||`, each `!`… then `-op word`, `word op word` or `word`. `=~` (its regex is one
   * token to tree-sitter), `<`, `>`, parentheses and newlines give up, as does anything bash
   * rejects (`[[ a b ]]`, which tree-sitter reports as a syntax error).
   */
  private parseDoubleBracketTest(): void {
    this.position += 2;
    for (;;) {
      let operand = this.nextTestOperand();
      while (operand === '!') operand = this.nextTestOperand();
      if (operand === null) throw GIVE_UP;
      if (TEST_UNARY_OPERATORS.has(operand)) {
        const argument = this.nextTestOperand();
        if (argument === null || argument === '!' || TEST_BINARY_OPERATORS.has(argument)) throw GIVE_UP;
      } else if (TEST_BINARY_OPERATORS.has(operand)) {
        throw GIVE_UP;
      } else {
        this.skipBlanks();
        const operatorStart = this.position;
        const operator = this.atTestEnd() || this.atTestConnective() ? null : this.nextTestOperand();
        if (operator !== null) {
          if (!TEST_BINARY_OPERATORS.has(operator)) throw GIVE_UP; // `[[ a b ]]`, `=~`
          const right = this.nextTestOperand();
          if (right === null || right === '!' || TEST_BINARY_OPERATORS.has(right) || TEST_UNARY_OPERATORS.has(right)) throw GIVE_UP;
        } else this.position = operatorStart;
      }
      this.skipBlanks();
      if (this.atTestEnd()) {
        this.position += 2;
        break;
      }
      if (!this.atTestConnective()) throw GIVE_UP;
      this.position += 2;
    }
    this.parseTrailingRedirects();
  }

  private atTestEnd(): boolean {
    return this.atWord(']]');
  }

  /** At `&&` or `||` inside `[[ … ]]`. */
  private atTestConnective(): boolean {
    const code = this.code();
    return (code === Char.Ampersand || code === Char.Pipe) && this.code(this.position + 1) === code;
  }

  /**
   * The next operand or operator word inside `[[ … ]]`: its text when written plain (so an
   * operator is recognised only unquoted), else '' for any other word; null at `]]`.
   */
  private nextTestOperand(): string | null {
    this.skipBlanks();
    if (this.atTestEnd()) return null;
    this.expectWordStart();
    const word = this.scanWord();
    if (this.scannedUnquotedDollar) throw GIVE_UP;
    return this.scannedPlain ? word.raw : '';
  }

  /** Gives up unless a word starts at the position (not the end, a break or a comment). */
  private expectWordStart(): void {
    const code = this.code();
    if (code === -1 || isWordBreak(code) || code === Char.Hash) throw GIVE_UP;
  }

  /** True when the text at the position is exactly `word` followed by a word break. */
  private atWord(word: string): boolean {
    if (!this.source.startsWith(word, this.position)) return false;
    const after = this.position + word.length;
    return after >= this.limit || isWordBreak(this.source.charCodeAt(after));
  }

  private parseAndOr(): void {
    this.parsePipeline();
    for (;;) {
      this.skipBlanks();
      const code = this.code();
      const next = this.code(this.position + 1);
      if ((code === Char.Ampersand && next === Char.Ampersand) || (code === Char.Pipe && next === Char.Pipe)) {
        this.position += 2;
        this.skipLineBreaksInsideStatement();
        this.parsePipeline();
      } else return;
    }
  }

  /** After `&&`, `||` or `|`: newlines may follow, comments there would become tree nodes. */
  private skipLineBreaksInsideStatement(): void {
    for (;;) {
      this.skipBlanks();
      const code = this.code();
      if (code === Char.Newline) this.position++;
      else if (code === Char.Hash) throw GIVE_UP;
      else return;
    }
  }

  private parsePipeline(): void {
    // `! a | b`: tree-sitter negates the first command (bash the pipeline); no command changes.
    if (this.atWord('!')) {
      this.position++;
      this.skipBlanks();
      // tree-sitter: `! { a; }` makes `{` a command name.
      if (this.code() === Char.OpenBrace || this.code() === Char.OpenParen) throw GIVE_UP;
      if (this.atWord('function')) throw GIVE_UP;
      this.negatedCommandStart = this.position;
    }
    const definitionsBefore = this.functionDefinitions;
    const first = this.parseCommand();
    this.skipBlanks();
    if (!(this.code() === Char.Pipe && this.code(this.position + 1) !== Char.Pipe)) return;
    // A pipeline. Its id only has to differ from the others' (rules compare ids for equality);
    // `parseShellFast` renumbers them in order of appearance, as `shell.ts` does.
    const id = ++this.pipelineCounter;
    this.hasPipe = true;
    if (first) {
      first.pipelineId = id;
      first.pipelineIndex = 0;
    }
    let index = 0;
    while (this.code() === Char.Pipe && this.code(this.position + 1) !== Char.Pipe) {
      this.position += this.code(this.position + 1) === Char.Ampersand ? 2 : 1;
      this.skipLineBreaksInsideStatement();
      index++;
      const member = this.parseCommand();
      if (member) {
        member.pipelineId = id;
        member.pipelineIndex = index;
      }
      this.skipBlanks();
    }
    // tree-sitter ends a pipeline after a function definition in it (`a | f() { b; } | c` is two).
    if (this.functionDefinitions !== definitionsBefore) throw GIVE_UP;
  }

  /**
   * One command of a pipeline. Returns the simple command, the one a pipeline gives its slot to
   * (tree-sitter: a subshell or group in a pipeline passes no slot to the commands inside).
   */
  private parseCommand(): MutableCommand | null {
    this.skipBlanks();
    if (this.parseCompoundByKeyword()) return null;
    // `{{ x }}` (a template placeholder) is a simple command whose name is `{{`.
    if (this.parseSubshellOrGroup()) return null;
    return this.parseSimpleCommand();
  }

  /** `( list )` or `{ list; }` and their redirects, if one is at the position; says so. */
  private parseSubshellOrGroup(): boolean {
    const code = this.code();
    if (code === Char.OpenParen) {
      if (this.code(this.position + 1) === Char.OpenParen) throw GIVE_UP; // `((` arithmetic
      this.position++;
      this.parseList(Char.CloseParen);
      if (this.code() !== Char.CloseParen) throw GIVE_UP;
      this.position++;
    } else if (code === Char.OpenBrace && this.atWord('{')) {
      this.position++;
      this.parseList(Char.CloseBrace);
      if (!this.atWord('}')) throw GIVE_UP;
      this.position++;
    } else return false;
    this.parseTrailingRedirects();
    return true;
  }

  /**
   * `function name [()] body`: tree-sitter's function_definition, whose name the walk takes for no
   * command word: only the commands of the body count, where they are written.
   */
  private parseFunctionKeyword(): void {
    this.position += 8;
    this.skipBlanks();
    this.expectWordStart();
    this.scanWord();
    if (!this.scannedPlain || this.scannedIsAssignment) throw GIVE_UP;
    this.skipBlanks();
    if (this.code() === Char.OpenParen) this.parseFunctionParentheses();
    this.parseFunctionBody();
  }

  /** The `()` after a function's name (blanks allowed inside, as tree-sitter and bash allow). */
  private parseFunctionParentheses(): void {
    this.position++;
    this.skipBlanks();
    if (this.code() !== Char.CloseParen) throw GIVE_UP;
    this.position++;
  }

  /**
   * A function's body: a `{ …; }` group or a `( … )` subshell, after blanks or newlines. Bash
   * takes any compound command (`f() if …`); those are rare and left to tree-sitter.
   */
  private parseFunctionBody(): void {
    this.functionDefinitions++;
    for (;;) {
      this.skipBlanks();
      if (this.code() !== Char.Newline) break;
      this.position++;
    }
    if (!this.parseSubshellOrGroup()) throw GIVE_UP;
  }

  /** `if`, `for`, `while`, `until`, `case` and `[` at the position: parses it and says so. */
  private parseCompoundByKeyword(): boolean {
    if (this.atWord('if')) this.parseIf();
    else if (this.atWord('for')) this.parseFor();
    else if (this.atWord('while')) this.parseLoop('while');
    else if (this.atWord('until')) this.parseLoop('until');
    else if (this.atWord('case')) this.parseCase();
    else if (this.atWord('[')) this.parseTest();
    else if (this.atWord('[[')) this.parseDoubleBracketTest();
    else if (this.atWord('function')) this.parseFunctionKeyword();
    else return false;
    return true;
  }

  /** Redirections after a compound command. */
  private parseTrailingRedirects(): void {
    for (;;) {
      this.skipBlanks();
      if (!this.atRedirect()) {
        const code = this.code();
        if (code === -1 || isWordBreak(code) || code === Char.Hash) return;
        throw GIVE_UP; // a word right after `)` or `}`
      }
      this.parseRedirect();
      // tree-sitter: words after a redirect's target are more targets of it.
      this.parseRedirectTargets();
    }
  }

  private parseSimpleCommand(): MutableCommand | null {
    const words: ShellWord[] = [];
    let commandStart = -1;
    let sawName = false;
    let keyword: 'declaration' | 'unset' | null = null;
    let namePlain = false;
    for (;;) {
      this.skipBlanks();
      const code = this.code();
      if (code === Char.Ampersand && this.code(this.position + 1) === Char.Greater) {
        if (!sawName) throw GIVE_UP;
        this.parseRedirect();
        this.parseRedirectTargets();
        break;
      }
      if (code === -1 || code === Char.Newline || code === Char.Semicolon || code === Char.Ampersand || code === Char.Pipe) break;
      if (code === Char.CloseParen) break;
      if (code === Char.OpenParen) {
        // `name() body`, a function definition: its name is no command word (see parseFunctionKeyword).
        // After assignments (`A=1 f() …`) tree-sitter errs; after arguments it is no definition.
        if (words.length !== 1 || commandStart !== words[0]!.start || !namePlain || keyword) throw GIVE_UP;
        if (commandStart === this.negatedCommandStart) throw GIVE_UP;
        this.parseFunctionParentheses();
        this.parseFunctionBody();
        return null;
      }
      if (code === Char.Hash) {
        if (!sawName && commandStart === -1) throw GIVE_UP;
        break; // a comment ends the command
      }
      if (this.atRedirect()) {
        if (!sawName) throw GIVE_UP; // redirect before the command name
        this.parseRedirect();
        // tree-sitter: every word after a redirect's target is one more target, not an argument.
        this.parseRedirectTargets();
        break;
      }
      const word = this.scanWord();
      const isAssignment = this.scannedIsAssignment;
      const plain = this.scannedPlain;
      // An unquoted `$` ending a word is an argument's literal `$` to tree-sitter; elsewhere (the
      // command name `$ x`, `A=$ b`, `export a=$`) its parse differs or errs: left to it.
      if (this.scannedUnquotedDollar && (!sawName || keyword)) throw GIVE_UP;
      if (!sawName) {
        if (commandStart === -1) commandStart = word.start;
        if (isAssignment) {
          if (this.source.charCodeAt(word.end - 1) === Char.Equals && this.code() === Char.OpenParen) this.skipArrayValue(word.raw);
          continue;
        }
        if (plain && RESERVED_AT_COMMAND_START.has(word.raw)) throw GIVE_UP;
        // `a[i]=…` before the command name assigns an array element.
        if (/^[A-Za-z_][A-Za-z0-9_]*\[[^\]]*\]\+?=/.test(word.raw)) throw GIVE_UP;
        // `[x]::y` (PowerShell written as a shell RUN) and `[ …`: tree-sitter starts a test there.
        if (word.raw.charCodeAt(0) === 91) throw GIVE_UP;
        sawName = true;
        namePlain = plain;
        if (plain && DECLARATION_KEYWORDS.has(word.raw)) {
          // tree-sitter: `A=1 export B` is no declaration_command; leave such oddities to it.
          if (commandStart !== word.start) throw GIVE_UP;
          keyword = 'declaration';
        } else if (plain && UNSET_KEYWORDS.has(word.raw)) {
          if (commandStart !== word.start) throw GIVE_UP;
          keyword = 'unset';
        }
        words.push(word);
        continue;
      }
      if (keyword) {
        words.push(this.declarationArgument(word, isAssignment, plain));
        continue;
      }
      words.push(word);
    }
    this.skipBlanks();
    if (commandStart === -1) throw GIVE_UP; // an empty command: `&& a`, `a |`, `a && ;`
    if (!sawName) {
      // Assignments alone (`A=1`) are no command.
      if (this.code() === Char.Pipe && this.code(this.position + 1) !== Char.Pipe) throw GIVE_UP;
      return null;
    }
    const first = words[0]!;
    if (keyword) {
      // tree-sitter: the keyword is an anonymous token: the command's first word is its text.
      words[0] = { value: first.raw, raw: first.raw, literal: true, start: first.start, end: first.end };
    }
    const end = words[words.length - 1]!.end;
    return this.pushCommand(words, commandStart, end);
  }

  /**
   * `(…)` after `NAME=` or `NAME+=` before a command name (or alone): an array. tree-sitter makes
   * it part of the variable_assignment, which the walk takes for no word; the elements' command
   * substitutions are still commands. `[k]=v` elements, comments, and anything but plain words
   * give up, as does an array right before more of the word (`A=(x)y`).
   */
  private skipArrayValue(assignment: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(assignment)) throw GIVE_UP;
    this.position++;
    for (;;) {
      this.skipBlanks();
      const code = this.code();
      if (code === Char.Newline) {
        this.position++;
        continue;
      }
      if (code === Char.CloseParen) break;
      if (code === Char.OpenBracket) throw GIVE_UP;
      this.expectWordStart();
      this.scanWordOutsideArguments();
    }
    this.position++;
    const after = this.code();
    if (!(after === -1 || after === Char.Space || after === Char.Tab || after === Char.Newline || after === Char.Semicolon ||
      after === Char.Ampersand || after === Char.Pipe || after === Char.CloseParen)) throw GIVE_UP;
  }

  /**
   * An argument of `export`/`declare`/`unset`: tree-sitter makes `NAME=value` a variable_assignment
   * and a bare name a variable_name, and the walk takes both as written (their text, literal).
   */
  private declarationArgument(word: ShellWord, isAssignment: boolean, plain: boolean): ShellWord {
    if (isAssignment || /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.raw)) {
      return { value: word.raw, raw: word.raw, literal: true, start: word.start, end: word.end };
    }
    if (word.raw.startsWith('-') && plain) return word;
    // Anything else (`export $X`, quoted names…) has tree-sitter shapes not worth mirroring here.
    throw GIVE_UP;
  }

  private pushCommand(words: ShellWord[], start: number, end: number): MutableCommand | null {
    const first = words[0]!;
    if (!first.literal) return null; // `$PIP install x` is no command (hadolint §1)
    let name = first.value;
    if (NAME_WRAPPERS.has(name) && words.length > 1 && words[1]!.literal) name = words[1]!.value;
    const args = words.slice(1);
    const command: MutableCommand = { name, args, words, flags: flagsOfWords(args), start, end, pipelineId: 0, pipelineIndex: 0 };
    this.commands.push(command);
    return command;
  }

  /** At `[n]>`, `[n]>>`, `[n]<`, `&>`, `&>>`, `>&`, `<&`, `>|`, `<>` (not `<<`: heredocs give up). */
  private atRedirect(): boolean {
    let offset = this.position;
    while (isDigit(this.code(offset))) offset++;
    const code = this.code(offset);
    if (code === Char.Greater || code === Char.Less) return true;
    if (offset === this.position && code === Char.Ampersand && this.code(offset + 1) === Char.Greater) return true;
    return false;
  }

  /** A redirect operator and its first target. */
  private parseRedirect(): void {
    while (isDigit(this.code())) this.position++;
    const code = this.code();
    const next = this.code(this.position + 1);
    if (code === Char.Less) {
      if (next === Char.Less) throw GIVE_UP; // heredoc / herestring
      if (next === Char.OpenParen) throw GIVE_UP; // process substitution
      this.position += next === Char.Greater || next === Char.Ampersand ? 2 : 1;
    } else if (code === Char.Greater) {
      if (next === Char.OpenParen) throw GIVE_UP;
      this.position += next === Char.Greater || next === Char.Ampersand || next === Char.Pipe ? 2 : 1;
    } else if (code === Char.Ampersand) {
      this.position += this.code(this.position + 2) === Char.Greater ? 3 : 2;
    } else throw GIVE_UP;
    this.skipBlanks();
    this.expectWordStart();
    this.scanWordOutsideArguments();
  }

  /** Words (and more redirects) after a redirect, up to the end of the command. */
  private parseRedirectTargets(): void {
    for (;;) {
      this.skipBlanks();
      const code = this.code();
      if (code === -1 || code === Char.Newline || code === Char.Semicolon || code === Char.Ampersand || code === Char.Pipe) {
        if (code === Char.Ampersand && this.code(this.position + 1) === Char.Greater) {
          this.parseRedirect();
          continue;
        }
        return;
      }
      if (code === Char.CloseParen) return;
      if (code === Char.OpenParen) throw GIVE_UP;
      if (code === Char.Hash) return;
      if (this.atRedirect()) {
        this.parseRedirect();
        continue;
      }
      this.scanWordOutsideArguments();
    }
  }

  /**
   * One word at the position, with hadolint's value (see `wordValue` in shell.ts): quotes
   * removed, `$v`/`${v…}` → `${v}`, `$(a b)` → `${ab}`, backslashes dropped outside quotes.
   * Whether it is an assignment and plain is left in `scannedIsAssignment` and `scannedPlain`
   * (no result object per word: this runs on every word of every RUN).
   */
  private scanWord(): ShellWord {
    const source = this.source;
    const start = this.position;
    let value = '';
    let literal = true;
    let plain = true;
    let unquotedDollar = false;
    for (;;) {
      const code = this.code();
      if (code === -1 || isWordBreak(code)) break;
      if (code === Char.Backslash) {
        const escaped = this.code(this.position + 1);
        if (escaped === -1 || escaped === Char.Newline) throw GIVE_UP; // tree-sitter splits the word there
        plain = false;
        value += source[this.position + 1];
        this.position += 2;
        continue;
      }
      if (code === Char.SingleQuote) {
        const close = source.indexOf("'", this.position + 1);
        if (close === -1 || close >= this.limit) throw GIVE_UP;
        value += source.slice(this.position + 1, close);
        this.position = close + 1;
        plain = false;
        continue;
      }
      if (code === Char.DoubleQuote) {
        const inner = this.scanDoubleQuoted();
        value += inner.value;
        if (!inner.literal) literal = false;
        plain = false;
        continue;
      }
      if (code === Char.Dollar) {
        if (this.atUnquotedLiteralDollar()) {
          value += '$';
          this.position++;
          plain = false;
          unquotedDollar = true;
          continue;
        }
        // `$'…'` (an ANSI-C string) is quoting, not an expansion: the word stays literal.
        if (this.code(this.position + 1) !== Char.SingleQuote) literal = false;
        value += this.scanDollar(false);
        plain = false;
        continue;
      }
      if (code === Char.Backtick) {
        value += this.scanBackticks();
        literal = false;
        plain = false;
        continue;
      }
      // Plain characters up to the next special one.
      let end = this.position + 1;
      while (end < this.limit) {
        const next = source.charCodeAt(end);
        if (isWordBreak(next) || next === Char.Backslash || next === Char.SingleQuote || next === Char.DoubleQuote || next === Char.Dollar || next === Char.Backtick) break;
        end++;
      }
      value += source.slice(this.position, end);
      this.position = end;
    }
    const end = this.position;
    if (end === start) throw GIVE_UP;
    // A plain word was sliced in one piece: its value is its text.
    const raw = plain ? value : source.slice(start, end);
    // A `#` that starts a word starts a comment; callers never scan one, but be safe.
    if (raw.charCodeAt(0) === Char.Hash) throw GIVE_UP;
    // `{` and `}` as whole words are group delimiters or odd arguments: leave them to tree-sitter.
    if (raw === '{' || raw === '}') throw GIVE_UP;
    let isAssignment = false;
    if (isNameStart(raw.charCodeAt(0))) {
      let index = 1;
      while (index < raw.length && isNameChar(raw.charCodeAt(index))) index++;
      // Bounds checked first: reading past the end (a plain name like `apt-get`… `make`) made V8
      // throw away this function's optimised code (an "out of bounds" deopt) and compile it again.
      const after = index < raw.length ? raw.charCodeAt(index) : -1;
      if (after === Char.Equals || (after === 43 && index + 1 < raw.length && raw.charCodeAt(index + 1) === Char.Equals)) {
        isAssignment = true;
      }
    }
    this.scannedIsAssignment = isAssignment;
    this.scannedPlain = plain;
    this.scannedUnquotedDollar = unquotedDollar;
    return { value, raw, literal, start, end };
  }

  /**
   * An unquoted `$` that ends its word (`-run=^$ .`, `sed -e '…'$ x`): tree-sitter-bash and bash
   * keep it as a literal `$`. Before anything else that starts no expansion (`a$;`, `a$)`, `a$/`)
   * tree-sitter reports a syntax error, and `a$"x"` it reads unlike bash (`a$x`, not `ax`): those
   * give up. Inside backticks the end of the word is the backtick: left to tree-sitter too.
   */
  private atUnquotedLiteralDollar(): boolean {
    const offset = this.position + 1;
    if (offset >= this.source.length) return true;
    if (offset >= this.limit) return false;
    const next = this.source.charCodeAt(offset);
    return next === Char.Space || next === Char.Tab || next === Char.Newline;
  }

  /**
   * A word that is no command's argument (a `case` subject or pattern, a `for` list, a `[ … ]`
   * operand, a redirect target): one ending in an unquoted `$` gives up, tree-sitter errs on most
   * (`case $ in`, `[ a = $ ]`, `> $`).
   */
  private scanWordOutsideArguments(): void {
    this.scanWord();
    if (this.scannedUnquotedDollar) throw GIVE_UP;
  }

  /** `"…"`: the value between the quotes (tree-sitter's `string` node, see shell.ts). */
  private scanDoubleQuoted(): { value: string; literal: boolean } {
    const source = this.source;
    this.position++; // opening quote
    let value = '';
    let literal = true;
    for (;;) {
      const code = this.code();
      if (code === -1) throw GIVE_UP; // unterminated
      if (code === Char.DoubleQuote) {
        this.position++;
        return { value, literal };
      }
      if (code === Char.Backslash) {
        const escaped = this.code(this.position + 1);
        if (escaped === -1) throw GIVE_UP;
        if (escaped === Char.Newline) throw GIVE_UP;
        // string_content: `\\ \" \$ \`` lose the backslash; others keep it.
        if (escaped === Char.Backslash || escaped === Char.DoubleQuote || escaped === Char.Dollar || escaped === Char.Backtick) {
          value += source[this.position + 1];
        } else {
          value += source.slice(this.position, this.position + 2);
        }
        this.position += 2;
        continue;
      }
      if (code === Char.Dollar) {
        if (isLiteralDollarInDoubleQuotes(this.code(this.position + 1))) {
          value += '$';
          this.position++;
          continue;
        }
        value += this.scanDollar(true);
        literal = false;
        continue;
      }
      if (code === Char.Backtick) {
        value += this.scanBackticks();
        literal = false;
        continue;
      }
      let end = this.position + 1;
      while (end < this.limit) {
        const next = source.charCodeAt(end);
        if (next === Char.DoubleQuote || next === Char.Backslash || next === Char.Dollar || next === Char.Backtick) break;
        end++;
      }
      value += source.slice(this.position, end);
      this.position = end;
    }
  }

  /** `$…` at the position: simple and braced expansions, `$(…)`, `$'…'`. Returns the value. */
  private scanDollar(inDoubleQuotes: boolean): string {
    const source = this.source;
    const next = this.code(this.position + 1);
    if (next === Char.OpenParen) {
      if (this.code(this.position + 2) === Char.OpenParen) throw GIVE_UP; // `$((` arithmetic
      return this.scanCommandSubstitution();
    }
    if (next === Char.OpenBrace) return this.scanBracedExpansion();
    if (next === Char.SingleQuote) {
      if (inDoubleQuotes) throw GIVE_UP;
      // ansi_c_string: the text between `$'` and `'`, escapes kept as written.
      let end = this.position + 2;
      while (end < this.limit && source.charCodeAt(end) !== Char.SingleQuote) end += source.charCodeAt(end) === Char.Backslash ? 2 : 1;
      if (end >= this.limit) throw GIVE_UP;
      const value = source.slice(this.position + 2, end);
      this.position = end + 1;
      return value;
    }
    if (isNameStart(next)) {
      let end = this.position + 2;
      while (end < this.limit && isNameChar(source.charCodeAt(end))) end++;
      const name = source.slice(this.position + 1, end);
      this.position = end;
      return '${' + name + '}';
    }
    if (isDigit(next) || isSpecialParameter(next)) {
      const name = source[this.position + 1]!;
      this.position += 2;
      return '${' + name + '}';
    }
    // A bare `$ ` inside quotes, `$"…"`, `$[`: tree-sitter's shapes for these are odd (see the callers).
    throw GIVE_UP;
  }

  /** `${…}`: `${name}` for the variable it reads (tree-sitter's `expansion` node). */
  private scanBracedExpansion(): string {
    const source = this.source;
    const start = this.position;
    let offset = start + 2;
    const first = this.code(offset);
    if (first === Char.Hash || first === Char.Bang) offset++;
    let name: string | null = null;
    const nameStart = offset;
    if (isNameStart(this.code(offset))) {
      while (isNameChar(this.code(offset))) offset++;
      name = source.slice(nameStart, offset);
      if (this.code(offset) === Char.OpenBracket) return this.scanSubscriptedExpansion(start, offset);
    } else if (isDigit(this.code(offset))) {
      // `${1}`, `${10}`: tree-sitter takes the digits as the name.
      while (isDigit(this.code(offset))) offset++;
      name = source.slice(nameStart, offset);
    } else if (this.code(offset) === 64 || this.code(offset) === 42) {
      offset++;
      name = source.slice(nameStart, offset);
    } else throw GIVE_UP;
    const after = this.code(offset);
    if (after === Char.OpenBracket) throw GIVE_UP; // `${1[0]}`
    if (first === Char.Hash || first === Char.Bang) {
      if (after !== Char.CloseBrace) throw GIVE_UP; // `${#a:…}`, `${!a*}`
    }
    // The rest, up to the matching `}`: operators and words, which may hold substitutions.
    this.position = offset;
    if (++this.depth > MAX_NESTING) throw GIVE_UP;
    this.skipExpansionRest();
    this.depth--;
    return '${' + name + '}';
  }

  /**
   * `${a[@]}`, `${a[0]:-x}`, `${#a[*]}`, `${!a[@]}` from the `[` after the name: tree-sitter's
   * expansion holds a `subscript` node and no `variable_name` child, so the walk's value is the
   * expansion's whole text. Subscripts other than `@`, `*`, digits or a name (`[$i]`, `[i+1]`,
   * `[-1]`) give up.
   */
  private scanSubscriptedExpansion(start: number, bracket: number): string {
    let offset = bracket + 1;
    const index = this.code(offset);
    if (index === Char.At || index === Char.Asterisk) offset++;
    else if (isDigit(index)) while (isDigit(this.code(offset))) offset++;
    else if (isNameStart(index)) while (isNameChar(this.code(offset))) offset++;
    else throw GIVE_UP;
    if (this.code(offset) !== Char.CloseBracket) throw GIVE_UP;
    offset++;
    const first = this.code(start + 2);
    // `${#a[@]:-x}` is no expansion bash accepts.
    if ((first === Char.Hash || first === Char.Bang) && this.code(offset) !== Char.CloseBrace) throw GIVE_UP;
    this.position = offset;
    if (++this.depth > MAX_NESTING) throw GIVE_UP;
    this.skipExpansionRest();
    this.depth--;
    return this.source.slice(start, this.position);
  }

  /** From after the parameter name of `${…}` to past its closing `}`. */
  private skipExpansionRest(): void {
    const source = this.source;
    let depth = 1;
    for (;;) {
      const code = this.code();
      if (code === -1) throw GIVE_UP;
      if (code === Char.CloseBrace) {
        this.position++;
        if (--depth === 0) return;
        continue;
      }
      if (code === Char.Backslash) {
        if (this.code(this.position + 1) === -1) throw GIVE_UP;
        this.position += 2;
        continue;
      }
      if (code === Char.SingleQuote) {
        const close = source.indexOf("'", this.position + 1);
        if (close === -1 || close >= this.limit) throw GIVE_UP;
        this.position = close + 1;
        continue;
      }
      if (code === Char.DoubleQuote) {
        this.scanDoubleQuoted();
        continue;
      }
      if (code === Char.Dollar) {
        // `${A=$}`, `${A%$}`: a `$` that starts nothing (tree-sitter: part of the operand). Before
        // anything else it may not be: tree-sitter errs on `${a/$/x}`.
        if (this.code(this.position + 1) === Char.CloseBrace) this.position++;
        else this.scanDollar(false);
        continue;
      }
      if (code === Char.Backtick) {
        this.scanBackticks();
        continue;
      }
      if (code === Char.OpenBrace) throw GIVE_UP;
      if (code === Char.Newline) throw GIVE_UP;
      this.position++;
    }
  }

  /** `$(…)`: the commands inside are parsed; the value is `${…}` of the inner text without blanks. */
  private scanCommandSubstitution(): string {
    const start = this.position;
    this.position += 2;
    this.parseList(Char.CloseParen);
    if (this.code() !== Char.CloseParen) throw GIVE_UP;
    this.position++;
    return '${' + this.source.slice(start + 2, this.position - 1).replace(/\s+/g, '') + '}';
  }

  /** `` `…` ``: like `$(…)`; escapes inside backticks change the text, so they give up. */
  private scanBackticks(): string {
    const source = this.source;
    const start = this.position;
    const close = source.indexOf('`', start + 1);
    if (close === -1 || close >= this.limit) throw GIVE_UP;
    const inner = source.slice(start + 1, close);
    if (inner.includes('\\')) throw GIVE_UP;
    const outerLimit = this.limit;
    this.limit = close;
    this.position = start + 1;
    this.parseList(-1);
    if (this.position !== close) throw GIVE_UP;
    this.limit = outerLimit;
    this.position = close + 1;
    return '${' + inner.replace(/\s+/g, '') + '}';
  }
}

/** hadolint's flag extraction: `--name[=v]` → name; `-abc` → a, b, c; `-` and `--` are no flags. */
export function flagsOfWords(args: readonly ShellWord[]): string[] {
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

/**
 * Parses `source` if it is in the subset this parser handles exactly; null means "ask tree-sitter".
 * Commands come back sorted by start, pipelines numbered in pre-order of their start.
 */
export function parseShellFast(source: string): FastShellParse | null {
  const parser = new FastShellParser(source);
  try {
    parser.parseScript();
  } catch (error) {
    if (error === GIVE_UP) return null;
    // Nesting is bounded above; should a stack still run out, tree-sitter takes the script.
    if (error instanceof RangeError) return null;
    throw error;
  }
  const commands = parser.commands;
  sortByStart(commands);
  renumberPipelines(commands);
  return { commands, hasPipe: parser.hasPipe };
}

/**
 * Sorts commands by start (stable). Most scripts' commands come out in order already, and
 * `Array.prototype.sort` copies the array to sort it even then.
 */
export function sortByStart(commands: { start: number }[]): void {
  for (let index = 1; index < commands.length; index++) {
    if (commands[index]!.start < commands[index - 1]!.start) {
      commands.sort((a, b) => a.start - b.start);
      return;
    }
  }
}

/**
 * Renumbers pipeline ids 1, 2, … in order of first appearance among the (sorted) commands, so
 * both parsers give the same ids for the same script. Rules only compare ids for equality.
 */
export function renumberPipelines(commands: { pipelineId: number }[]): void {
  let ids: Map<number, number> | null = null;
  for (const command of commands) {
    if (command.pipelineId === 0) continue;
    ids ??= new Map();
    let id = ids.get(command.pipelineId);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(command.pipelineId, id);
    }
    command.pipelineId = id;
  }
}
