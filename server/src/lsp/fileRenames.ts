import { configurationSection, type ServerSettings } from '../../../protocol';
import { fileMoveEdit, pageMoves } from '../languageFeatures/fileMoves';
import type { Feature } from './feature';
import { guard, type ServerContext } from './serverContext';

type UpdateLinks = ServerSettings['updateLinksOnFileMove'];

async function updateLinksSetting(context: ServerContext): Promise<UpdateLinks> {
  if (!context.canReadConfiguration) return 'prompt';
  const settings = ((await context.connection.workspace.getConfiguration(configurationSection)) ?? {}) as Partial<ServerSettings>;
  const value = settings.updateLinksOnFileMove;
  return value === 'always' || value === 'never' ? value : 'prompt';
}

const update = 'Bijwerken';

/**
 * Moving or renaming `.md` files and folders in the editor (the Explorer, or a rename by another
 * extension): before the move, every citation of the moved pages' slugs and every link to them is
 * rewritten, as `algoritmekader.updateLinksOnFileMove` says. `prompt` asks first: the server asks,
 * unless the editor asks itself (VS Code shows its own dialog, with a preview, for such edits).
 */
export const fileRenamesFeature: Feature = {
  capabilities: {
    workspace: {
      fileOperations: {
        willRename: {
          filters: [{ pattern: { glob: '**/*.md', matches: 'file', options: { ignoreCase: true } } }, { pattern: { glob: '**/*', matches: 'folder' } }],
        },
      },
    },
  },
  register(context) {
    context.connection.workspace.onWillRenameFiles(
      guard(context, 'file renames', null, async ({ files }) => {
        const moved = fileMoveEdit(pageMoves(context.workspace, files));
        if (!moved) return null;
        const setting = await updateLinksSetting(context);
        if (setting === 'never') return null;
        if (setting === 'prompt' && !context.editorConfirmsFileMoves) {
          const what = files.length === 1 ? (files[0].oldUri.split('/').pop() ?? '') : `${files.length} bestanden`;
          const answer = await context.connection.window.showInformationMessage(
            `${moved.references} verwijzingen naar ${decodeURIComponent(what)} bijwerken? (Zet algoritmekader.updateLinksOnFileMove op "always" of "never" om dit niet meer te vragen.)`,
            { title: update },
            { title: 'Niet bijwerken' },
          );
          if (answer?.title !== update) return null;
        }
        return moved.edit;
      }),
    );
  },
};
