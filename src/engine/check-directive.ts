/**
 * BuildKit's check configuration (buildkit-checks.md §4): the `# check=` parser directive, the
 * `BUILDKIT_DOCKERFILE_CHECK` build arg that replaces it, and per-instruction `# check=` comments.
 * It only concerns rules that answer to a BuildKit check name.
 */
import type { Dockerfile } from '../parser/types.js';

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
