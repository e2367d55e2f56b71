/**
 * Renderers for `dockside analyze`: pure functions from reports to a string (no I/O, no TTY
 * checks: the CLI decides colour).
 */
import { formatBytes } from '../rules/analysis/facts.js';
import type { AnalyzeReport, StageReport } from './model.js';

export type AnalyzeFormat = 'text' | 'json' | 'markdown';
export const ANALYZE_FORMATS: readonly AnalyzeFormat[] = ['text', 'json', 'markdown'];

export function renderJson(reports: readonly AnalyzeReport[]): string {
  return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
}

interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  level(level: string, text: string): string;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', reset: '\u001b[0m' };

function paint(color: boolean): Paint {
  if (!color) return { bold: (text) => text, dim: (text) => text, level: (_level, text) => text };
  return {
    bold: (text) => `${ANSI.bold}${text}${ANSI.reset}`,
    dim: (text) => `${ANSI.dim}${text}${ANSI.reset}`,
    level: (level, text) => `${level === 'error' ? ANSI.red : level === 'warning' ? ANSI.yellow : ANSI.blue}${text}${ANSI.reset}`,
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function dependencyText(stage: StageReport): string {
  if (stage.dependsOn.length === 0) return '';
  const listed = stage.dependsOn.map((dependency) => `${dependency.stage} (${referenceText(dependency)}, line ${dependency.line})`);
  return ` needs ${listed.join(', ')}${unlistedText(stage)}`;
}

/** How a stage is used: `from`, `copy`…, with the value with variables that may name it. */
function referenceText(dependency: StageReport['dependsOn'][number]): string {
  return dependency.via === null ? dependency.kind : `${dependency.kind} ${dependency.via}`;
}

/** `, and 4,990 more stages a variable may name`, or nothing. */
function unlistedText(stage: StageReport): string {
  if (stage.unlistedDependencies === 0) return '';
  return `, and ${stage.unlistedDependencies.toLocaleString('en-US')} more ${stage.unlistedDependencies === 1 ? 'stage' : 'stages'} a variable may name`;
}

export function renderText(reports: readonly AnalyzeReport[], options: { color: boolean }): string {
  const p = paint(options.color);
  const out: string[] = [];
  for (const report of reports) {
    out.push(p.bold(report.file));
    out.push('');
    out.push(report.target === null ? p.bold('Stages') : `${p.bold('Stages')} (target: ${report.target})`);
    for (const stage of report.stages) {
      const unused = stage.reachable ? '' : p.dim(' (not needed by the target)');
      out.push(`  ${stage.index}  ${p.bold(stage.name)} from ${stage.base}${dependencyText(stage)}${unused}`);
    }
    for (const stage of report.stages) {
      out.push('');
      const invalidated =
        stage.firstInvalidatedLine === undefined
          ? ''
          : stage.firstInvalidatedLine === null
            ? ', cache intact'
            : `, cache breaks at line ${stage.firstInvalidatedLine}: ${stage.rebuiltInstructions ?? 0} instructions rebuild`;
      out.push(p.bold(`Stage ${stage.name}: ${stage.layerCount} layer${stage.layerCount === 1 ? '' : 's'}${invalidated}`));
      const lineWidth = Math.max(4, ...stage.layers.map((layer) => String(layer.line).length));
      for (const layer of stage.layers) {
        const pulled =
          layer.files === null ? '' : `  ${padStart(layer.files.toLocaleString('en'), 7)} ${layer.files === 1 ? 'file ' : 'files'} ${padStart(formatBytes(layer.bytes ?? 0), 10)}`;
        const breaks = stage.cacheBreaks.some((point) => point.line === layer.line) ? p.level('warning', ' *') : '  ';
        const marker = stage.firstInvalidatedLine === layer.line ? p.level('error', ' <- first rebuilt') : '';
        // The text starts with its keyword already; the column shows the instruction once.
        out.push(`  ${padStart(String(layer.line), lineWidth)}${breaks} ${pad(layer.text.slice(0, 64), 64)}${pulled}${marker}`);
      }
    }
    if (report.stages.some((stage) => stage.cacheBreaks.length > 0)) out.push('', p.dim('  * cache-break point: a change to what it pulls in rebuilds it and every later instruction'));
    if (report.context) {
      const context = report.context;
      out.push('', p.bold('Build context'));
      out.push(`  root          ${context.root}`);
      out.push(`  ignore file   ${context.ignoreFile ?? '(none)'}`);
      out.push(`  sent          ${context.files.toLocaleString('en')} files, ${formatBytes(context.bytes)}`);
      out.push(`  ignored       ${context.ignoredFiles.toLocaleString('en')} files, ${formatBytes(context.ignoredBytes)}${context.prunedFolders.length > 0 ? ` + ${context.prunedFolders.length} excluded folders not walked` : ''}`);
      if (context.largestFolders.length > 0) {
        out.push('  largest');
        const width = Math.max(...context.largestFolders.map((folder) => folder.path.length));
        for (const folder of context.largestFolders) out.push(`    ${pad(folder.path, width)}  ${padStart(formatBytes(folder.bytes), 10)}  ${folder.files.toLocaleString('en')} file${folder.files === 1 ? '' : 's'}`);
      }
      for (const warning of context.warnings) out.push(p.level('warning', `  warning: ${warning}`));
    }
    out.push('', p.bold(`Findings (${report.findings.length})`));
    for (const finding of report.findings) {
      out.push(`  ${padStart(String(finding.line), 4)}  ${p.level(finding.level, pad(finding.level, 7))}  ${pad(finding.code, 20)} ${finding.message}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
}

export function renderMarkdown(reports: readonly AnalyzeReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    out.push(`## Build analysis: \`${report.file}\``, '');
    if (report.target !== null) out.push(`Target stage: \`${escapeCell(report.target)}\``, '');
    out.push('| # | stage | base | needs | used by target | layers | first rebuilt line |', '|---|---|---|---|---|---|---|');
    for (const stage of report.stages) {
      const needs = stage.dependsOn.map((dependency) => `${dependency.stage} (${referenceText(dependency)})`).join(', ') + unlistedText(stage);
      const rebuilt = stage.firstInvalidatedLine === undefined ? '' : stage.firstInvalidatedLine === null ? 'none' : `${stage.firstInvalidatedLine} (${stage.rebuiltInstructions ?? 0} rebuild)`;
      out.push(`| ${stage.index} | ${escapeCell(stage.name)} | \`${escapeCell(stage.base)}\` | ${escapeCell(needs)} | ${stage.reachable ? 'yes' : 'no'} | ${stage.layerCount} | ${rebuilt} |`);
    }
    for (const stage of report.stages) {
      if (stage.layers.length === 0) continue;
      out.push('', `### Stage \`${escapeCell(stage.name)}\``, '', '| line | instruction | files | bytes | cache break |', '|---:|---|---:|---:|---|');
      for (const layer of stage.layers) {
        const cacheBreak = stage.cacheBreaks.find((point) => point.line === layer.line)?.reason ?? '';
        out.push(`| ${layer.line} | \`${escapeCell(layer.text.slice(0, 80))}\` | ${layer.files ?? ''} | ${layer.bytes === null ? '' : formatBytes(layer.bytes)} | ${cacheBreak} |`);
      }
    }
    if (report.context) {
      const context = report.context;
      out.push('', '### Build context', '');
      out.push(`- ignore file: ${context.ignoreFile ? `\`${context.ignoreFile}\`` : 'none'}`);
      out.push(`- sent: ${context.files.toLocaleString('en')} files, ${formatBytes(context.bytes)}`);
      out.push(`- ignored: ${context.ignoredFiles.toLocaleString('en')} files, ${formatBytes(context.ignoredBytes)}${context.prunedFolders.length > 0 ? ` (+ ${context.prunedFolders.length} excluded folders not walked)` : ''}`);
      if (context.largestFolders.length > 0) out.push(`- largest folders: ${context.largestFolders.map((folder) => `\`${folder.path}\` ${formatBytes(folder.bytes)}`).join(', ')}`);
    }
    out.push('', `### Findings (${report.findings.length})`, '');
    if (report.findings.length > 0) {
      out.push('| line | level | rule | message |', '|---:|---|---|---|');
      for (const finding of report.findings) out.push(`| ${finding.line} | ${finding.level} | ${finding.code} | ${escapeCell(finding.message)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
