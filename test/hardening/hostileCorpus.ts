// A copy of the demo corpus with hostile files added (issue 6), shared by the engine, CLI and server tests.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { projectRoot } from '../support/realCorpus';

export const hulpmiddelen = 'docs/voldoen-aan-wetten-en-regels/hulpmiddelen';

/** The `##` sections a hulpmiddel must have (AK080), with a line of text each. */
export const hulpmiddelSections = ['Hulpmiddel', 'Relevantie', 'Auteur', 'Bijbehorende vereisten', 'Bijbehorende maatregelen'].map((name) => `## ${name}\n\nTekst.\n`).join('\n');

/** A clean hulpmiddel: no finding at all, so every finding of a hostile file comes from what was added. */
export function hulpmiddel(extraKeys = '', body = ''): string {
  return [
    '---',
    'title: Vijandig bestand',
    'toelichting: Een bestand om de hardheid van de tools te toetsen.',
    'categorie:',
    '- impact-assessment',
    'levenscyclus:',
    '- ontwerp',
    'onderwerp:',
    '- privacy-en-gegevensbescherming',
    'rollen:',
    '- jurist',
    extraKeys + '---',
    '',
    '<!-- tags -->',
    '',
    hulpmiddelSections,
    body,
  ].join('\n');
}

/** "Billion laughs": ten levels of nine aliases each, and list keys that name the top one. */
export function aliasBomb(): string {
  let keys = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let level = 1; level < 10; level++)
    keys += `a${level}: &a${level} [${Array(9)
      .fill(`*a${level - 1}`)
      .join(', ')}]\n`;
  return hulpmiddel(`${keys}vereiste: *a9\nmaatregel:\n- *a0\n`);
}

export const depth = 10_000;
export const outsideTitle = 'GEHEIM BUITEN HET CORPUS';

/**
 * What each hostile file is and what must come of it: `codes`, the findings of a check; for a file
 * that cannot be checked, `unreadable`, what its AK005 message says; for a folder that cannot be
 * listed, `skip`, the reason a reader logs.
 */
export interface HostileFile {
  name: string;
  /** Path relative to the root. */
  path: string;
  what: string;
  codes?: string[];
  unreadable?: RegExp;
  skip?: RegExp;
}

export interface HostileCorpus {
  root: string;
  outside: string;
  files: HostileFile[];
  /** Present when the process cannot be stopped by permissions (root): the reason that case is skipped. */
  unreadableSkipped?: string;
  remove(): void;
}

const at = (name: string) => `${hulpmiddelen}/${name}`;

/**
 * A temporary copy of content/ with the hostile files, and a folder beside it ("outside the corpus")
 * that links point into. The outside folder holds a page a careless reader would index.
 */
export function hostileCorpus(): HostileCorpus {
  const parent = mkdtempSync(join(tmpdir(), 'ak-hostile-'));
  const root = join(parent, 'corpus');
  const outside = join(parent, 'outside');
  cpSync(join(projectRoot, 'content'), root, { recursive: true });
  mkdirSync(outside);
  // An unknown directive: any page that reads it gets an AK050, so reading it shows.
  writeFileSync(join(outside, 'secret.md'), hulpmiddel('', `# ${outsideTitle}\n\n<!-- list_geheim -->\n`).replace('Vijandig bestand', outsideTitle));
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const files: HostileFile[] = [];
  const add = (file: HostileFile, content?: string | Buffer) => {
    if (content !== undefined) write(file.path, content);
    files.push(file);
  };

  add({ name: 'alias bomb', path: at('hostile-alias-bomb.md'), what: 'billion laughs: 10 levels × 9 aliases', codes: ['AK011', 'AK021'] }, aliasBomb());
  add(
    { name: 'flow nesting', path: at('hostile-nesting-flow.md'), what: `[ nested ${depth} deep`, codes: ['AK003'] },
    hulpmiddel(`vereiste: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
  );
  add({ name: 'block nesting', path: at('hostile-nesting-block.md'), what: `- nested ${depth} deep`, codes: ['AK003'] }, hulpmiddel(`vereiste:\n${'- '.repeat(depth)}x\n`));
  const paragraph = 'Dit is een lange alinea die steeds terugkomt om het bestand groot te maken.\n';
  add(
    { name: '10 MB file', path: at('hostile-10mb.md'), what: '10 MB of Markdown', codes: ['AK005'], unreadable: /groter dan 2 MiB \(10,\d\d MiB\)/ },
    hulpmiddel('', paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length))),
  );
  add({ name: '1 MB line', path: at('hostile-long-line.md'), what: 'one line of 1 MB: 262,144 unclosed `<!--`', codes: [] }, hulpmiddel('', '<!--'.repeat(256 * 1024) + '\n'));
  add(
    { name: 'binary file', path: at('hostile-binary.md'), what: 'bytes with NULs named .md', codes: ['AK005'], unreadable: /NUL-bytes/ },
    Buffer.concat([Buffer.from(hulpmiddel()), Buffer.from([0, 1, 2, 0xff, 0xd8, 0, 0x89, 0x50])]),
  );
  add(
    {
      name: 'invalid UTF-8',
      path: at('hostile-invalid-utf8.md'),
      what: 'bytes that are not UTF-8 (and a duplicate value with a safe fix)',
      codes: ['AK005'],
      unreadable: /geen geldige UTF-8/,
    },
    Buffer.concat([
      Buffer.from('---\ntitle: Vijandig '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from(hulpmiddel('', '').slice('---\ntitle: Vijandig bestand'.length).replace('- jurist\n', '- jurist\n- jurist\n')),
    ]),
  );
  add({ name: 'empty file', path: at('hostile-empty.md'), what: 'zero bytes', codes: ['AK001', 'AK062', 'AK080'] }, '');
  add({ name: 'only ---', path: at('hostile-only-dashes.md'), what: 'a file of only `---`', codes: ['AK002', 'AK062', 'AK080'] }, '---');
  add(
    {
      name: 'traversal slugs',
      path: at('hostile-traversal.md'),
      what: '`../../../etc/passwd`, absolute paths and a path out of the corpus as slugs',
      codes: ['AK040', 'AK041', 'AK051'],
    },
    hulpmiddel(
      `vereiste:\n- ../../../etc/passwd\n- /etc/passwd\n- ../../../../${basename(outside)}/secret\nmaatregel:\n- ../../hulpmiddelen/DPIA\n`,
      [
        '<!-- list_maatregelen vereiste/../../../etc/passwd -->',
        '<!-- list_maatregelen vereiste//etc/passwd -->',
        `<!-- list_vereisten onderwerp/../../../${basename(outside)}/secret -->`,
        '',
      ].join('\n'),
    ),
  );
  const directives = Array.from({ length: 600 }, (_, i) =>
    i % 3 === 0
      ? `<!-- list_maatregelen vereiste/avg-13-dpia-bij-hoog-risico no-search -->`
      : i % 3 === 1
        ? `<!-- list_maatregelen vereiste/nope-${i} -->`
        : `<!-- list_vereisten onderwerp/data no-x add-y ${'z '.repeat(i % 50)}-->`,
  );
  add(
    { name: 'hundreds of directives', path: at('hostile-many-directives.md'), what: '600 directives in one file', codes: ['AK051', 'AK053'] },
    hulpmiddel('', directives.join('\n') + '\n'),
  );

  const link = (path: string, target: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  };
  link(at('hostile-dangling.md'), join(root, 'nowhere.md'));
  files.push({ name: 'dangling symlink', path: at('hostile-dangling.md'), what: 'a link to a file that does not exist', codes: ['AK005'], unreadable: /nergens naar wijst/ });
  link(at('hostile-loop-a.md'), join(root, at('hostile-loop-b.md')));
  link(at('hostile-loop-b.md'), join(root, at('hostile-loop-a.md')));
  files.push({ name: 'symlink loop', path: at('hostile-loop-a.md'), what: 'two links pointing at each other', codes: ['AK005'], unreadable: /naar zichzelf/ });
  link(at('hostile-outside.md'), join(outside, 'secret.md'));
  files.push({ name: 'symlink out of the corpus', path: at('hostile-outside.md'), what: 'a link to a page outside the root', codes: ['AK005'], unreadable: /buiten het corpus/ });
  link('docs/hostile-linked-folder', outside);
  link('docs/hostile-folder-loop', join(root, 'docs'));

  let unreadableSkipped: string | undefined;
  if (process.getuid?.() === 0) {
    unreadableSkipped = 'tests run as root, where folder permissions do not stop reading';
  } else {
    write('docs/hostile-unreadable/page.md', hulpmiddel());
    chmodSync(join(root, 'docs/hostile-unreadable'), 0o000);
    files.push({ name: 'unreadable folder', path: 'docs/hostile-unreadable', what: 'a folder without read permission', skip: /folder cannot be read \(EACCES\)/ });
  }

  return {
    root,
    outside,
    files,
    unreadableSkipped,
    remove() {
      if (!unreadableSkipped) chmodSync(join(root, 'docs/hostile-unreadable'), 0o755);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
