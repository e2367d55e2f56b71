import { compareNames } from '../../engine/types.js';
import { defineRule } from '../../engine/define-rule.js';
import { folderSizes } from '../../context/query.js';
import { formatBytes } from './facts.js';

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export default defineRule({
  meta: {
    code: 'context-size',
    name: 'context-size',
    family: 'analysis',
    severity: 'warning',
    requiresContext: true,
    fixable: false,
    description: 'The build context sent to the builder (after .dockerignore) is larger than the configured maximum.',
    docs: [
      'Sums the files the `.dockerignore` lets through. The classic builder sends all of them before the',
      'first instruction runs; BuildKit transfers what COPY/ADD use, but still hashes and syncs it, so a',
      'huge context slows every build. The message gives the total and the largest top-level folders.',
      '',
      'Option `max` (bytes, default 100 MiB). Fix: exclude build output, data and caches in the',
      '`.dockerignore`, or build from a smaller folder. Not fixable automatically.',
    ].join('\n'),
    optionsSchema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false },
  },
  defaultOptions: { max: DEFAULT_MAX_BYTES },
  check({ dockerfile, buildContext, options, report }) {
    const first = dockerfile.instructions[0];
    if (!buildContext || !first) return;
    const { bytes, files } = buildContext.totals;
    if (bytes <= options.max) return;
    const topLevel = [...folderSizes(buildContext, { includeIgnored: false })]
      .filter(([path]) => !path.includes('/'))
      .sort((a, b) => b[1].bytes - a[1].bytes || compareNames(a[0], b[0]))
      .slice(0, 3)
      .map(([path, size]) => `${path} ${formatBytes(size.bytes)}`);
    const largest = topLevel.length > 0 ? `; largest folders: ${topLevel.join(', ')}` : '';
    report({
      range: first.range,
      message: `The build context is ${formatBytes(bytes)} (${files.toLocaleString('en')} files) after .dockerignore, more than the maximum of ${formatBytes(options.max)}${largest}`,
    });
  },
});
