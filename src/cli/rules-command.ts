/** `dockside rules` and `dockside explain`: generated from rule metadata, never written twice. */
import type { RuleRegistry } from '../engine/registry.js';
import type { AnyRule } from '../engine/types.js';

function ruleSummary(rule: AnyRule): Record<string, unknown> {
  const { meta } = rule;
  return {
    code: meta.code,
    name: meta.name,
    aliases: meta.aliases,
    family: meta.family,
    severity: meta.severity,
    enabledByDefault: meta.enabledByDefault && !meta.experimental,
    fixable: meta.fixable,
    requiresContext: meta.requiresContext ?? false,
    description: meta.description,
    ...(meta.url ? { url: meta.url } : {}),
  };
}

/** The README's rule table (a test fails when the README and this drift apart). */
export function rulesMarkdownTable(registry: RuleRegistry): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = registry.rules.map((rule) => {
    const { meta } = rule;
    const identities = [meta.name, ...meta.aliases].map((identity) => `\`${identity}\``).join(', ');
    const status = [
      meta.enabledByDefault && !meta.experimental ? '' : 'off by default',
      meta.fixable ? `fix (${meta.fixable})` : '',
      meta.requiresContext ? 'context' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `| \`${meta.code}\` | ${identities} | ${meta.severity} | ${status} | ${escape(meta.description)} |`;
  });
  return ['| Code | Name, aliases | Severity | Notes | Description |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

export function listRules(registry: RuleRegistry, format: 'text' | 'json' | 'markdown'): string {
  if (format === 'json') return `${JSON.stringify(registry.rules.map(ruleSummary), null, 2)}\n`;
  if (format === 'markdown') return rulesMarkdownTable(registry);
  const rows = registry.rules.map((rule) => {
    const { meta } = rule;
    const flags = [
      meta.enabledByDefault && !meta.experimental ? '' : 'off',
      meta.fixable ? `fix:${meta.fixable}` : '',
      meta.requiresContext ? 'context' : '',
    ]
      .filter(Boolean)
      .join(',');
    return [meta.code, meta.name, meta.severity, flags, [meta.description, ...meta.aliases.map((alias) => `(${alias})`)].join(' ')];
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length), 0));
  return `${rows.map((row) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n')}\n`;
}

/** The rule's documentation page as text (the same text the README table and SARIF help use). */
export function ruleDocumentation(rule: AnyRule): string {
  const { meta } = rule;
  const identities = [meta.code, meta.name, ...meta.aliases].filter((value, index, all) => all.indexOf(value) === index);
  const lines = [
    `# ${meta.name} (${meta.code})`,
    '',
    meta.description,
    '',
    `- Identities: ${identities.join(', ')}`,
    `- Default severity: ${meta.severity}${meta.enabledByDefault && !meta.experimental ? '' : ' (off by default)'}`,
    `- Fixable: ${meta.fixable === false ? 'no' : `yes (${meta.fixable})`}`,
    ...(meta.requiresContext ? ['- Needs the build context'] : []),
    ...(meta.url ? [`- Upstream: ${meta.url}`] : []),
    '',
    meta.docs,
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

export function explainRule(registry: RuleRegistry, identity: string): string | null {
  const rule = registry.find(identity);
  return rule ? ruleDocumentation(rule) : null;
}
