import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import { type Finding, selectSafeFixes } from '../../../engine';
import type { CorpusRoot } from '../workspace/corpusWorkspace';
import { toDiagnostic } from './diagnostics';
import { intersects } from './documentQueries';
import { toWorkspaceEdit } from './workspaceEdits';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.akcheck`;
export const codeActionKinds = [CodeActionKind.QuickFix, fixAllKind];

/** Quick fixes for the findings in `range`, and the source action that applies every safe fix of the file. */
export function codeActions(root: CorpusRoot, path: string, findings: readonly Finding[], range: Range, only?: string[]): CodeAction[] {
  if (root.lossy.has(path)) return [];
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of findings) {
      if (!intersects(finding.range, range)) continue;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(finding)],
          isPreferred: fix.preferred,
          edit: toWorkspaceEdit(root, fix.edits, fix.rename),
        });
      }
    }
  }
  if (wants(fixAllKind)) {
    const staysInFile = (finding: Finding) => {
      const fix = finding.fixes.find((candidate) => candidate.safe && candidate.preferred);
      return fix !== undefined && !fix.rename && fix.edits.every((edit) => edit.path === path);
    };
    const inFile = selectSafeFixes(findings.filter(staysInFile));
    if (inFile.length > 0) {
      actions.push({
        title: `Herstel alle ${inFile.length} eenduidige problemen in dit bestand`,
        kind: fixAllKind,
        diagnostics: inFile.map(({ finding }) => toDiagnostic(finding)),
        edit: toWorkspaceEdit(
          root,
          inFile.flatMap(({ fix }) => fix.edits),
        ),
      });
    }
  }
  return actions;
}
