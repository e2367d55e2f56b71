/**
 * Builds the typed model (`types.ts`) from a Dockerfile's text, once. Instruction argument parsing
 * follows BuildKit's `parser/line_parsers.go` and `instructions/parse.go` (buildkit-checks.md §6).
 */
import { closest, distance } from 'fastest-levenshtein';
import { isRegExpSpace } from './chars.js';
import { expandVariables } from './expand.js';
import { ExpansionBudget } from './expansion-budget.js';
import { splitImageReference } from './image.js';
import { mapList, newList } from './lists.js';
import { scanDockerfile, type LogicalLine } from './scanner.js';
import { parseShell } from './shell.js';
import { SegmentSourceMap, rangeOf } from './source-map.js';
import type {
  ArgDefinition,
  ArgInstruction,
  BuildTarget,
  CommandForm,
  Dockerfile,
  ExposePort,
  Flag,
  FromInstruction,
  Heredoc,
  ImageReference,
  Instruction,
  InstructionKind,
  KeyValuePair,
  Mount,
  OnbuildInstruction,
  ParseError,
  Range,
  RunInstruction,
  ShellScript,
  SourceMap,
  Stage,
  Word,
} from './types.js';
import { INSTRUCTION_KINDS } from './types.js';
import { splitWords, type RawWord } from './words.js';

export interface ParseOptions {
  /** Reported file path (`-` for stdin). */
  readonly path?: string;
  /** `--build-arg` values; they override ARG defaults in expansions. */
  readonly buildArgs?: ReadonlyMap<string, string>;
  /** `--target`: the stage to build instead of the last one. */
  readonly target?: string | null;
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(INSTRUCTION_KINDS);

/** Decodes bytes the way a Dockerfile is read: UTF-8 (BOM stripped), UTF-16 with a BOM. */
export function decodeDockerfile(bytes: Uint8Array): { text: string; hasBom: boolean; errors: ParseError[] } {
  const errors: ParseError[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), hasBom: true, errors };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), hasBom: true, errors };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const line = countLines(body, nul);
    errors.push({ message: 'binary file: it holds a NUL byte, not a Dockerfile', line, column: 1, fatal: true });
    return { text: '', hasBom, errors };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), hasBom, errors };
  } catch {
    const text = new TextDecoder('utf-8').decode(body);
    const badOffset = text.indexOf('\uFFFD');
    const line = badOffset === -1 ? 1 : text.slice(0, badOffset).split('\n').length;
    errors.push({ message: 'invalid UTF-8: bytes that are not UTF-8 were replaced', line, column: 1, fatal: false });
    return { text, hasBom, errors };
  }
}

/** `text.split('\n')` for a text of one character or none, without `split` (see parseDockerfile). */
function linesOfShortText(text: string): string[] {
  const lines = newList<string>();
  if (text === '\n') lines.push('', '');
  else lines.push(text);
  return lines;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let index = 0; index < end; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

export function parseDockerfile(input: string | Uint8Array, options: ParseOptions = {}): Dockerfile {
  const path = options.path ?? 'Dockerfile';
  const buildArgs = options.buildArgs ?? new Map<string, string>();
  let text: string;
  let hasBom = false;
  const parseErrors = newList<ParseError>();
  if (typeof input === 'string') {
    hasBom = input.charCodeAt(0) === 0xfeff;
    text = hasBom ? input.slice(1) : input;
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      parseErrors.push({
        message: 'binary file: it holds a NUL byte, not a Dockerfile',
        line: text.slice(0, nul).split('\n').length,
        column: 1,
        fatal: true,
      });
      text = '';
    }
  } else {
    const decoded = decodeDockerfile(input);
    text = decoded.text;
    hasBom = decoded.hasBom;
    parseErrors.push(...decoded.errors);
  }
  // V8 caches `split` on internalised strings, which the empty text and one-character texts are,
  // and answers a repeated split with a holey list: the parser's line loops met a second elements
  // kind at the corpus's second empty file and lost their optimised code (see lists.ts).
  const lines = text.length > 1 ? text.split('\n') : linesOfShortText(text);
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  let crlf = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.endsWith('\r')) {
      crlf++;
      lines[index] = line.replace(/[\r\n]+$/, '');
    }
  }
  const lineEnding: '\n' | '\r\n' = crlf > 0 && crlf >= lines.length / 2 ? '\r\n' : '\n';

  const binary = parseErrors.some((error) => error.fatal);
  // `newList()`, not `[]`: the scanner's loops then meet one elements kind (see lists.ts).
  const scan = scanDockerfile(binary ? newList<string>() : lines);
  parseErrors.push(...scan.errors);
  const builder = new ModelBuilder(scan.escapeChar, buildArgs, parseErrors);
  for (const logicalLine of scan.logicalLines) {
    if (logicalLine.overlong) continue;
    if (!builder.addLogicalLine(logicalLine)) break;
  }
  if (!binary) {
    if (text.trim() === '' && !hasFatal(parseErrors)) {
      parseErrors.push({ message: 'the Dockerfile cannot be empty', line: 1, column: 1, fatal: true });
    } else if (builder.instructions.length === 0 && !hasFatal(parseErrors)) {
      parseErrors.push({ message: 'file with no instructions', line: 1, column: 1, fatal: true });
    }
  }
  const target = options.target ? resolveTarget(options.target, builder.stages, parseErrors) : null;
  return {
    path,
    text,
    lines,
    lineEnding,
    hasBom,
    endsWithNewline,
    escapeChar: scan.escapeChar,
    directives: scan.directives,
    instructions: builder.instructions,
    comments: scan.comments,
    stages: builder.stages,
    globalArgs: builder.globalArgs,
    parseErrors: parseErrors.sort((a, b) => a.line - b.line),
    buildArgs,
    target,
  };
}

/**
 * `--target` names a stage, whatever its case (dockerfile2llb's `findStateByName` looks the name up
 * lower-cased; a stage index is not accepted). A name no stage has stops BuildKit before any stage
 * is dispatched, with no line: here it is a fatal error on line 1, and the rules go on as for a
 * default build so the file's other problems are still reported.
 */
function resolveTarget(name: string, stages: readonly Stage[], parseErrors: ParseError[]): BuildTarget {
  const wanted = name.toLowerCase();
  const stage = stages.find((candidate) => candidate.name === wanted);
  if (!stage && stages.length > 0) {
    parseErrors.push({ message: `target stage ${JSON.stringify(name)} could not be found`, line: 1, column: 1, fatal: true });
  }
  return { name, stageIndex: stage ? stage.index : null };
}

/**
 * Charges what expanding an instruction can substitute, as the rules expand it (BuildKit's
 * dispatch, buildkit-checks.md §1): ENV and ARG assign, in order; the texts of the other
 * instructions are expanded, RUN's only in its flags, CMD/ENTRYPOINT/SHELL/HEALTHCHECK's never
 * (their shell expands them). FROM and ONBUILD lines are charged whole before they are built.
 */
function chargeExpansions(instruction: Instruction, budget: ExpansionBudget): void {
  switch (instruction.kind) {
    case 'ENV':
      for (const pair of instruction.pairs) budget.assign(pair.key, pair.value);
      return;
    case 'ARG':
      for (const definition of instruction.definitions) {
        if (definition.defaultValue !== null) budget.assign(definition.name, definition.defaultValue);
      }
      return;
    case 'RUN':
      for (const flag of instruction.flags) budget.charge(flag.raw);
      return;
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'HEALTHCHECK':
      return;
    default:
      for (const flag of instruction.flags) budget.charge(flag.raw);
      budget.charge(instruction.argsText);
      for (const heredoc of instruction.heredocs) if (!heredoc.quoted) budget.charge(heredoc.body);
  }
}

function hasFatal(errors: readonly ParseError[]): boolean {
  return errors.some((error) => error.fatal);
}

interface MutableStage {
  index: number;
  from: FromInstruction;
  name: string | null;
  baseStageIndex: number | null;
  instructions: Instruction[];
}

/** Shared fields computed for every instruction before its kind-specific parsing. */
interface InstructionCore {
  kind: InstructionKind;
  keyword: string;
  keywordRange: Range;
  range: Range;
  startLine: number;
  logicalEndLine: number;
  endLine: number;
  flags: Flag[];
  argsText: string;
  argsMap: SourceMap;
  words: Word[];
  emptyContinuationLines: readonly number[];
  heredocs: readonly Heredoc[];
  stageIndex: number;
  onbuildParent: OnbuildInstruction | null;
  index: number;
}

class ModelBuilder {
  readonly instructions = newList<Instruction>();
  readonly stages = newList<MutableStage>();
  readonly globalArgs = newList<ArgInstruction>();
  /**
   * The first stage of each name: a FROM naming an earlier stage builds on it. A map, not a search
   * of the stages: that search was 0.7 s of a 10,000-stage file's 2 s.
   */
  private readonly stageIndexByName = new Map<string, number>();
  private readonly expansionBudget: ExpansionBudget;

  constructor(
    private readonly escapeChar: '\\' | '`',
    private readonly buildArgs: ReadonlyMap<string, string>,
    private readonly errors: ParseError[],
  ) {
    this.expansionBudget = new ExpansionBudget(buildArgs);
  }

  /** Adds one logical line's instruction; false when the file stops here (expansion-budget.ts). */
  addLogicalLine(logicalLine: LogicalLine): boolean {
    // A FROM's image is expanded while it is built, and an `ONBUILD FROM`'s: charged first, whole.
    const chargedFirst = logicalLine.keyword === 'from' || logicalLine.keyword === 'onbuild';
    if (chargedFirst) this.expansionBudget.charge(logicalLine.text);
    if (this.expansionBudget.problem) return this.stopForExpansion(logicalLine, this.expansionBudget.problem);
    const instruction = this.buildInstruction(
      logicalLine.text,
      0,
      logicalLine.map,
      logicalLine,
      null,
      this.instructions.length,
    );
    if (!instruction) return true;
    if (!chargedFirst) chargeExpansions(instruction, this.expansionBudget);
    if (this.expansionBudget.problem) return this.stopForExpansion(logicalLine, this.expansionBudget.problem);
    this.instructions.push(instruction);
    if (instruction.kind === 'FROM') {
      const name = instruction.stageName?.toLowerCase() ?? null;
      const baseName = instruction.image.expanded.toLowerCase();
      const index = this.stages.length;
      this.stages.push({
        index,
        from: instruction,
        name,
        baseStageIndex: this.stageIndexByName.get(baseName) ?? null,
        instructions: newList(),
      });
      if (name !== null && !this.stageIndexByName.has(name)) this.stageIndexByName.set(name, index);
    } else if (this.stages.length > 0) {
      this.stages[this.stages.length - 1]!.instructions.push(instruction);
    } else if (instruction.kind === 'ARG') {
      this.globalArgs.push(instruction);
    }
    return true;
  }

  private stopForExpansion(logicalLine: LogicalLine, message: string): false {
    this.errors.push({
      message,
      line: logicalLine.startLine,
      column: 1,
      fatal: true,
    });
    return false;
  }

  private buildInstruction(
    text: string,
    textOffset: number,
    map: SegmentSourceMap,
    logicalLine: LogicalLine,
    onbuildParent: OnbuildInstruction | null,
    index: number,
  ): Instruction | null {
    const escapeChar = this.escapeChar;
    let keywordStart = textOffset;
    while (keywordStart < text.length && isRegExpSpace(text.charCodeAt(keywordStart))) keywordStart++;
    let keywordEnd = keywordStart;
    while (keywordEnd < text.length && !isRegExpSpace(text.charCodeAt(keywordEnd))) keywordEnd++;
    if (keywordEnd === keywordStart) return null;
    const keyword = text.slice(keywordStart, keywordEnd);
    const upper = keyword.toUpperCase();
    const kind: InstructionKind = KNOWN_KINDS.has(upper) ? (upper as InstructionKind) : 'UNKNOWN';
    const keywordRange = rangeOf(map, keywordStart, keywordStart + keyword.length);
    if (kind === 'UNKNOWN') {
      const suggestion = closest(upper, [...INSTRUCTION_KINDS]);
      const hint = distance(upper, suggestion) < 3 ? ` (did you mean ${suggestion.toLowerCase()}?)` : '';
      this.errors.push({
        message: `unknown instruction: ${keyword}${hint}`,
        line: keywordRange.start.line,
        column: keywordRange.start.column,
        fatal: true,
      });
    }

    // Flags: leading `--name[=value]` words; a lone `--` ends them (BuildKit extractBuilderFlags).
    let cursor = keywordStart + keyword.length;
    const flags = newList<Flag>();
    const afterKeyword = text.slice(cursor);
    const leadingWords = kind === 'UNKNOWN' ? [] : splitWords(afterKeyword, escapeChar, true);
    let argsStart = cursor;
    for (const word of leadingWords) {
      if (word.raw === '--') {
        argsStart = cursor + word.end;
        break;
      }
      if (!word.raw.startsWith('--')) break;
      const equals = word.value.indexOf('=');
      const name = equals === -1 ? word.value.slice(2) : word.value.slice(2, equals);
      flags.push({
        name,
        value: equals === -1 ? null : word.value.slice(equals + 1),
        raw: word.raw,
        range: rangeOf(map, cursor + word.start, cursor + word.end),
      });
      argsStart = cursor + word.end;
    }
    cursor = argsStart;
    while (cursor < text.length && isRegExpSpace(text.charCodeAt(cursor))) cursor++;
    let argsEnd = text.length;
    while (argsEnd > cursor && isRegExpSpace(text.charCodeAt(argsEnd - 1))) argsEnd--;
    const argsText = text.slice(cursor, argsEnd);
    const argsMap = map.slice(cursor);
    // A RUN's words are split on first use (see InstructionRecord): its script is parsed by the shell
    // parser instead, and splitting every script's text into words was a fifth of all allocation.
    const rawWords = kind === 'RUN' ? [] : splitWords(argsText, escapeChar);
    const lastLine = logicalLine.endLine;
    const lastLineEndPosition = map.positionAt(Math.max(text.length - 1, 0));
    const endPosition =
      logicalLine.heredocs.length > 0 && onbuildParent === null
        ? { line: lastLine, column: 1 + (logicalLine.heredocs.at(-1)!.delimiter.length ?? 0) }
        : { line: lastLineEndPosition.line, column: lastLineEndPosition.column + 1 };
    const core: InstructionCore = new InstructionRecord(
      {
        kind,
        keyword,
        keywordRange,
        range: { start: keywordRange.start, end: endPosition },
        startLine: keywordRange.start.line,
        logicalEndLine: lastLineEndPosition.line,
        endLine: lastLine,
        flags,
        argsText,
        argsMap,
        emptyContinuationLines: onbuildParent ? [] : logicalLine.emptyContinuationLines,
        heredocs: logicalLine.heredocs,
        // A FROM belongs to the stage it opens; everything else to the latest one (-1 before any FROM).
        stageIndex: kind === 'FROM' && onbuildParent === null ? this.stages.length : this.stages.length - 1,
        onbuildParent,
        index,
      },
      kind === 'RUN' ? escapeChar : mapList(rawWords, (word) => toWord(word, argsMap)),
    );
    return this.specialise(core, rawWords, text, cursor, map, logicalLine);
  }

  private specialise(
    core: InstructionCore,
    rawWords: RawWord[],
    text: string,
    argsOffset: number,
    map: SegmentSourceMap,
    logicalLine: LogicalLine,
  ): Instruction {
    const { argsText, argsMap } = core;
    switch (core.kind) {
      case 'FROM':
        return this.buildFrom(core);
      case 'RUN': {
        const form = commandForm(argsText);
        const run = extend(core, {
          kind: 'RUN' as const,
          form: form.form,
          execArgs: form.execArgs,
          mounts: mapList(core.flags.filter((flag) => flag.name === 'mount'), (flag) => parseMount(flag.value ?? '')),
          network: core.flags.find((flag) => flag.name === 'network')?.value ?? null,
          security: core.flags.find((flag) => flag.name === 'security')?.value ?? null,
        });
        // InstructionRecord's `script` getter gives a RUN its script.
        return run as typeof run & Pick<RunInstruction, 'script'>;
      }
      case 'COPY':
      case 'ADD': {
        const form = commandForm(argsText);
        let fileWords: Word[];
        if (form.form === 'exec') {
          const strings = form.execArgs ?? [];
          fileWords = mapList(strings, (value) => ({ value, raw: JSON.stringify(value), range: rangeOf(argsMap, 0, argsText.length) }));
        } else {
          const words = core.words;
          fileWords = words.filter((word) => !/^\d*<<-?/.test(word.raw));
          // `COPY << EOF /x`: the delimiter word after a bare `<<` is not a path either.
          const bareMarkers = words.filter((word) => /^\d*<<-?$/.test(word.raw));
          for (const marker of bareMarkers) {
            const next = words[words.indexOf(marker) + 1];
            if (next) fileWords = fileWords.filter((word) => word !== next);
          }
        }
        const heredocSources = form.form === 'shell' ? core.heredocs : newList<Heredoc>();
        const destination = fileWords.length > 0 && (fileWords.length > 1 || heredocSources.length > 0) ? fileWords.at(-1)! : null;
        const sources = destination ? fileWords.slice(0, -1) : fileWords;
        return extend(core, {
          kind: core.kind,
          form: form.form,
          execArgs: form.execArgs,
          sources,
          destination,
          heredocSources,
          from: core.flags.find((flag) => flag.name === 'from')?.value ?? null,
        });
      }
      case 'ENV':
      case 'LABEL':
        return extend(core, { kind: core.kind, pairs: parseKeyValues(rawWords, argsText, argsMap, this.escapeChar) });
      case 'ARG': {
        const definitions = mapList(rawWords, (word): ArgDefinition => {
          const equals = word.raw.indexOf('=');
          const name = equals === -1 ? word.value : word.raw.slice(0, equals);
          const defaultValue = equals === -1 ? null : splitWords(word.raw.slice(equals + 1), this.escapeChar)[0]?.value ?? '';
          return { name, defaultValue, range: rangeOf(argsMap, word.start, word.end) };
        });
        return extend(core, { kind: 'ARG' as const, definitions });
      }
      case 'EXPOSE': {
        const ports = mapList(core.words, (word): ExposePort => ({ raw: word.value, range: word.range }));
        return extend(core, { kind: 'EXPOSE' as const, ports });
      }
      case 'CMD':
      case 'ENTRYPOINT':
      case 'SHELL':
      case 'VOLUME':
      {
        const form = commandForm(argsText);
        return extend(core, { kind: core.kind, form: form.form, execArgs: form.execArgs });
      }
      case 'HEALTHCHECK': {
        const first = core.words[0]?.value.toUpperCase() ?? null;
        const subcommand = first === 'NONE' || first === 'CMD' ? first : null;
        if (subcommand === 'CMD') {
          const afterCmd = argsText.slice(rawWords[0]!.end).trim();
          const form = commandForm(afterCmd);
          return extend(core, { kind: 'HEALTHCHECK' as const, subcommand, form: form.form, execArgs: form.execArgs });
        }
        return extend(core, { kind: 'HEALTHCHECK' as const, subcommand });
      }
      case 'ONBUILD': {
        const onbuild: OnbuildInstruction = extend(core, { kind: 'ONBUILD' as const, trigger: null as Instruction | null });
        const triggerText = text.slice(argsOffset);
        // `ONBUILD ONBUILD …` is read one level deep: DL3043 reports the chain (BuildKit refuses
        // it), and reading 5,000 levels recursed as deep and took 6 s.
        const trigger =
          argsText.trim() === '' || core.onbuildParent !== null
            ? null
            : this.buildInstruction(text, argsOffset, map, logicalLine, onbuild, core.index);
        (onbuild as { trigger: Instruction | null }).trigger = trigger && triggerText ? trigger : null;
        return onbuild;
      }
      default:
        return extend(core, { kind: core.kind as 'MAINTAINER' | 'STOPSIGNAL' | 'USER' | 'WORKDIR' | 'UNKNOWN' });
    }
  }

  private buildFrom(core: InstructionCore): FromInstruction {
    const words = core.words;
    const imageWord = words[0];
    let asKeyword: string | null = null;
    let asKeywordRange: Range | null = null;
    let stageName: string | null = null;
    let stageNameRange: Range | null = null;
    if (words.length === 3 && words[1]!.value.toLowerCase() === 'as') {
      asKeyword = words[1]!.raw;
      asKeywordRange = words[1]!.range;
      stageName = words[2]!.value;
      stageNameRange = words[2]!.range;
    } else if (words.length !== 1) {
      this.errors.push({
        message: 'FROM requires either one or three arguments',
        line: core.startLine,
        column: 1,
        fatal: true,
      });
      if (words.length >= 3 && words[1]!.value.toLowerCase() === 'as') {
        asKeyword = words[1]!.raw;
        asKeywordRange = words[1]!.range;
        stageName = words[2]!.value;
        stageNameRange = words[2]!.range;
      }
    }
    const rawImage = imageWord?.raw ?? '';
    // FROM sees the global ARGs declared before it and the build args (§1 step 6).
    const globals = new Map<string, string | undefined>();
    for (const argInstruction of this.globalArgs) {
      for (const definition of argInstruction.definitions) globals.set(definition.name, definition.defaultValue ?? undefined);
    }
    const lookup = (name: string): string | undefined =>
      globals.has(name) ? (this.buildArgs.get(name) ?? globals.get(name)) : undefined;
    const expansion = rawImage.includes('$')
      ? expandVariables(rawImage, lookup, this.escapeChar)
      : { value: imageWord?.value ?? '', unresolved: [] as string[] };
    const parts = splitImageReference(expansion.value);
    const image: ImageReference = {
      raw: rawImage,
      expanded: expansion.value,
      unresolvedVariables: [...new Set(expansion.unresolved)],
      ...parts,
      range: imageWord?.range ?? core.keywordRange,
    };
    const platform = core.flags.find((flag) => flag.name === 'platform')?.value ?? null;
    return extend(core, { kind: 'FROM' as const, image, asKeyword, asKeywordRange, stageName, stageNameRange, platform });
  }
}

function toWord(word: RawWord, map: SourceMap): Word {
  return { value: word.value, raw: word.raw, range: rangeOf(map, word.start, word.end) };
}

/**
 * Exec form when the text starts with `[` and the whole of it is a JSON array of strings; anything
 * else falls back to shell form silently (§6 "JSON (exec) form vs shell form").
 */
export function commandForm(argsText: string): CommandForm {
  const trimmed = argsText.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((element) => typeof element === 'string')) {
        // JSON.parse gives an empty list of small integers, a list of strings otherwise (see lists.ts).
        return { form: 'exec', execArgs: parsed.length === 0 ? newList<string>() : (parsed as string[]) };
      }
    } catch {
      // not JSON: shell form
    }
  }
  return { form: 'shell', execArgs: null };
}

function parseMount(value: string): Mount {
  const options = new Map<string, string>();
  for (const field of value.split(',')) {
    const equals = field.indexOf('=');
    const key = (equals === -1 ? field : field.slice(0, equals)).trim().toLowerCase();
    if (key === '') continue;
    options.set(key, equals === -1 ? 'true' : field.slice(equals + 1).trim());
  }
  const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? null;
  return { type: options.get('type') ?? 'bind', options, target };
}

/**
 * ENV/LABEL (BuildKit parseNameVal): if the first word has no `=`, it is the legacy form
 * `key value…` (the value is the rest of the line); otherwise every word is `key=value`.
 */
function parseKeyValues(rawWords: RawWord[], argsText: string, map: SourceMap, escapeChar: string): KeyValuePair[] {
  if (rawWords.length === 0) return newList();
  const first = rawWords[0]!;
  if (!first.raw.includes('=')) {
    const valueStart = rawWords[1]?.start ?? argsText.length;
    const valueRaw = argsText.slice(valueStart);
    return [
      {
        key: first.value,
        value: mapList(splitWords(valueRaw, escapeChar), (word) => word.value)
          .join(' '),
        legacy: true,
        range: rangeOf(map, first.start, argsText.length),
        keyRange: rangeOf(map, first.start, first.end),
      },
    ];
  }
  return mapList(rawWords, (word): KeyValuePair => {
    const equals = word.raw.indexOf('=');
    const keyRaw = equals === -1 ? word.raw : word.raw.slice(0, equals);
    const valueRaw = equals === -1 ? '' : word.raw.slice(equals + 1);
    return {
      key: splitWords(keyRaw, escapeChar)[0]?.value ?? keyRaw,
      value: valueRaw === '' ? '' : (splitWords(valueRaw, escapeChar)[0]?.value ?? ''),
      legacy: false,
      range: rangeOf(map, word.start, word.end),
      keyRange: rangeOf(map, word.start, word.start + keyRaw.length),
    };
  });
}

/** hadolint's RUN text (reference §1 "RUN text"), with a map back to the Dockerfile. */
function runScript(instruction: InstructionCore & CommandForm): ShellScript {
  if (instruction.form === 'exec') {
    const source = (instruction.execArgs ?? []).join(' ');
    const start = instruction.argsMap.positionAt(0);
    return parseShell(source, new SegmentSourceMap([{ offset: 0, line: start.line, column: start.column }]));
  }
  const firstHeredoc = instruction.heredocs[0];
  if (firstHeredoc && /^\d*<<-?/.test(instruction.argsText)) {
    const body = firstHeredoc.body;
    const segments = [];
    let offset = 0;
    let line = firstHeredoc.bodyStartLine;
    for (const [index, bodyLine] of body.split('\n').entries()) {
      // `<<-` stripped leading tabs: the text starts that many columns in.
      segments.push({ offset, line, column: 1 + (firstHeredoc.strippedTabs[index] ?? 0) });
      offset += bodyLine.length + 1;
      line++;
    }
    return parseShell(body, new SegmentSourceMap(segments));
  }
  let source = instruction.argsText;
  if (instruction.heredocs.length > 0) {
    const marker = /(^|\s)\d*<</.exec(source);
    if (marker) source = source.slice(0, marker.index).trimEnd();
  }
  return parseShell(source, instruction.argsMap);
}

/**
 * Turns the core into the finished instruction by setting the kind's fields on it, in place. Not
 * `{ ...core, ...fields }`: a spread followed by new keys cost V8 2-10 µs per instruction (the copy
 * gets no room for the added keys and takes its slow path), a third of the whole parse. The fields
 * already exist (InstructionRecord), so no instruction changes its hidden class here.
 */
function extend<Fields extends object>(core: InstructionCore, fields: Fields): Omit<InstructionCore, keyof Fields> & Fields {
  const target = core as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) target[key] = (fields as Record<string, unknown>)[key];
  return core as unknown as Omit<InstructionCore, keyof Fields> & Fields;
}

const WORDS_STATE = Symbol('words');
const SCRIPT_CACHE = Symbol('script');

/**
 * The one runtime shape of every instruction, whatever its kind. Each kind's own fields exist
 * (undefined) from the start and `specialise` only sets its kind's, so all instructions share one
 * hidden class. With one class per kind (eleven), the rules' reads of `kind`, `startLine`,
 * `flags`… over a file's instructions were megamorphic, and each rare kind first met late in a run
 * (an ONBUILD, a HEALTHCHECK) threw optimised rule code away ("wrong map"), to be compiled again on
 * a background thread that a second worker needs. `words` and `script` are getters on the class,
 * not accessors defined on each object (four defineProperty calls per instruction cost 2% of a
 * whole-corpus run). Only `in`, `Object.keys` and the prototype can tell.
 */
// The core fields are declared once, in InstructionCore, and merged in here; the constructor sets
// every one of them.
interface InstructionRecord extends Omit<InstructionCore, 'words'> {}
class InstructionRecord {
  form: unknown = undefined;
  execArgs: unknown = undefined;
  image: unknown = undefined;
  asKeyword: unknown = undefined;
  asKeywordRange: unknown = undefined;
  stageName: unknown = undefined;
  stageNameRange: unknown = undefined;
  platform: unknown = undefined;
  mounts: unknown = undefined;
  network: unknown = undefined;
  security: unknown = undefined;
  sources: unknown = undefined;
  destination: unknown = undefined;
  heredocSources: unknown = undefined;
  from: unknown = undefined;
  pairs: unknown = undefined;
  definitions: unknown = undefined;
  ports: unknown = undefined;
  subcommand: unknown = undefined;
  trigger: unknown = undefined;
  /** A RUN's until its words are first read: the file's escape character; then (any kind) the words. */
  [WORDS_STATE]: string | Word[];
  [SCRIPT_CACHE]: ShellScript | undefined = undefined;

  constructor(core: Omit<InstructionCore, 'words'>, words: string | Word[]) {
    this.kind = core.kind;
    this.keyword = core.keyword;
    this.keywordRange = core.keywordRange;
    this.range = core.range;
    this.startLine = core.startLine;
    this.logicalEndLine = core.logicalEndLine;
    this.endLine = core.endLine;
    this.flags = core.flags;
    this.argsText = core.argsText;
    this.argsMap = core.argsMap;
    this.emptyContinuationLines = core.emptyContinuationLines;
    this.heredocs = core.heredocs;
    this.stageIndex = core.stageIndex;
    this.onbuildParent = core.onbuildParent;
    this.index = core.index;
    this[WORDS_STATE] = words;
  }

  /**
   * A RUN's are split from its arguments on first access: few rules read them (the shell parser
   * gives the script's words), and splitting every script was a fifth of all allocation.
   */
  get words(): Word[] {
    const state = this[WORDS_STATE];
    if (typeof state !== 'string') return state;
    const words = mapList(splitWords(this.argsText, state), (word) => toWord(word, this.argsMap));
    this[WORDS_STATE] = words;
    return words;
  }

  /** A RUN's is parsed on first access and cached (at most once per RUN); other kinds have none. */
  get script(): ShellScript | undefined {
    if (this.kind !== 'RUN') return undefined;
    let script = this[SCRIPT_CACHE];
    if (script === undefined) {
      script = runScript(this as unknown as InstructionCore & CommandForm);
      this[SCRIPT_CACHE] = script;
    }
    return script;
  }
}
