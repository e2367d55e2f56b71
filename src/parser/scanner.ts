/**
 * The line loop of BuildKit's `frontend/dockerfile/parser/parser.go`, mirrored: parser directives,
 * comments, line continuations (comment and blank lines inside one are dropped), and heredoc bodies.
 * It yields logical lines with a map back to physical positions; `parse.ts` turns them into
 * instructions. Reference: buildkit-checks.md §6.
 *
 * Why not dockerfile-ast's segmentation: it treats an escaped escape at the end of a line (`\\`) as
 * a continuation and honours `# escape=` after an unknown directive; BuildKit does neither, and the
 * lines a build runs are what we must lint.
 */
import type { Comment, Directive, Heredoc, ParseError } from './types.js';
import { SegmentSourceMap, type Segment, lineRange } from './source-map.js';
import { splitWords } from './words.js';
import { isRegExpSpace } from './chars.js';
import { newList } from './lists.js';

/**
 * `/^(\S+)\s*(.*)$/s` at `from`, without the match: the first word, lower-cased ('' when the text
 * there starts with a blank or is empty), and where what follows it and its blanks starts.
 */
function firstWord(text: string, from: number): { keyword: string; restOffset: number } {
  let end = from;
  while (end < text.length && !isRegExpSpace(text.charCodeAt(end))) end++;
  if (end === from) return { keyword: '', restOffset: from };
  let restOffset = end;
  while (restOffset < text.length && isRegExpSpace(text.charCodeAt(restOffset))) restOffset++;
  return { keyword: text.slice(from, end).toLowerCase(), restOffset };
}

/** BuildKit refuses longer lines (`bufio.Scanner` limit in parser.go). */
export const MAX_LINE_BYTES = 65535;

/**
 * A file is read up to this many instructions. The largest of the shared corpus's 20,000 real
 * Dockerfiles has 336. Each instruction's model, shell parse and findings cost ~50-100 µs and
 * ~4 KB: a 1 MB file of `RUN echo hi` lines (87,000 instructions) took 2.7 s and 440 MB, and the
 * 20 MiB a file may be would have run out of memory. Issue 8's budget for bad input is 1 s per MB.
 */
export const MAX_INSTRUCTIONS = 5000;

const DIRECTIVE_PATTERN = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** A heredoc word (§6 "Heredocs"): `[fd]<<[-][ ]delimiter`, the delimiter holding no `<`. */
const HEREDOC_WORD = /^(\d*)<<(-?)\s*([^<]*)$/;
const HEREDOC_KINDS = new Set(['run', 'copy', 'add']);

export interface LogicalLine {
  /** Physical line pieces joined with no separator. */
  readonly text: string;
  /** Its first word, lower-cased: the instruction's keyword (`onbuild` for an ONBUILD). */
  readonly keyword: string;
  readonly map: SegmentSourceMap;
  readonly startLine: number;
  readonly endLine: number;
  readonly emptyContinuationLines: readonly number[];
  readonly heredocs: readonly Heredoc[];
  /** Lines of the file are longer than BuildKit allows. */
  readonly overlong: boolean;
}

export interface ScanResult {
  readonly escapeChar: '\\' | '`';
  readonly directives: readonly Directive[];
  readonly comments: readonly Comment[];
  readonly logicalLines: readonly LogicalLine[];
  readonly errors: ParseError[];
}

function leadingWhitespaceLength(line: string): number {
  let index = 0;
  while (index < line.length && (line[index] === ' ' || line[index] === '\t')) index++;
  return index;
}

/**
 * BuildKit's `trimContinuationCharacter`: a line continues when it matches `([^E])E[ \t]*$` or
 * `^E[ \t]*$`; an escaped escape (`\\`) at the end does not continue.
 */
function trimContinuation(line: string, escapeChar: string): { text: string; continues: boolean } {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end === 0 || line[end - 1] !== escapeChar) return { text: line, continues: false };
  if (end >= 2 && line[end - 2] === escapeChar) return { text: line, continues: false };
  return { text: line.slice(0, end - 1), continues: true };
}

function byteLength(line: string): number {
  return line.length > MAX_LINE_BYTES / 3 ? Buffer.byteLength(line, 'utf8') : line.length;
}

function readDirectives(lines: readonly string[]): { directives: Directive[]; errors: ParseError[] } {
  const directives = newList<Directive>();
  const errors: ParseError[] = [];
  const seen = new Set<string>();
  // The escape reader stops at a shebang, the syntax/check readers skip one (§6 "Parser directives").
  let escapeBlockOpen = true;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const trimmed = line.slice(leadingWhitespaceLength(line));
    if (index === 0 && trimmed.startsWith('#!')) {
      escapeBlockOpen = false;
      continue;
    }
    const match = DIRECTIVE_PATTERN.exec(trimmed);
    if (!match) break;
    const name = match[1]!.toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) break;
    if (name === 'escape' && !escapeBlockOpen) break;
    if (seen.has(name)) {
      errors.push({ message: `only one ${name} parser directive can be used`, line: index + 1, column: 1, fatal: true });
      break;
    }
    seen.add(name);
    const column = line.indexOf('#') + 1;
    directives.push({ name, value: match[2]!, line: index + 1, range: lineRange(index + 1, column, line.length + 1) });
  }
  return { directives, errors };
}

interface HeredocSpec {
  readonly delimiter: string;
  readonly stripTabs: boolean;
  readonly quoted: boolean;
  readonly fd: number | null;
  readonly markerStart: number;
  readonly markerEnd: number;
}

/** Heredoc markers in a logical line (§6 "Heredocs"): whole shell words only. */
export function findHeredocMarkers(text: string, escapeChar: string): HeredocSpec[] | string {
  if (!text.includes('<<')) return [];
  const words = splitWords(text, escapeChar);
  const specs: HeredocSpec[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    // Only an unquoted `<<` starts a heredoc: `"<<EOF"` and `'<<EOF'` are plain words.
    if (!/^\d*<</.test(word.raw)) continue;
    const match = HEREDOC_WORD.exec(word.raw);
    if (!match) continue;
    let delimiterRaw = match[3]!;
    let markerEnd = word.end;
    if (delimiterRaw === '') {
      // `<< EOF` (allowed since dockerfile 1.16): the delimiter is the next word.
      const next = words[index + 1];
      if (!next || next.raw.includes('<')) continue;
      delimiterRaw = next.raw;
      markerEnd = next.end;
      index++;
    }
    const quoted = /["']/.test(delimiterRaw);
    const unquoted = splitWords(delimiterRaw, escapeChar);
    if (unquoted.length !== 1 || unquoted[0]!.unterminatedQuote) return `unterminated quote in heredoc delimiter ${delimiterRaw}`;
    specs.push({
      delimiter: unquoted[0]!.value,
      stripTabs: match[2] === '-',
      quoted,
      fd: match[1] ? Number(match[1]) : null,
      markerStart: word.start,
      markerEnd,
    });
  }
  return specs;
}

export function scanDockerfile(lines: readonly string[]): ScanResult {
  const { directives, errors } = readDirectives(lines);
  const escapeDirective = directives.find((directive) => directive.name === 'escape');
  let escapeChar: '\\' | '`' = '\\';
  if (escapeDirective) {
    if (escapeDirective.value === '`' || escapeDirective.value === '\\') escapeChar = escapeDirective.value;
    else
      errors.push({
        message: `invalid escape token '${escapeDirective.value}' does not match ${'`'} or \\`,
        line: escapeDirective.line,
        column: 1,
        fatal: true,
      });
  }
  const comments: Comment[] = [];
  const logicalLines: LogicalLine[] = [];
  let lineIndex = 0;
  const lineCount = lines.length;

  const pushComment = (line: string, lineNumber: number, insideContinuation: boolean): void => {
    const hash = line.indexOf('#');
    comments.push({
      text: line.slice(hash + 1),
      line: lineNumber,
      range: lineRange(lineNumber, hash + 1, line.length + 1),
      insideContinuation,
    });
  };

  while (lineIndex < lineCount) {
    const line = lines[lineIndex]!;
    const lineNumber = lineIndex + 1;
    lineIndex++;
    const leading = leadingWhitespaceLength(line);
    if (leading === line.length) continue;
    if (line[leading] === '#') {
      pushComment(line, lineNumber, false);
      continue;
    }
    if (logicalLines.length === MAX_INSTRUCTIONS) {
      errors.push({ message: `more than ${MAX_INSTRUCTIONS} instructions: the file is not read past this line`, line: lineNumber, column: 1, fatal: true });
      break;
    }
    let overlong = byteLength(line) > MAX_LINE_BYTES;
    const first = trimContinuation(line.slice(leading), escapeChar);
    const segments: Segment[] = [{ offset: 0, line: lineNumber, column: leading + 1 }];
    let text = first.text;
    let continues = first.continues;
    let endLine = lineNumber;
    const emptyContinuationLines: number[] = [];
    while (continues && lineIndex < lineCount) {
      const next = lines[lineIndex]!;
      const nextNumber = lineIndex + 1;
      lineIndex++;
      const nextLeading = leadingWhitespaceLength(next);
      if (next[nextLeading] === '#') {
        pushComment(next, nextNumber, true);
        continue;
      }
      if (nextLeading === next.length) {
        emptyContinuationLines.push(nextNumber);
        continue;
      }
      if (byteLength(next) > MAX_LINE_BYTES) overlong = true;
      const piece = trimContinuation(next, escapeChar);
      segments.push({ offset: text.length, line: nextNumber, column: 1 });
      text += piece.text;
      continues = piece.continues;
      endLine = nextNumber;
    }
    if (overlong) {
      errors.push({
        message: `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`,
        line: lineNumber,
        column: 1,
        fatal: true,
      });
    }
    const map = new SegmentSourceMap(segments);
    // Heredocs: RUN, COPY, ADD, also as an ONBUILD trigger, in non-JSON form (§6 "Heredocs").
    const heredocs = newList<Heredoc>();
    const lineKeyword = firstWord(text, 0);
    // Heredocs belong to an ONBUILD's trigger: its keyword decides.
    const { keyword, restOffset } = lineKeyword.keyword === 'onbuild' ? firstWord(text, lineKeyword.restOffset) : lineKeyword;
    const rest = text.slice(restOffset);
    if (!overlong && HEREDOC_KINDS.has(keyword) && !rest.trimStart().startsWith('[') && rest.includes('<<')) {
      const specs = findHeredocMarkers(rest, escapeChar);
      if (typeof specs === 'string') {
        errors.push({ message: specs, line: lineNumber, column: 1, fatal: true });
      } else {
        for (const spec of specs) {
          const bodyLines: string[] = [];
          const strippedTabs: number[] = [];
          const bodyStartLine = lineIndex + 1;
          let terminated = false;
          while (lineIndex < lineCount) {
            const bodyLine = lines[lineIndex]!;
            lineIndex++;
            const candidate = spec.stripTabs ? bodyLine.replace(/^\t+/, '') : bodyLine;
            if (candidate === spec.delimiter) {
              terminated = true;
              break;
            }
            bodyLines.push(candidate);
            strippedTabs.push(bodyLine.length - candidate.length);
          }
          if (!terminated) {
            errors.push({
              message: `unterminated heredoc: no line "${spec.delimiter}" closes the heredoc opened on line ${lineNumber}`,
              line: lineNumber,
              column: map.positionAt(restOffset + spec.markerStart).column,
              fatal: true,
            });
          }
          const terminatorLine = terminated ? lineIndex : Math.max(lineIndex, bodyStartLine - 1);
          endLine = Math.max(endLine, terminatorLine);
          const markerStartPosition = map.positionAt(restOffset + spec.markerStart);
          const markerEndPosition = map.positionAt(restOffset + spec.markerEnd - 1);
          heredocs.push({
            delimiter: spec.delimiter,
            stripTabs: spec.stripTabs,
            quoted: spec.quoted,
            fd: spec.fd,
            body: bodyLines.length === 0 ? '' : `${bodyLines.join('\n')}\n`,
            strippedTabs,
            bodyStartLine,
            terminatorLine,
            markerRange: {
              start: markerStartPosition,
              end: { line: markerEndPosition.line, column: markerEndPosition.column + 1 },
            },
            terminated,
          });
        }
      }
    }
    logicalLines.push({ text, keyword: lineKeyword.keyword, map, startLine: lineNumber, endLine, emptyContinuationLines, heredocs, overlong });
  }
  return { escapeChar, directives, comments, logicalLines, errors };
}
