// End-to-end checks of body links (issue 11) in the VS Code workbench, run by run.mjs: completion of
// link targets and anchors, F2 on a vereiste that pages link to, and a page moved in the Explorer.
// After a rename or a move no citation, link or anchor may be broken: the Problems view lists no
// AK040, AK041, AK070 or AK071 about the page. `h` holds run.mjs's helpers.
import fs from 'node:fs';
import path from 'node:path';

const BROKEN_CODES = ['AK040', 'AK041', 'AK070', 'AK071'];

export function linkChecks(h) {
  /** The Problems view's rows about `needle` with one of `codes`. */
  async function problemRows(page, needle, codes) {
    const text = await h.problemsText(page, needle);
    return text.split('\n').filter((line) => line.includes(needle) && codes.some((code) => line.includes(code)));
  }

  return {
    /** `](` offers the pages with vereisten first, `](#` the page's ids as the site makes them. */
    async linkCompletion({ page, file, shot }) {
      const name = '0-org-01-benodigde-expertise-en-capaciteit.md';
      const lines = fs.readFileSync(file(name), 'utf8').split('\n');
      await h.quickOpen(page, name, { expectText: 'vereiste:' });
      await h.goTo(page, lines.length, 1);
      await page.keyboard.insertText('\nZie [de vereiste](');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      const wanted = '../vereisten/aia-01-ai-geletterdheid.md';
      const paths = await h.suggestLabels(page, [wanted]);
      await shot();
      if (!paths.includes(wanted)) throw new Error(`no ${wanted} among ${JSON.stringify(paths.slice(0, 15))}`);
      if (!paths.find((label) => label.endsWith('.md'))?.startsWith('../vereisten/')) throw new Error(`vereisten are not first: ${JSON.stringify(paths.slice(0, 5))}`);
      await page.keyboard.press('Escape');
      // Typed words of the page's name find it; the focused item shows the page's title as its detail.
      await page.keyboard.insertText(')\nZie [ook](geletterdheid');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      const focused = page.locator(`${h.SEL.suggestRow}.focused`).first();
      await focused.waitFor({ state: 'visible', timeout: 15000 });
      const row = await h.poll(
        async () => {
          const text = (await focused.innerText()).replace(/\s+/g, ' ');
          return text.includes(wanted) && /AI-geletterd/.test(text) && text;
        },
        { timeout: 10000, what: `the item of ${wanted} with the page's title` },
      );
      await page.keyboard.press('Escape');
      await page.keyboard.insertText(')\nEn [hier](#');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      // `## Bijbehorende vereiste(n) { data-search-exclude }`: the site's id, not GitHub's (bijbehorende-vereisten--data-search-exclude-).
      const ids = await h.suggestLabels(page, ['bijbehorende-vereisten', 'toelichting']);
      await h.revertActive(page);
      for (const id of ['bijbehorende-vereisten', 'toelichting']) if (!ids.includes(id)) throw new Error(`no #${id} among ${JSON.stringify(ids.slice(0, 15))}`);
      return `${paths.length} paths (first ${paths[0]}; "${row.slice(0, 80)}"), ${ids.length} anchors incl. bijbehorende-vereisten`;
    },

    /** F2 on the id of aia-01 (cited by hulpmiddelen and maatregelen, linked from maatregelen and pages) renames it everywhere. */
    async linkRename({ page, ws, file, shot }) {
      const name = 'aia-01-ai-geletterdheid.md';
      const renamed = 'aia-01-ai-geletterdheid-personeel';
      const linking = file('generatieve-ai.md');
      const { line, text } = h.lineOf(file(name), /^id: /);
      await h.quickOpen(page, name, { expectText: 'urn:nl:ak:ver:aia-01' });
      await h.goTo(page, line, text.length);
      await page.keyboard.press('F2');
      const input = page.locator('.rename-box input, .rename-box .rename-input').first();
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill(renamed);
      await page.keyboard.press('Enter');
      const moved = path.join(path.dirname(file(name)), `${renamed}.md`);
      await h.poll(() => fs.existsSync(moved), { timeout: 20000, what: `${renamed}.md on disk` });
      await h.waitFile(linking, (t) => t.includes(`vereisten/${renamed}.md`), 'the link in generatieve-ai.md rewritten and saved');
      const citing = h.walk(path.join(ws, 'docs')).filter((p) => p.endsWith('.md') && fs.readFileSync(p, 'utf8').includes(`- ${renamed}\n`));
      if (citing.length < 5) throw new Error(`only ${citing.length} frontmatter lists cite ${renamed}`);
      await h.poll(async () => (await problemRows(page, 'aia-01-ai-geletterdheid', BROKEN_CODES)).length === 0, {
        timeout: 30000,
        what: 'no AK040/AK041/AK070/AK071 about aia-01-ai-geletterdheid',
      });
      await shot();
      return `renamed to ${renamed}: ${citing.length} citations and the links rewritten, no broken one left`;
    },

    /** A page moved into a new folder in the Explorer: the prompt, then every link to it follows. */
    async explorerMove({ page, file, shot }) {
      const name = 'risico-van-ai-systemen.md';
      const linking = file('ai-verordening-in-het-kort.md');
      await h.quickOpen(page, name, { expectText: 'Risico' });
      // Revealed and clicked, the file is selected in the focused Explorer, where F2 renames it.
      await h.runCommand(page, 'File: Reveal Active File in Explorer View');
      const row = page.locator(`${h.SEL.explorer} .monaco-list-row.selected`, { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 10000 });
      await row.click();
      await page.keyboard.press('F2');
      await page.locator(`${h.SEL.explorer} .monaco-inputbox input`).first().waitFor({ state: 'visible', timeout: 10000 });
      // The box has the focus, the name selected (without `.md`): select all and type the new path.
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(`archief/${name}`);
      await page.keyboard.press('Enter');
      // algoritmekader.updateLinksOnFileMove is "prompt" by default: VS Code asks, in its dialog for the edits an extension makes with a rename.
      const ok = page.locator('.monaco-dialog-box').getByRole('button', { name: 'OK', exact: true });
      await ok.waitFor({ state: 'visible', timeout: 20000 });
      await shot();
      await ok.click();
      // The edited pages are left modified, as after VS Code's own link updates: save them.
      await h.poll(async () => (await problemRows(page, 'risico-van-ai-systemen', ['AK070', 'AK071'])).length === 0, {
        timeout: 30000,
        what: 'no AK070/AK071 about risico-van-ai-systemen',
      });
      // Save All can come before the edits reach the editors of a busy workbench: save again until the file shows them.
      for (let attempt = 1; ; attempt++) {
        await h.runCommand(page, 'File: Save All Files');
        try {
          await h.waitFile(
            linking,
            (t) => t.includes(`soorten-algoritmes-en-ai/archief/${name}#risico-op-misleiding`),
            'the links in ai-verordening-in-het-kort.md moved along, fragments kept',
          );
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      return 'moved to soorten-algoritmes-en-ai/archief/; the links followed, none broken';
    },
  };
}
