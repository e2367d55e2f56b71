/**
 * Small pieces of Go behaviour BuildKit's checks depend on: `%q` quoting, `suggest.Search`,
 * containerd's `platforms.Parse`, distribution's `reference.ParseNormalizedNamed`.
 */
import { distance } from 'fastest-levenshtein';
import { perDockerfile } from '../../parser/derived.js';
import { detachedCopy } from '../../parser/detached.js';
import type { InheritedMap } from '../../parser/inherited-map.js';
import type { Dockerfile } from '../../parser/types.js';

/** Go's `%q` for a string: JSON-like, but `\x..` for control bytes and printable Unicode kept. */
export function goQuote(text: string): string {
  let out = '"';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    switch (character) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0xfffd) out += '\\ufffd';
    else out += character;
  }
  return `${out}"`;
}

/** Name comparisons one file's "did you mean" searches may make in all (SuggestionBudget). */
export const SUGGESTION_COMPARISONS_PER_FILE = 1_000_000;

/**
 * What is left of a file's comparisons for suggestions. Each undefined variable is compared with
 * every name in scope, so a file of thousands of names and as many undefined uses costs their
 * product: 5,000 of each took 1.4 s, and one ENV can declare a hundred thousand names. Past the
 * budget, findings keep their message without the suggestion. A million comparisons is ~60 ms;
 * the most a corpus file makes is 632 (and a search is made whole or not at all, so no
 * suggestion depends on where the budget ran out inside one).
 */
export class SuggestionBudget {
  constructor(public remaining: number = SUGGESTION_COMPARISONS_PER_FILE) {}
}

/** One budget per file, shared by the checks that suggest names (UndefinedVar, UndefinedArgInFrom). */
export const suggestionBudgetOf: (dockerfile: Dockerfile) => SuggestionBudget = perDockerfile(() => new SuggestionBudget());

/**
 * BuildKit's `util/suggest.Search`: the option closest to `value` by Levenshtein distance, if
 * that distance is below 3; the first one wins a tie. Null, without searching, when the search
 * would overdraw `budget`.
 */
export function suggestClosest(value: string, options: readonly string[] | InheritedMap<unknown>, budget: SuggestionBudget): string | null {
  if (value === '') return null;
  // A stage's variables are counted without being listed (a name set in several stages counts once
  // per stage): listing them is itself part of the cost the budget bounds.
  const count = Array.isArray(options) ? options.length : (options as InheritedMap<unknown>).sizeBound;
  if (count > budget.remaining) {
    budget.remaining = 0;
    return null;
  }
  budget.remaining -= count;
  let best: string | null = null;
  let bestDistance = 3;
  for (const option of Array.isArray(options) ? options : (options as InheritedMap<unknown>).keys()) {
    const optionDistance = distance(value, option);
    if (optionDistance < bestDistance) {
      bestDistance = optionDistance;
      best = option;
    }
  }
  return best;
}

/** The platform BuildKit builds for when none is given; predefined ARGs take their values from it. */
export const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64', variant: '' } as const;

/** Predefined platform ARGs (buildkit-checks.md §2 UndefinedArgInFrom) with the default platform's values. */
export const PREDEFINED_PLATFORM_ARGS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', ''],
]);

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos', 'wasip1',
]);
const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips',
  'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x',
  'sparc', 'sparc64', 'wasm',
]);
const PLATFORM_COMPONENT = /^[A-Za-z0-9_.-]+$/;

export interface ParsedPlatform {
  readonly os: string;
  readonly architecture: string;
}

function normalizeOs(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string): string {
  const lower = arch.toLowerCase();
  switch (lower) {
    case 'i386':
      return '386';
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return 'amd64';
    case 'aarch64':
    case 'arm64':
      return 'arm64';
    case 'armhf':
    case 'armel':
      return 'arm';
    default:
      return lower;
  }
}

/** containerd's `platforms.Parse` (OS and architecture only), or null when it would fail. */
export function parsePlatform(specifier: string): ParsedPlatform | null {
  // `os(osversion)/arch`: the OS version in parentheses is split off before validation.
  const withoutOsVersion = specifier.replace(/^([^(/]*)\([^)]*\)/, '$1');
  const parts = withoutOsVersion.split('/');
  if (parts.some((part) => !PLATFORM_COMPONENT.test(part))) return null;
  switch (parts.length) {
    case 1: {
      const os = normalizeOs(parts[0]!);
      if (KNOWN_OS.has(os)) return { os, architecture: DEFAULT_PLATFORM.architecture };
      const architecture = normalizeArch(parts[0]!);
      return KNOWN_ARCH.has(architecture) ? { os: DEFAULT_PLATFORM.os, architecture } : null;
    }
    case 2:
    case 3:
      return { os: normalizeOs(parts[0]!), architecture: normalizeArch(parts[1]!) };
    default:
      return null;
  }
}

// distribution/reference grammar (reference/regexp.go).
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = `(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Answers by reference: base images repeat across a run's Dockerfiles (a handful of distributions
 * and language images), and the reference grammar is a large regular expression.
 */
const validityByReference = new Map<string, boolean>();

/** Does `reference.ParseNormalizedNamed` accept this image reference? */
export function isValidNormalizedNamed(reference: string): boolean {
  let valid = validityByReference.get(reference);
  if (valid === undefined) {
    valid = parsesAsNormalizedNamed(reference);
    // Bounded: a run over many files sees many distinct references.
    if (validityByReference.size >= 4096) validityByReference.clear();
    // Kept across files: a key cut from a Dockerfile would keep that whole file alive.
    validityByReference.set(detachedCopy(reference), valid);
  }
  return valid;
}

function parsesAsNormalizedNamed(reference: string): boolean {
  if (reference.length > 2048 || IDENTIFIER.test(reference)) return false;
  const slash = reference.indexOf('/');
  let domain = 'docker.io';
  let remainder = reference;
  if (slash !== -1) {
    const first = reference.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      remainder = reference.slice(slash + 1);
    }
  }
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  const tagSeparator = remainder.indexOf(':');
  const remoteName = tagSeparator === -1 ? remainder : remainder.slice(0, tagSeparator);
  if (remoteName.toLowerCase() !== remoteName) return false;
  const match = REFERENCE.exec(`${domain}/${remainder}`);
  if (!match) return false;
  if (match[1]!.length > 255) return false;
  const digest = match[3];
  if (digest !== undefined) {
    const [algorithm, encoded] = digest.split(':') as [string, string];
    if (DIGEST_LENGTHS[algorithm] !== encoded.length || !/^[a-f0-9]+$/.test(encoded)) return false;
  }
  return true;
}

/** SecretsUsedInArgOrEnv's patterns (buildkit-checks.md §2). */
const SECRET_TOKENS = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export function looksLikeSecretName(name: string): boolean {
  return SECRET_TOKENS.test(name) && !SECRET_ALLOWED.test(name);
}
