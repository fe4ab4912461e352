import { ruleCatalog, type Finding } from '../../engine';

/** `path:line:col  severity  message  [AKnnn]` lines (1-based), paths shown under `root`, then a summary. */
export function formatText(findings: readonly Finding[], root: string, documents: number): string {
  const lines = findings.map((f) => `${join(root, f.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.message}  [${f.code}]`);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const files = new Set(findings.map((f) => f.path)).size;
  lines.push(
    `${documents} files checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information')} information, ${count('hint')} hints` +
      (findings.length > 0 ? ` in ${files} files` : ''),
  );
  return lines.join('\n') + '\n';
}

function join(root: string, path: string): string {
  return root === '.' ? path : `${root.replace(/\/$/, '')}/${path}`;
}

export function formatJson(findings: readonly Finding[]): string {
  const rows = findings.map((f) => ({
    file: f.path,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    code: f.code,
    severity: f.severity,
    message: f.message,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

const sarifLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 for code scanning; artifact URIs are relative to the corpus root (`%SRCROOT%`). */
export function formatSarif(findings: readonly Finding[], version: string): string {
  const ruleIndex = new Map(ruleCatalog.map((rule, index) => [rule.code, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'akcheck',
            version,
            rules: ruleCatalog.map((rule) => ({
              id: rule.code,
              name: rule.name,
              shortDescription: { text: rule.summary },
              defaultConfiguration: { level: sarifLevel[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The corpus root' } } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code),
          level: sarifLevel[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
