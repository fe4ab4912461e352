// "Nieuwe vereiste/maatregel/hulpmiddel": asks the title (and an id prefix), lets the server build
// the file name, id and text, then creates the file (never over an existing one) and opens it.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { idPrefixesRequest, type IdPrefixesParams, newDocumentRequest, type NewDocumentParams, type NewDocumentType } from '../../../protocol';

const labels: Record<NewDocumentType, { noun: string; article: string }> = {
  vereiste: { noun: 'vereiste', article: 'Nieuwe' },
  maatregel: { noun: 'maatregel', article: 'Nieuwe' },
  hulpmiddel: { noun: 'hulpmiddel', article: 'Nieuw' },
};

export function validateTitle(value: string): string | undefined {
  const title = value.trim();
  if (title === '') return 'Geef een titel.';
  if (title.endsWith('.')) return 'Een titel eindigt niet op een punt.';
  return undefined;
}

export function validatePrefix(value: string): string | undefined {
  return /^[a-z]+$/.test(value.trim()) ? undefined : 'Een voorvoegsel bestaat alleen uit kleine letters, zoals "aia" of "owp".';
}

/** The URI the new document is for: the folder clicked in the explorer, else the active editor's file (any scheme but `untitled`: a virtual workspace's too). */
function nearUriOf(target: unknown): string | undefined {
  if (target instanceof vscode.Uri && target.scheme !== 'untitled') return target.toString();
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && active.scheme !== 'untitled' ? active.toString() : undefined;
}

function prefixesFrom(result: unknown): string[] {
  if (!Array.isArray(result)) return [];
  const prefixes = result.map((item: unknown) =>
    typeof item === 'string'
      ? item
      : typeof item === 'object' && item !== null && typeof (item as { prefix?: unknown }).prefix === 'string'
        ? (item as { prefix: string }).prefix
        : undefined,
  );
  return [...new Set(prefixes.filter((prefix): prefix is string => prefix !== undefined && prefix !== ''))];
}

async function pickPrefix(client: LanguageClient, type: NewDocumentType, nearUri: string | undefined, title: string): Promise<string | undefined> {
  const params: IdPrefixesParams = { type, nearUri };
  const prefixes = prefixesFrom(await client.sendRequest(idPrefixesRequest, params));
  const newPrefix: vscode.QuickPickItem = { label: '$(add) Nieuw voorvoegsel…', description: 'kleine letters, bijvoorbeeld "aia"', alwaysShow: true };
  const items: vscode.QuickPickItem[] = [
    ...prefixes.map((prefix) => ({ label: prefix, description: type === 'vereiste' ? `urn:nl:ak:ver:${prefix}-…` : `urn:nl:ak:mtr:${prefix}-…` })),
    ...(prefixes.length > 0 ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }] : []),
    newPrefix,
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `${labels[type].article} ${labels[type].noun}: ${title}`,
    placeHolder: 'Kies het voorvoegsel van het id',
    ignoreFocusOut: true,
  });
  if (picked === undefined) return undefined;
  if (picked !== newPrefix) return picked.label;
  const typed = await vscode.window.showInputBox({
    title: `${labels[type].article} ${labels[type].noun}: ${title}`,
    prompt: 'Nieuw voorvoegsel van het id (kleine letters)',
    validateInput: validatePrefix,
    ignoreFocusOut: true,
  });
  return typed?.trim();
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function newDocument(client: LanguageClient | undefined, type: NewDocumentType, target?: unknown): Promise<void> {
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showWarningMessage('De Algoritmekader-taalserver draait niet: open een map met een Algoritmekader-corpus.');
    return;
  }
  const { noun, article } = labels[type];
  const nearUri = nearUriOf(target);
  const rawTitle = await vscode.window.showInputBox({
    title: `${article} ${noun}`,
    prompt: `Titel van de ${noun}`,
    placeHolder: 'Bijvoorbeeld: Beschrijf de werking van het algoritme',
    validateInput: validateTitle,
    ignoreFocusOut: true,
  });
  if (rawTitle === undefined) return;
  const title = rawTitle.trim();

  const params: NewDocumentParams = { type, title, nearUri };
  if (type !== 'hulpmiddel') {
    const prefix = await pickPrefix(client, type, nearUri, title);
    if (prefix === undefined) return;
    params.prefix = prefix;
  }

  const result = await client.sendRequest(newDocumentRequest, params);
  if (!result || typeof result.uri !== 'string' || typeof result.text !== 'string') {
    void vscode.window.showErrorMessage(`Kon geen ${noun} maken: de taalserver vond geen corpus voor dit bestand.`);
    return;
  }
  const uri = vscode.Uri.parse(result.uri);
  if (await exists(uri)) {
    const open = 'Openen';
    const answer = await vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} bestaat al; er is niets overschreven.`, open);
    if (answer === open) await vscode.window.showTextDocument(uri);
    return;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(uri);
}
