/**
 * What the context rules look for in a walked context: folders that never belong in a build
 * (`junkInContext`) and files that look like credentials (`secretFiles`).
 */
import { compareNames } from '../../engine/types.js';
import { contextIndex, folderSizes, perWalk } from '../../context/query.js';
import type { BuildContext, ContextFile } from '../../context/types.js';
import { formatBytes } from './facts.js';

export interface JunkItem {
  readonly path: string;
  readonly what: string;
  readonly files: number;
  readonly bytes: number;
}

/** Folder names that are junk wherever they are. */
const JUNK_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['.git', 'git history'],
  ['.hg', 'Mercurial history'],
  ['.svn', 'Subversion metadata'],
  ['node_modules', 'installed npm packages'],
  ['bower_components', 'installed Bower packages'],
  ['__pycache__', 'Python bytecode'],
  ['.pytest_cache', 'pytest cache'],
  ['.mypy_cache', 'mypy cache'],
  ['.ruff_cache', 'ruff cache'],
  ['.tox', 'tox environments'],
  ['.nox', 'nox environments'],
  ['.venv', 'a Python virtualenv'],
  ['.idea', 'JetBrains settings'],
  ['.vscode', 'VS Code settings'],
  ['.vs', 'Visual Studio settings'],
  ['.gradle', 'Gradle cache'],
  ['.terraform', 'Terraform plugins'],
  ['.next', 'Next.js build output'],
  ['.nuxt', 'Nuxt build output'],
  ['.turbo', 'Turborepo cache'],
  ['.parcel-cache', 'Parcel cache'],
  ['coverage', 'test coverage output'],
]);

/** File names that are junk wherever they are. */
const JUNK_FILES: ReadonlyMap<string, string> = new Map([
  ['.DS_Store', 'macOS folder metadata'],
  ['Thumbs.db', 'Windows thumbnails'],
]);

/** Names that are junk only with a sibling that proves what they are. */
function contextualJunk(name: string, siblingNames: ReadonlySet<string>, childNames: ReadonlySet<string>): string | null {
  if (name === 'target' && (siblingNames.has('Cargo.toml') || siblingNames.has('pom.xml'))) return 'build output';
  if ((name === 'bin' || name === 'obj') && [...siblingNames].some((sibling) => /\.(?:cs|fs|vb)proj$/u.test(sibling))) return '.NET build output';
  if ((name === 'venv' || name === 'env' || name === 'virtualenv') && childNames.has('pyvenv.cfg')) return 'a Python virtualenv';
  if (name === 'build' && siblingNames.has('build.gradle')) return 'Gradle build output';
  return null;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Junk folders and files that are sent (not excluded), outermost only, largest first. */
const junkCache = new WeakMap<readonly ContextFile[], JunkItem[]>();
const secretCache = new WeakMap<readonly ContextFile[], SecretFile[]>();

/** Junk folders and files that are sent (not excluded), outermost only, largest first; once per walk. */
export function junkInContext(context: BuildContext): JunkItem[] {
  return perWalk(junkCache, context, () => computeJunk(context));
}

function computeJunk(context: BuildContext): JunkItem[] {
  const { children } = contextIndex(context);
  const sizes = folderSizes(context, { includeIgnored: false });
  const found: JunkItem[] = [];
  const reported: string[] = [];
  const namesIn = (folder: string): Set<string> => new Set((children.get(folder) ?? []).map((entry) => baseName(entry.path)));
  for (const entry of context.entries) {
    if (entry.ignored || entry.isSymlink) continue;
    if (reported.some((folder) => entry.path.startsWith(`${folder}/`))) continue;
    const name = baseName(entry.path);
    let what: string | null;
    if (entry.isDirectory) {
      what = JUNK_FOLDERS.get(name) ?? null;
      if (what === null) {
        const slash = entry.path.lastIndexOf('/');
        what = contextualJunk(name, namesIn(slash === -1 ? '' : entry.path.slice(0, slash)), namesIn(entry.path));
      }
    } else what = JUNK_FILES.get(name) ?? null;
    if (what === null) continue;
    const size = entry.isDirectory ? (sizes.get(entry.path) ?? { files: 0, bytes: 0 }) : { files: 1, bytes: entry.size };
    if (size.files === 0) continue;
    if (entry.isDirectory) reported.push(entry.path);
    found.push({ path: entry.path, what, files: size.files, bytes: size.bytes });
  }
  return found.sort((a, b) => b.bytes - a.bytes || compareNames(a.path, b.path));
}

/** `.git (12.3 MiB), node_modules (150.0 MiB)`, at most `limit` items then `and N more`. */
export function describeJunk(items: readonly JunkItem[], limit = 8): string {
  const shown = items.slice(0, limit).map((item) => `${item.path} (${formatBytes(item.bytes)})`);
  const rest = items.length - limit;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

export interface SecretFile {
  readonly entry: ContextFile;
  readonly what: string;
}

const SAFE_ENV_SUFFIX = /\.(?:example|sample|template|dist|defaults?|tpl|schema)$/iu;
const SSH_KEY = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/u;

/** What a file name says about it being a secret, or null. */
function secretByName(path: string): string | null {
  const name = baseName(path);
  const lower = name.toLowerCase();
  if ((lower === '.env' || lower.startsWith('.env.')) && !SAFE_ENV_SUFFIX.test(lower)) return 'a dotenv file';
  if (SSH_KEY.test(name)) return 'an SSH private key';
  if (/\.(?:pem|key)$/u.test(lower)) return 'a private key or certificate';
  if (/\.(?:p12|pfx|jks|keystore|ppk)$/u.test(lower)) return 'a key store';
  if (lower === '.htpasswd') return 'a password file';
  if (lower === 'kubeconfig' || path.endsWith('.kube/config')) return 'a kubeconfig';
  if (path.endsWith('.aws/credentials')) return 'AWS credentials';
  if (lower === '.boto' || lower === '.s3cfg') return 'cloud storage credentials';
  if (/^(?:gcp|gcloud|google)[-_].*\.json$|^service[-_]account.*\.json$|^credentials\.json$/u.test(lower)) return 'cloud service-account credentials';
  if (lower === 'terraform.tfstate' || lower.endsWith('.tfstate')) return 'Terraform state (holds secrets)';
  return null;
}

/** Test data holds fake keys and certificates on purpose (moby's `testdata/*.pem`). */
const TEST_FOLDER = /(?:^|\/)(?:testdata|test-data|fixtures|__fixtures__|test|tests|__tests__|spec)\//u;

/** Files that look like secrets and are sent to the builder (test folders excepted). */
export function secretFiles(context: BuildContext): SecretFile[] {
  return perWalk(secretCache, context, () => computeSecrets(context));
}

function computeSecrets(context: BuildContext): SecretFile[] {
  const found: SecretFile[] = [];
  for (const entry of context.entries) {
    if (entry.ignored || entry.isDirectory || entry.isSymlink || TEST_FOLDER.test(entry.path)) continue;
    const byName = secretByName(entry.path);
    if (byName) found.push({ entry, what: byName });
    else if (entry.credentialHint) found.push({ entry, what: `a ${baseName(entry.path)} with ${entry.credentialHint}` });
  }
  return found;
}
