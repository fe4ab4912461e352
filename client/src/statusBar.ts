// The status bar item: document and error counts from the server's status notification.
import * as vscode from 'vscode';
import type { StatusParams } from '../../protocol';

const openProblems = 'workbench.actions.view.problems';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('algoritmekader.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Algoritmekader';
  }

  private show(text: string, tooltip: string | vscode.MarkdownString, command: string, warning = false): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  starting(): void {
    this.show('$(sync~spin) Algoritmekader: starten…', 'De Algoritmekader-taalserver start.', openProblems);
  }

  update(status: StatusParams): void {
    const documents = count(status.documents, 'document', 'documenten');
    const errors = count(status.errors, 'fout', 'fouten');
    const warnings = count(status.warnings, 'waarschuwing', 'waarschuwingen');
    if (status.indexing) {
      this.show(`$(sync~spin) Algoritmekader: ${documents}, indexeren…`, `Het Algoritmekader-corpus wordt geïndexeerd (${documents} tot nu toe).`, openProblems);
    } else {
      const tooltip = new vscode.MarkdownString(`**Algoritmekader**\n\n${documents} geïndexeerd: ${errors}, ${warnings}.\n\nKlik om het venster Problemen te openen.`);
      this.show(`$(book) Algoritmekader: ${documents}, ${errors}`, tooltip, openProblems);
    }
  }

  stopped(): void {
    this.show(
      '$(warning) Algoritmekader: server gestopt',
      'De Algoritmekader-taalserver draait niet. Klik voor de uitvoer, of gebruik "Algoritmekader: Taalserver herstarten".',
      'algoritmekader.showOutput',
      true,
    );
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
