/**
 * BuildKit's check configuration (buildkit-checks.md §4): the `# check=` parser directive, the
 * `BUILDKIT_DOCKERFILE_CHECK` build arg that replaces it, and per-instruction `# check=` comments.
 * It only concerns rules that answer to a BuildKit check name.
 */
import { perDockerfile } from '../parser/derived.js';
import type { Dockerfile, Instruction } from '../parser/types.js';

export interface CheckOptions {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly experimentalAll: boolean;
  readonly experimental: ReadonlySet<string>;
  readonly error: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  skipAll: false,
  skip: new Set(),
  experimentalAll: false,
  experimental: new Set(),
  error: false,
};

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** `linter.ParseLintOptions`: `skip=A,B;experimental=C;error=true`, at most 3 `;` parts. */
export function parseCheckOptions(value: string): CheckOptions | { error: string } {
  const trimmed = value.trim();
  if (trimmed === '') return DEFAULT_CHECK_OPTIONS;
  const parts: string[] = [];
  let rest = trimmed;
  // Go's strings.SplitN(s, ";", 3): a 4th part stays glued to the 3rd.
  for (let count = 0; count < 2; count++) {
    const semicolon = rest.indexOf(';');
    if (semicolon === -1) break;
    parts.push(rest.slice(0, semicolon));
    rest = rest.slice(semicolon + 1);
  }
  parts.push(rest);
  let skipAll = false;
  const skip = new Set<string>();
  let experimentalAll = false;
  const experimental = new Set<string>();
  let error = false;
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals === -1) return { error: `invalid check option "${part}"` };
    const key = part.slice(0, equals).trim();
    const optionValue = part.slice(equals + 1).trim();
    switch (key) {
      case 'skip':
        if (optionValue === 'all') skipAll = true;
        else for (const name of optionValue.split(',')) if (name.trim()) skip.add(name.trim());
        break;
      case 'experimental':
        if (optionValue === 'all') experimentalAll = true;
        else for (const name of optionValue.split(',')) if (name.trim()) experimental.add(name.trim());
        break;
      case 'error':
        if (GO_TRUE.has(optionValue)) error = true;
        else if (GO_FALSE.has(optionValue)) error = false;
        else return { error: `strconv.ParseBool: parsing "${optionValue}": invalid syntax` };
        break;
      default:
        return { error: `invalid check option "${key}"` };
    }
  }
  return { skipAll, skip, experimentalAll, experimental, error };
}

export interface CheckConfiguration {
  readonly options: CheckOptions;
  /** Set when the configuration is malformed: BuildKit then runs no check at all. */
  readonly error: string | null;
  /** Where the configuration came from, for messages. */
  readonly source: 'default' | 'directive' | 'build-arg';
}

export function resolveCheckConfiguration(
  dockerfile: Dockerfile,
  buildArgs: ReadonlyMap<string, string>,
): CheckConfiguration {
  const fromBuildArg = buildArgs.get('BUILDKIT_DOCKERFILE_CHECK');
  if (fromBuildArg !== undefined) {
    const parsed = parseCheckOptions(fromBuildArg);
    return 'skipAll' in parsed
      ? { options: parsed, error: null, source: 'build-arg' }
      : {
          options: DEFAULT_CHECK_OPTIONS,
          error: `failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: ${parsed.error}`,
          source: 'build-arg',
        };
  }
  const directive = dockerfile.directives.find((candidate) => candidate.name === 'check');
  // The directive reader needs `#` in column 0; an indented one is swallowed but never applied.
  if (!directive || directive.range.start.column !== 1) {
    return { options: DEFAULT_CHECK_OPTIONS, error: null, source: 'default' };
  }
  // Only the text before the first space of the value is used (§4 "File directive").
  const value = directive.value.split(/\s/)[0] ?? '';
  const parsed = parseCheckOptions(value);
  return 'skipAll' in parsed
    ? { options: parsed, error: null, source: 'directive' }
    : { options: DEFAULT_CHECK_OPTIONS, error: `failed to parse check options: ${parsed.error}`, source: 'directive' };
}

/** Is a BuildKit check (by its exact, case-sensitive name) enabled under these options? */
export function isCheckEnabled(options: CheckOptions, checkName: string, experimental: boolean): boolean {
  if (experimental) return options.experimentalAll || options.experimental.has(checkName);
  if (options.skipAll) return false;
  return !options.skip.has(checkName);
}

/**
 * Comment blocks attached to instructions (buildkit-checks.md §5), BuildKit's `PrevComment`:
 * every comment line outside a continuation or heredoc goes into a buffer, stored as
 * `TrimSpace(line[1:])` of the untrimmed line (so `  # x` is kept as `# x`). A comment whose stored
 * text is empty (a bare `#` in column 1) clears the buffer, blank lines do not, and each
 * instruction consumes it. Parser-directive lines are not part of it.
 */
export const commentBlocks: (dockerfile: Dockerfile) => ReadonlyMap<Instruction, readonly string[]> = perDockerfile(computeCommentBlocks);

function computeCommentBlocks(dockerfile: Dockerfile): ReadonlyMap<Instruction, readonly string[]> {
  const directiveLines = new Set(dockerfile.directives.map((directive) => directive.line));
  const comments = dockerfile.comments.filter(
    (comment) => !comment.insideContinuation && !directiveLines.has(comment.line),
  );
  const blocks = new Map<Instruction, readonly string[]>();
  let commentIndex = 0;
  for (const instruction of dockerfile.instructions) {
    let buffer: string[] = [];
    while (commentIndex < comments.length && comments[commentIndex]!.line < instruction.startLine) {
      const line = dockerfile.lines[comments[commentIndex]!.line - 1] ?? '';
      const stored = line.slice(1).trim();
      if (stored === '') buffer = [];
      else buffer.push(stored);
      commentIndex++;
    }
    // Comments inside a heredoc body are not comments; skip anything up to the instruction's end.
    while (commentIndex < comments.length && comments[commentIndex]!.line <= instruction.endLine) commentIndex++;
    if (buffer.length > 0) blocks.set(instruction, buffer);
  }
  return blocks;
}

/** The additions a per-instruction `# check=` comment makes: skips and experimental enables only. */
export type CheckComment = Pick<CheckOptions, 'skipAll' | 'skip' | 'experimentalAll' | 'experimental'>;

const CHECK_COMMENT = /^#\s*check\s*=\s*(.+?)\s*$/i;

/**
 * The per-instruction check comment (§4 "Per-instruction check comments", since dockerfile 1.21):
 * the first line of the instruction's comment block that parses as a `check=` directive; only the
 * value's first word counts; a malformed value is silently ignored; `error=` is ignored.
 */
export function instructionCheckComment(dockerfile: Dockerfile, instruction: Instruction): CheckComment | null {
  const block = commentBlocks(dockerfile).get(instruction);
  if (!block) return null;
  for (const stored of block) {
    // The stored text has lost its `#`; an indented comment's still starts with `#` and never matches.
    const match = CHECK_COMMENT.exec(`#${stored}`);
    if (!match) continue;
    const parsed = parseCheckOptions(match[1]!.split(/\s/)[0] ?? '');
    return 'skipAll' in parsed ? parsed : null;
  }
  return null;
}

/**
 * Checks a per-instruction comment cannot affect (§4): whole-file checks, and
 * MultipleInstructionsDisallowed, which is reported at the earlier instruction but decided by the
 * later one's comments (its rule applies them itself).
 */
export const CHECKS_NOT_SCOPED_BY_INSTRUCTION_COMMENTS: ReadonlySet<string> = new Set([
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'InvalidDefaultArgInFrom',
  'InvalidBaseImagePlatform',
  'MultipleInstructionsDisallowed',
]);

/** Does an instruction's check comment skip this check? (Experimental checks ignore skips.) */
export function isSkippedByCheckComment(comment: CheckComment | null, checkName: string, experimental: boolean): boolean {
  if (!comment || experimental) return false;
  return comment.skipAll || comment.skip.has(checkName);
}

/** Does an instruction's check comment enable this experimental check for that instruction? */
export function isEnabledByCheckComment(comment: CheckComment | null, checkName: string): boolean {
  return comment !== null && (comment.experimentalAll || comment.experimental.has(checkName));
}

/** Whether any instruction's check comment enables this experimental check. */
export function anyCheckCommentEnables(dockerfile: Dockerfile, checkName: string): boolean {
  for (const instruction of commentBlocks(dockerfile).keys()) {
    if (isEnabledByCheckComment(instructionCheckComment(dockerfile, instruction), checkName)) return true;
  }
  return false;
}
