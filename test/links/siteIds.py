"""Prints, as JSON, the heading ids Python-Markdown gives every page, as the site build does.

Usage: python3 siteIds.py ROOT   (every docs/**/*.md of a corpus)
       python3 siteIds.py -      (pages as {"path": "text", ...} JSON on stdin)
Output: {"docs/a.md": [[level, id], ...], ...}, headings in document order (raw-HTML headings,
which get no id, left out).

A page is read as MkDocs reads it (UTF-8, an optional BOM) and converted with the Markdown
extensions of the corpus's mkdocs.yml that Debian's python3-markdown and python3-pymdownx provide
(pymdownx.blocks.html is too new for them; it and the snippets' glossary do not change headings).
The frontmatter is cut off as RULES.md defines the block (line 1 `---` to the next `---` line),
which is what the engine does; MkDocs's own pattern differs only for an empty block (`---` right
after `---`), which it leaves in the page.
"""
import json
import os
import re
import sys
from html.parser import HTMLParser

import markdown

FRONTMATTER = re.compile(r'^---[ \t]*\n(?:.*?\n)?---[ \t]*(?:\n|$)', re.S)

EXTENSIONS = [
    'toc', 'tables', 'fenced_code', 'attr_list', 'abbr', 'md_in_html', 'footnotes', 'admonition',
    'pymdownx.details', 'pymdownx.superfences', 'pymdownx.tabbed', 'pymdownx.tasklist', 'pymdownx.emoji',
]
CONFIG = {'toc': {'toc_depth': 3}, 'pymdownx.tabbed': {'alternate_style': True}}


class HeadingIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r'h[1-6]', tag):
            self.found.append([int(tag[1]), dict(attrs).get('id')])


def heading_ids(text):
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    match = FRONTMATTER.match(text)
    if match:
        text = text[match.end():]
    html = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG).convert(text)
    parser = HeadingIds()
    parser.feed(html)
    return [found for found in parser.found if found[1] is not None]


def read_corpus(root):
    pages = {}
    for folder, _, files in os.walk(os.path.join(root, 'docs')):
        for name in files:
            if name.lower().endswith('.md'):
                path = os.path.join(folder, name)
                with open(path, encoding='utf-8-sig') as source:
                    pages[os.path.relpath(path, root).replace(os.sep, '/')] = source.read()
    return pages


def main(source):
    pages = json.load(sys.stdin) if source == '-' else read_corpus(source)
    ids = {path: heading_ids(text.lstrip('\ufeff')) for path, text in pages.items()}
    json.dump(ids, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == '__main__':
    main(sys.argv[1])
