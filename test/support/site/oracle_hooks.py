"""MkDocs hooks for the differential test of the Markdown preview (test/preview/siteDifferential.test.ts).

The site's own hooks are not part of the corpus snapshot, so the test build would render every
directive comment as nothing. These hooks put in their place what the site's hooks select, written
independently of the engine from the site's documented behaviour (RULES.md, "How the site reads
directives"), with MkDocs's own reading of each page's metadata:

- `list_<type> ARGS`: the pages of `docs/voldoen-aan-wetten-en-regels/<type>/` (not index.md), in
  MkDocs's file order, whose metadata list KEY contains VALUE when the first argument is KEY/VALUE;
- `list_vereisten_on_maatregelen_page` / `list_maatregelen_on_hulpmiddelen_page`: the slugs of the
  page's own `vereiste` / `maatregel` list;
- `tags` / `tags-ai-act`: the page's labels.

Each becomes `<div class="oracle-directive" data-name="…">` with one element per row or label. The
hook also records every page's final HTML in the JSON file named by $AK_SITE_OUT.
"""
import json
import os
import posixpath
import re

CONTENT = 'voldoen-aan-wetten-en-regels'
LISTED = {'list_vereisten': 'vereisten', 'list_maatregelen': 'maatregelen', 'list_hulpmiddelen': 'hulpmiddelen'}
OWN = {'list_vereisten_on_maatregelen_page': ('vereiste', 'vereisten'), 'list_maatregelen_on_hulpmiddelen_page': ('maatregel', 'maatregelen')}
LABELS = {
    'tags': ['id', 'levenscyclus', 'rollen', 'onderwerp'],
    'tags-ai-act': ['soort-toepassing', 'risicogroep', 'rol-ai-act', 'systeemrisico', 'transparantieverplichting'],
}
SKIPPED_LABELS = {'niet-van-toepassing', 'uitzondering-van-toepassing'}
# A directive is one comment on one line: its name, then arguments.
COMMENT = re.compile(r'<!--[ \t]*((?:list_|tags)[\w-]*?)((?:[ \t][^\n]*?)?)[ \t]*-->')

pages = {}


def values(meta, key):
    value = meta.get(key, [])
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def label_text(key, value):
    if key == 'id':
        return value[-6:]
    text = value.capitalize().replace('-', ' ')
    if key == 'soort-toepassing':
        return text.replace('Ai ', 'AI-')
    if key == 'risicogroep':
        return text.replace('ai', 'AI').replace('AI ', 'AI-')
    return text


def oracle(name, rows, tag='div'):
    """A directive's rows; `span` for the labels, which the site puts into the Markdown as inline HTML."""
    items = ''.join(f'<span class="oracle-row">{row}</span>' for row in rows)
    return f'<{tag} class="oracle-directive" data-name="{name}">{items}</{tag}>'


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        name = match.group(1)
        if name not in LABELS:
            return match.group(0)
        meta = page.meta
        if name == 'tags-ai-act':
            page_id = meta.get('id')
            if not isinstance(page_id, str):
                return oracle(name, ['nothing'], 'span')
            if not page_id.startswith('urn:nl:ak:ver:aia-'):
                return oracle(name, ['intro:other-law'], 'span')
        rows = ['intro:ai-act'] if name == 'tags-ai-act' else []
        for key in LABELS[name]:
            for value in values(meta, key):
                if name == 'tags' or value not in SKIPPED_LABELS:
                    rows.append(f'label:{key}:{label_text(key, value)}')
        return oracle(name, rows, 'span')

    return COMMENT.sub(replace, markdown)


def on_env(env, config, files):
    documents = [file for file in files if file.src_path.endswith('.md') and file.page is not None]

    def listed(folder):
        return [file for file in documents if posixpath.dirname(file.src_path) == f'{CONTENT}/{folder}' and not file.src_path.endswith('/index.md')]

    def replace(page):
        def expand(match):
            name, args = match.group(1), match.group(2).split()
            if name in LISTED:
                bundle = [args[0].split('/')] if args and len(args[0].split('/')) == 2 else []
                rows = [f'row:docs/{file.src_path}' for file in listed(LISTED[name]) if all(value in (file.page.meta.get(key) or []) for key, value in bundle)]
                return oracle(name, rows)
            if name in OWN:
                key, folder = OWN[name]
                by_slug = {posixpath.splitext(posixpath.basename(file.src_path))[0]: file for file in listed(folder)}
                rows = [f'row:docs/{by_slug[slug].src_path}' if slug in by_slug else f'missing:{slug}' for slug in values(page.meta, key)]
                return oracle(name, rows)
            return match.group(0)

        return COMMENT.sub(expand, page.content)

    for file in documents:
        if file.page.content is not None:
            file.page.content = replace(file.page)
    return env


def on_post_page(output, page, config):
    pages[f'docs/{page.file.src_path}'] = page.content
    return output


def on_post_build(config):
    with open(os.environ['AK_SITE_OUT'], 'w', encoding='utf-8') as out:
        json.dump(pages, out)
