"""Prints, as JSON, what Python-Markdown renders wrong on every page, as the site build does.

Usage: python3 siteTraps.py ROOT   (every docs/**/*.md of a corpus)
Output: {"docs/a.md": {"glued": [...], "empty": [...]}, ...} with, per page,
- glued: the first list-item line of each paragraph that holds list items as plain text (a list
  glued to the paragraph before it, AK082), stripped;
- empty: the title of each admonition or details block that renders without content (AK083);
  a block holding only a directive comment counts as content (the site's hooks expand it).
Pages with neither are left out.

Pages are read and converted as test/links/siteIds.py does: UTF-8 with an optional BOM, the
frontmatter block cut off, and the Markdown extensions of the corpus's mkdocs.yml that Debian's
python3-markdown and python3-pymdownx provide.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

import markdown

FRONTMATTER = re.compile(r'^---[ \t]*\n(?:.*?\n)?---[ \t]*(?:\n|$)', re.S)
EXTENSIONS = [
    'toc', 'tables', 'fenced_code', 'attr_list', 'abbr', 'md_in_html', 'footnotes', 'admonition',
    'pymdownx.details', 'pymdownx.superfences', 'pymdownx.tabbed', 'pymdownx.tasklist',
]
CONFIG = {'toc': {'toc_depth': 3}, 'pymdownx.tabbed': {'alternate_style': True}}
ITEM = re.compile(r'^\s*([-*+]|\d+\.)[ \t]+\S')


class Tree(markdown.treeprocessors.Treeprocessor):
    """Keeps the element tree of the page, before it is serialised."""

    def run(self, root):
        self.md.page_tree = root


def traps(text):
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    match = FRONTMATTER.match(text)
    if match:
        text = text[match.end():]
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG)
    md.treeprocessors.register(Tree(md), 'keep_tree', 0)
    md.convert(text)
    root = md.page_tree
    found = {'glued': [], 'empty': []}
    for element in root.iter():
        if element.tag == 'p':
            lines = ''.join(element.itertext()).split('\n')
            items = [line.strip() for line in lines[1:] if ITEM.match(line)]
            if items and not ITEM.match(lines[0]):
                found['glued'].append(items[0])
        classes = (element.get('class') or '').split()
        if element.tag == 'div' and 'admonition' in classes:
            title = next((child for child in element if child.get('class') == 'admonition-title'), None)
            if all(child is title for child in element) and not (element.text or '').strip():
                found['empty'].append(''.join(title.itertext()) if title is not None else '')
        if element.tag == 'details':
            summary = next((child for child in element if child.tag == 'summary'), None)
            body = (element.text or '').strip() or any(child is not summary for child in element)
            if not body:
                found['empty'].append(''.join(summary.itertext()) if summary is not None else '')
    return found


def main():
    root = sys.argv[1]
    result = {}
    for folder, _, files in os.walk(os.path.join(root, 'docs')):
        for name in files:
            if not name.lower().endswith('.md'):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, encoding='utf-8-sig') as source:
                    text = source.read()
            except (UnicodeDecodeError, OSError):
                continue
            found = traps(text)
            if found['glued'] or found['empty']:
                result[os.path.relpath(path, root).replace(os.sep, '/')] = found
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == '__main__':
    main()
