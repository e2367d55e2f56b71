/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`). What code scanning
 * reads is in linter-anchors.md §5.5 and the §7 SARIF checklist: a `rules[]` entry for every rule in
 * the results (sorted by id, with non-empty descriptions and help), `ruleIndex` into it, levels
 * error/warning/note, repository-relative URIs, 1-based regions with an exclusive end column
 * counted in UTF-16 code units, and `partialFingerprints.primaryLocationLineHash`.
 * Unlike hadolint's SARIF (STYLE.md "What not to copy") it has `rules[]` and real columns.
 */
import { createHash } from 'node:crypto';
import { PARSE_ERROR_CODE } from '../engine/lint.js';
import type { AnyRule, Finding, RuleMeta, Severity } from '../engine/types.js';
import { FILE_ERROR_CODE, displayPath, normalizedEnd, problemsOf } from './format-helpers.js';
import { lineHashes } from './sarif-fingerprint.js';
import type { Reporter, ReporterContext } from './types.js';

type SarifLevel = 'error' | 'warning' | 'note';

const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** Findings that come from the engine rather than from a registered rule. */
const ENGINE_CODES: Readonly<Record<string, { name: string; description: string; docs: string; level: SarifLevel }>> = {
  [FILE_ERROR_CODE]: {
    name: 'file-error',
    description: 'The file could not be linted at all.',
    docs: 'dockside could not read or lint this file (unreadable, too large, or its config file is invalid). The message says why. Fix the cause and run dockside again.',
    level: 'error',
  },
  [PARSE_ERROR_CODE]: {
    name: 'parse-error',
    description: 'The Dockerfile could not be parsed.',
    docs: 'The Dockerfile has a syntax error that BuildKit would reject (or a malformed `# check=` directive). The message says where and what; fix the syntax and run dockside again.',
    level: 'error',
  },
  'internal-error': {
    name: 'internal-error',
    description: 'A rule failed on this file.',
    docs: 'A dockside rule threw an error on this file; the other rules still ran. This is a dockside bug: please report it with the Dockerfile that triggers it.',
    level: 'error',
  },
};

interface SarifRule {
  id: string;
  /** Omitted when equal to `id`: SARIF §3.49.7 (the Microsoft validator's SARIF1001). */
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; precision: string; 'problem.severity': string };
}

/** The first paragraph of a rule's Markdown docs, as one line of text. */
function firstParagraph(markdown: string): string {
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  return paragraph.replace(/\s*\n\s*/g, ' ').trim();
}

function nonEmpty(...candidates: readonly (string | undefined)[]): string {
  for (const candidate of candidates) if (candidate !== undefined && candidate.trim() !== '') return candidate.trim();
  return '';
}

function ruleFromMeta(id: string, meta: RuleMeta, informationUri: string): SarifRule {
  const isSubCode = id !== meta.code;
  // ShellCheck findings carry their own SC code under the one `shellcheck` rule: each SC code gets
  // its own entry so code scanning can tell them apart, with the wiki page as its help.
  const helpUri = isSubCode && /^SC\d+$/.test(id) ? `https://www.shellcheck.net/wiki/${id}` : (meta.url ?? informationUri);
  const description = nonEmpty(isSubCode ? `ShellCheck ${id} (reported by ${meta.name}).` : undefined, meta.description, id);
  const docs = nonEmpty(meta.docs, meta.description, id);
  const name = isSubCode ? `${meta.name}/${id}` : meta.name;
  return {
    id,
    ...(name !== id ? { name } : {}),
    shortDescription: { text: description },
    fullDescription: { text: nonEmpty(isSubCode ? description : undefined, firstParagraph(docs), description) },
    help: { text: isSubCode ? `${description} See ${helpUri}` : docs, markdown: isSubCode ? `${description} See [${id}](${helpUri}).` : docs },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: {
      tags: ['dockerfile', meta.family],
      precision: 'very-high',
      'problem.severity': SARIF_LEVEL[meta.severity] === 'note' ? 'recommendation' : SARIF_LEVEL[meta.severity],
    },
  };
}

function engineRule(id: string, informationUri: string): SarifRule {
  const known = ENGINE_CODES[id];
  const description = known?.description ?? `Problems reported as ${id}.`;
  const docs = known?.docs ?? description;
  const level = known?.level ?? 'error';
  const name = known?.name ?? id;
  return {
    id,
    ...(name !== id ? { name } : {}),
    shortDescription: { text: description },
    fullDescription: { text: docs },
    help: { text: docs, markdown: docs },
    helpUri: informationUri,
    defaultConfiguration: { level },
    properties: { tags: ['dockerfile', 'core'], precision: 'very-high', 'problem.severity': level },
  };
}

/** The SARIF rule for a finding's code: its rule's metadata, else an engine-level entry. */
function describeRule(finding: Finding, rulesByCode: ReadonlyMap<string, AnyRule>, rulesByName: ReadonlyMap<string, AnyRule>, informationUri: string): SarifRule {
  const rule = rulesByCode.get(finding.code) ?? rulesByName.get(finding.rule);
  return rule ? ruleFromMeta(finding.code, rule.meta, informationUri) : engineRule(finding.code, informationUri);
}

/** A relative path as a URI reference (each segment percent-encoded); an absolute one as `file://`. */
function artifactUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

export const sarifReporter: Reporter = (results, context: ReporterContext) => {
  const rulesByCode = new Map(context.rules.map((rule) => [rule.meta.code, rule] as const));
  const rulesByName = new Map(context.rules.map((rule) => [rule.meta.name, rule] as const));
  const ruleById = new Map<string, SarifRule>();
  const perFile = results.map((result) => {
    const problems = problemsOf(result);
    for (const problem of problems) {
      if (!ruleById.has(problem.code)) ruleById.set(problem.code, describeRule(problem, rulesByCode, rulesByName, context.informationUri));
    }
    return { result, problems };
  });
  const ruleIds = [...ruleById.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index] as const));

  const sarifResults = perFile.flatMap(({ result, problems }) => {
    const path = displayPath(result.file, context.cwd);
    const uri = artifactUri(path);
    const hashes = result.source !== undefined && result.error === undefined ? lineHashes(result.source) : null;
    return problems.map((problem) => {
      const { endLine, endColumn } = normalizedEnd(problem);
      const lineHash = hashes?.[problem.line];
      // Without the source (a file that could not be read, or a caller that dropped it) the line
      // cannot be hashed; a hash of what identifies the problem keeps the alert stable all the same.
      const partialFingerprints: Record<string, string> = lineHash
        ? { primaryLocationLineHash: lineHash }
        : { 'dockside/v1': createHash('sha256').update(JSON.stringify([path, problem.code, problem.message, problem.line, problem.column])).digest('hex') };
      return {
        ruleId: problem.code,
        ruleIndex: ruleIndex.get(problem.code) as number,
        level: SARIF_LEVEL[problem.level],
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: problem.line, startColumn: problem.column, endLine, endColumn },
            },
          },
        ],
        partialFingerprints,
      };
    });
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.toolName,
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: context.informationUri,
            rules: ruleIds.map((id) => ruleById.get(id) as SarifRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
