/**
 * Which shell commands install dependencies from a manifest (for cache-order) and which refresh or
 * use a system package index (for stale-package-index).
 */
import { nonFlagArgs } from '../helpers.js';
import type { ShellCommand } from '../../parser/types.js';

export interface DependencyInstall {
  /** The manager, as shown in messages (`npm`, `pip`, `go`). */
  readonly manager: string;
  /** The command as the user would recognise it (`npm ci`, `pip install -r requirements.txt`). */
  readonly display: string;
  /** File names (exact) or patterns of the manifests the install reads. */
  readonly manifests: readonly (string | RegExp)[];
  /** How the fix names them. */
  readonly manifestHint: string;
}

function commandName(command: ShellCommand): string {
  return command.name.slice(command.name.lastIndexOf('/') + 1);
}

/** Words after the command that are not flags, normalised. */
function positional(command: ShellCommand): string[] {
  return nonFlagArgs(command).map((word) => word.value);
}

const NODE = ['package.json'];
const PIP_REQUIREMENTS = /^requirements.*\.(?:txt|in)$/u;

/** Every command name `dependencyInstall` knows: any other command is answered without reading its words. */
const DEPENDENCY_MANAGERS: ReadonlySet<string> = new Set([
  'npm', 'yarn', 'pnpm', 'bun', 'pip', 'pip3', 'python', 'python3', 'pipenv', 'poetry', 'uv', 'go', 'cargo', 'mvn', 'mvnw',
  'gradle', 'gradlew', 'bundle', 'bundler', 'composer', 'dotnet', 'mix', 'cpanm', 'dart', 'flutter', 'swift',
]);

/** Package tools whose index `indexRefresh` and `indexInstall` know. */
const INDEX_TOOLS: ReadonlySet<string> = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper', 'pacman']);

/** The dependency install a command performs from a manifest, or null. */
export function dependencyInstall(command: ShellCommand): DependencyInstall | null {
  const name = commandName(command);
  if (!DEPENDENCY_MANAGERS.has(name)) return null;
  const args = positional(command);
  const sub = args[0];
  const global = command.flags.includes('g') || command.flags.includes('global');
  switch (name) {
    case 'npm':
      if (sub === 'ci' || ((sub === 'install' || sub === 'i') && args.length === 1 && !global)) {
        return { manager: 'npm', display: `npm ${sub}`, manifests: [...NODE, 'package-lock.json', 'npm-shrinkwrap.json'], manifestHint: 'package.json and package-lock.json' };
      }
      return null;
    case 'yarn':
      if (sub === undefined || (sub === 'install' && args.length === 1)) {
        return { manager: 'yarn', display: sub ? 'yarn install' : 'yarn', manifests: [...NODE, 'yarn.lock', '.yarnrc.yml'], manifestHint: 'package.json and yarn.lock' };
      }
      return null;
    case 'pnpm':
      // `pnpm install --offline` after `pnpm fetch` is pnpm's own Docker recipe: it reads the store, not the registry.
      if (command.flags.includes('offline') || command.flags.includes('prefer-offline')) return null;
      if (((sub === 'install' || sub === 'i') && args.length === 1 && !global) || sub === 'fetch') {
        return { manager: 'pnpm', display: `pnpm ${sub}`, manifests: [...NODE, 'pnpm-lock.yaml', 'pnpm-workspace.yaml'], manifestHint: 'package.json and pnpm-lock.yaml' };
      }
      return null;
    case 'bun':
      if ((sub === 'install' || sub === 'i') && args.length === 1 && !global) {
        return { manager: 'bun', display: `bun ${sub}`, manifests: [...NODE, 'bun.lockb', 'bun.lock'], manifestHint: 'package.json and bun.lock' };
      }
      return null;
    case 'pip':
    case 'pip3':
      return pipInstall(command, args, name);
    case 'python':
    case 'python3':
      if (args[0] === 'pip' && command.args.some((word) => word.value === '-m')) return pipInstall(command, args.slice(1), `${name} -m pip`);
      return null;
    case 'pipenv':
      if (sub === 'install' || sub === 'sync') {
        if (args.length > 1) return null;
        return { manager: 'pipenv', display: `pipenv ${sub}`, manifests: ['Pipfile', 'Pipfile.lock'], manifestHint: 'Pipfile and Pipfile.lock' };
      }
      return null;
    case 'poetry':
      if (sub === 'install' || sub === 'sync') return { manager: 'poetry', display: `poetry ${sub}`, manifests: ['pyproject.toml', 'poetry.lock'], manifestHint: 'pyproject.toml and poetry.lock' };
      return null;
    case 'uv':
      if (sub === 'sync') return { manager: 'uv', display: 'uv sync', manifests: ['pyproject.toml', 'uv.lock'], manifestHint: 'pyproject.toml and uv.lock' };
      if (sub === 'pip' && (args[1] === 'install' || args[1] === 'sync')) return pipInstall(command, args.slice(1), 'uv pip');
      return null;
    case 'go':
      if (sub === 'mod' && args[1] === 'download') return { manager: 'go', display: 'go mod download', manifests: ['go.mod', 'go.sum'], manifestHint: 'go.mod and go.sum' };
      return null;
    case 'cargo':
      if (sub === 'fetch' || (sub === 'chef' && args[1] === 'cook')) return { manager: 'cargo', display: `cargo ${sub === 'chef' ? 'chef cook' : 'fetch'}`, manifests: ['Cargo.toml', 'Cargo.lock'], manifestHint: 'Cargo.toml and Cargo.lock' };
      return null;
    case 'mvn':
    case 'mvnw':
      if (args.some((arg) => /^dependency:(?:go-offline|resolve|resolve-plugins)$/u.test(arg))) {
        return { manager: 'maven', display: `${name} dependency:go-offline`, manifests: ['pom.xml'], manifestHint: 'pom.xml' };
      }
      return null;
    case 'gradle':
    case 'gradlew':
      if (args.includes('dependencies') || command.flags.includes('refresh-dependencies')) {
        return { manager: 'gradle', display: `${name} dependencies`, manifests: [/^(?:build|settings)\.gradle(?:\.kts)?$/u, 'gradle.properties', /^libs\.versions\.toml$/u], manifestHint: 'build.gradle and settings.gradle' };
      }
      return null;
    case 'bundle':
    case 'bundler':
      if (sub === 'install' || sub === undefined) return { manager: 'bundler', display: 'bundle install', manifests: ['Gemfile', 'Gemfile.lock'], manifestHint: 'Gemfile and Gemfile.lock' };
      return null;
    case 'composer':
      if (sub === 'install') return { manager: 'composer', display: 'composer install', manifests: ['composer.json', 'composer.lock'], manifestHint: 'composer.json and composer.lock' };
      return null;
    case 'dotnet':
      if (sub === 'restore') return { manager: 'dotnet', display: 'dotnet restore', manifests: [/\.(?:cs|fs|vb)proj$/u, /\.sln$/u, 'NuGet.config', 'nuget.config', 'packages.lock.json', 'Directory.Packages.props'], manifestHint: 'the project files (*.csproj, *.sln)' };
      return null;
    case 'mix':
      if (sub === 'deps.get') return { manager: 'mix', display: 'mix deps.get', manifests: ['mix.exs', 'mix.lock'], manifestHint: 'mix.exs and mix.lock' };
      return null;
    case 'cpanm':
      if (command.flags.includes('installdeps')) return { manager: 'cpanm', display: 'cpanm --installdeps', manifests: ['cpanfile', 'cpanfile.snapshot'], manifestHint: 'cpanfile' };
      return null;
    case 'dart':
    case 'flutter':
      if (sub === 'pub' && args[1] === 'get') return { manager: name, display: `${name} pub get`, manifests: ['pubspec.yaml', 'pubspec.lock'], manifestHint: 'pubspec.yaml and pubspec.lock' };
      return null;
    case 'swift':
      if (sub === 'package' && args[1] === 'resolve') return { manager: 'swift', display: 'swift package resolve', manifests: ['Package.swift', 'Package.resolved'], manifestHint: 'Package.swift and Package.resolved' };
      return null;
    default:
      return null;
  }
}

function pipInstall(command: ShellCommand, args: readonly string[], display: string): DependencyInstall | null {
  if (args[0] !== 'install' && args[0] !== 'sync') return null;
  const words = command.args.map((word) => word.value);
  const requirementIndex = words.findIndex((word) => word === '-r' || word === '--requirement');
  const requirementFile = requirementIndex !== -1 ? words[requirementIndex + 1] : words.find((word) => /^(?:-r|--requirement=)\S/u.test(word))?.replace(/^(?:-r|--requirement=)/u, '');
  if (requirementFile) {
    const file = requirementFile.slice(requirementFile.lastIndexOf('/') + 1);
    return { manager: 'pip', display: `${display} ${args[0]} -r ${requirementFile}`, manifests: [file, PIP_REQUIREMENTS], manifestHint: requirementFile };
  }
  // `pip install .` / `pip install -e .` installs the project's own dependencies from its metadata.
  if (args.slice(1).some((arg) => arg === '.' || arg === './')) {
    return { manager: 'pip', display: `${display} install .`, manifests: ['pyproject.toml', 'setup.py', 'setup.cfg'], manifestHint: 'pyproject.toml (or setup.py)' };
  }
  return null;
}

export function isManifest(fileName: string, install: DependencyInstall): boolean {
  return install.manifests.some((manifest) => (typeof manifest === 'string' ? manifest === fileName : manifest.test(fileName)));
}

export type IndexFamily = 'apt' | 'apk' | 'yum' | 'zypper' | 'pacman';

/** A command that only refreshes a package index, and its family. */
export function indexRefresh(command: ShellCommand): { family: IndexFamily; display: string } | null {
  const name = commandName(command);
  if (!INDEX_TOOLS.has(name)) return null;
  const sub = positional(command)[0];
  if ((name === 'apt-get' || name === 'apt') && sub === 'update') return { family: 'apt', display: `${name} update` };
  if (name === 'apk' && sub === 'update') return { family: 'apk', display: 'apk update' };
  if ((name === 'yum' || name === 'dnf' || name === 'microdnf' || name === 'tdnf') && sub === 'makecache') return { family: 'yum', display: `${name} makecache` };
  if (name === 'zypper' && (sub === 'refresh' || sub === 'ref')) return { family: 'zypper', display: `zypper ${sub}` };
  if (name === 'pacman' && command.flags.includes('S') && command.flags.includes('y') && positional(command).length === 0) return { family: 'pacman', display: 'pacman -Sy' };
  return null;
}

/**
 * A command that installs from the package index, and whether it refreshes the index itself
 * (`apk add --no-cache`/`--update`, `yum install` re-reads expired metadata, `pacman -Sy pkg`).
 */
export function indexInstall(command: ShellCommand): { family: IndexFamily; display: string; refreshesItself: boolean } | null {
  const name = commandName(command);
  if (!INDEX_TOOLS.has(name)) return null;
  const args = positional(command);
  const sub = args[0];
  if ((name === 'apt-get' || name === 'apt') && (sub === 'install' || sub === 'upgrade' || sub === 'dist-upgrade')) return { family: 'apt', display: `${name} ${sub}`, refreshesItself: false };
  if (name === 'apk' && sub === 'add') {
    return { family: 'apk', display: 'apk add', refreshesItself: command.flags.includes('no-cache') || command.flags.includes('update') || command.flags.includes('U') };
  }
  if ((name === 'yum' || name === 'dnf' || name === 'microdnf' || name === 'tdnf') && sub === 'install') return { family: 'yum', display: `${name} install`, refreshesItself: false };
  if (name === 'zypper' && (sub === 'install' || sub === 'in')) return { family: 'zypper', display: `zypper ${sub}`, refreshesItself: false };
  if (name === 'pacman' && command.flags.includes('S') && args.length > 0) return { family: 'pacman', display: 'pacman -S', refreshesItself: command.flags.includes('y') };
  return null;
}
