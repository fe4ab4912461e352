"""Builds a corpus with MkDocs and reads the block structure of its pages and of the preview's HTML.

    python3 site_structure.py CORPUS_ROOT PREVIEW.json OUT.json

PREVIEW.json maps corpus paths (`docs/...md`) to the HTML the Markdown preview renders. The build
uses the Markdown extensions of the corpus's own mkdocs.yml that this machine has (Debian's mkdocs,
mkdocs-material and python3-pymdownx), the builtin theme, no plugins, and oracle_hooks.py beside this
file in place of the site's hooks. OUT.json gets, per page, the structure of both renderings as
lists of events (see Structure), and the extensions used and left out.
"""
import importlib
import json
import os
import posixpath
import sys
import tempfile
import types
from html.parser import HTMLParser

import yaml


class TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml has Python tags (`!!python/name:…`, `!ENV`): read as None."""


TolerantLoader.add_multi_constructor('', lambda loader, suffix, node: None)
TolerantLoader.add_multi_constructor('tag:yaml.org,2002:python/', lambda loader, suffix, node: None)


class ConfigDumper(yaml.SafeDumper):
    """Writes a Python function as MkDocs reads one: `!!python/name:module.name`."""


ConfigDumper.add_representer(types.FunctionType, lambda dumper, function: dumper.represent_scalar(f'tag:yaml.org,2002:python/name:{function.__module__}.{function.__name__}', ''))


def usable_extensions(corpus, configured):
    """The configured extensions that load here, with configs made loadable; and those left out."""
    import markdown

    used, left_out = [], []
    for entry in configured or []:
        name, config = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        config = dict(config or {})
        if name == 'pymdownx.superfences':
            fence_format = importlib.import_module('pymdownx.superfences').fence_code_format
            config['custom_fences'] = [dict(fence, format=fence_format) for fence in config.get('custom_fences', [])]
        if name == 'pymdownx.snippets':
            config['base_path'] = [corpus]
            config['check_paths'] = True
        if any(value is None for value in config.values()):
            left_out.append(f'{name} (its configuration names Python code of the site)')
            continue
        try:
            markdown.Markdown(extensions=[name], extension_configs={name: config})
        except Exception as error:  # not installed here, or too old
            left_out.append(f'{name} ({type(error).__name__}: {error})')
            continue
        used.append({name: config} if config else name)
    return used, left_out


def build(corpus, out):
    with open(os.path.join(corpus, 'mkdocs.yml'), encoding='utf-8') as file:
        site = yaml.load(file, Loader=TolerantLoader) or {}
    extensions, left_out = usable_extensions(corpus, site.get('markdown_extensions'))
    work = tempfile.mkdtemp(prefix='ak-site-')
    config_path = os.path.join(work, 'mkdocs.yml')
    config = {
        'site_name': 'oracle',
        'docs_dir': os.path.join(os.path.abspath(corpus), 'docs'),
        'site_dir': os.path.join(work, 'site'),
        'theme': {'name': 'mkdocs'},
        'plugins': [],
        'hooks': [os.path.join(os.path.dirname(os.path.abspath(__file__)), 'oracle_hooks.py')],
        'markdown_extensions': extensions,
        'use_directory_urls': site.get('use_directory_urls', True),
    }
    with open(config_path, 'w', encoding='utf-8') as file:
        yaml.dump(config, file, Dumper=ConfigDumper)
    os.environ['AK_SITE_OUT'] = out
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(config_file=config_path))
    return extensions, left_out


class Structure(HTMLParser):
    """Events of a page's blocks, each prefixed by the admonitions, details and tabs around it:
    headings with their ids, admonitions and details with their classes and titles, tab labels,
    Markdown tables with their row count, lists with their item count, footnotes, and each
    directive with its rows (`row:<page>`, `missing:<slug>`, `label:<key>:<text>`, `intro:…`).
    Markers of the preview (`.ak-marker`) and the filter bar above a directive's table are no
    part of the site's page and are left out."""

    VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.events = []
        self.stack = []  # [tag, kind, data, classes]
        self.context = []
        self.text = None
        self.abbr_text = None
        self.directive = None
        self.skip = 0

    def classes(self, attrs):
        return (dict(attrs).get('class') or '').split()

    def emit(self, event):
        self.events.append('>'.join(self.context + [event]))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = self.classes(attrs)
        kind, data = None, None
        if self.skip or 'ak-marker' in classes or 'filter-wrapper' in classes:
            if tag in self.VOID:
                return
            self.skip += 1
            kind = 'skip'
        elif self.directive is not None:
            self.directive_tag(tag, attributes, classes)
        elif 'oracle-directive' in classes or 'ak-directive' in classes:
            name = attributes.get('data-name') or attributes.get('data-ak-directive')
            self.directive = {'name': name, 'rows': ['nothing'] if 'data-ak-nothing' in attributes else [], 'ours': 'ak-directive' in classes}
            kind = 'directive'
        elif tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            kind, data = 'heading', f"{tag}#{attributes.get('id', '')}"
            self.text = []
        elif tag == 'div' and 'admonition' in classes:
            kind = 'container'
            self.context.append('admonition.' + '.'.join(sorted(c for c in classes if c not in ('admonition', 'code-line'))))
        elif tag == 'details':
            kind = 'container'
            self.context.append('details.' + '.'.join(sorted(c for c in classes if c != 'code-line')) + ('+open' if 'open' in attributes else ''))
        elif tag == 'div' and 'tabbed-block' in classes:
            kind = 'container'
            self.context.append('tab')
        elif (tag == 'p' and 'admonition-title' in classes) or tag == 'summary' or (tag == 'label' and self.stack and 'tabbed-labels' in self.stack[-1][3]):
            kind, data = 'title', tag
            self.text = []
        elif tag == 'table':
            kind, data = 'table', [0]
        elif tag == 'tr' and self.stack and any(entry[0] == 'tbody' for entry in self.stack):
            table = next((entry for entry in reversed(self.stack) if entry[1] == 'table'), None)
            if table:
                table[2][0] += 1
        elif tag == 'abbr':
            kind, data = 'abbr', []
            self.abbr_text = data
        elif tag in ('ul', 'ol'):
            kind, data = 'list', [0]
        elif tag == 'li':
            parent = next((entry for entry in reversed(self.stack) if entry[0] in ('ul', 'ol')), None)
            if parent:
                parent[2][0] += 1
            if (attributes.get('id') or '').startswith('fn:'):
                self.emit(f"footnote#{attributes['id']}")
        if tag not in self.VOID:
            self.stack.append([tag, kind, data, classes])

    def directive_tag(self, tag, attributes, classes):
        directive = self.directive
        if 'oracle-row' in classes:
            self.text = []
            directive['row'] = True
        elif tag == 'a' and directive['ours'] and attributes.get('href') and not directive.get('in_row_link'):
            href = attributes['href'].split('#')[0]
            if href.endswith('.md') and directive.get('row_open'):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), href))
                directive['rows'].append(f'row:{target}')
                directive['row_open'] = False
        elif tag == 'tr' and directive['ours'] and any(entry[0] == 'tbody' for entry in self.stack):
            directive['row_open'] = True
            directive['row_text'] = []
        elif 'data-ak-label' in attributes and not any(entry[0] == 'tr' for entry in self.stack):
            directive['label'] = attributes['data-ak-label']
            self.text = []
        elif 'data-ak-intro' in attributes:
            directive['rows'].append(f"intro:{attributes['data-ak-intro']}")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            entry = self.stack.pop()
            self.close_entry(entry)
            if entry[0] == tag:
                break

    def close_entry(self, entry):
        tag, kind, data, classes = entry
        directive = self.directive
        if kind == 'skip':
            self.skip -= 1
            return
        if directive is not None and kind != 'directive':
            if directive.get('row') and tag == 'span':
                directive['rows'].append(''.join(self.text).strip())
                directive['row'] = False
                self.text = None
            elif directive.get('label') and tag == 'span' and 'mdx-badge' in classes:
                directive['rows'].append(f"label:{directive['label']}:{' '.join(''.join(self.text).split())}")
                directive['label'] = None
                self.text = None
            elif tag == 'tr' and directive['ours'] and directive.get('row_open'):
                # A row without a link: a slug that names no page.
                directive['rows'].append(f"missing:{' '.join(''.join(directive['row_text']).split())}")
                directive['row_open'] = False
            return
        if kind == 'directive':
            self.emit(f"directive:{directive['name']}:" + '|'.join(directive['rows']))
            self.directive = None
        elif kind == 'heading':
            self.emit(data)
            self.text = None
        elif kind == 'container':
            self.context.pop()
        elif kind == 'title':
            self.emit(f"title:{' '.join(''.join(self.text).split())}")
            self.text = None
        elif kind == 'abbr':
            self.emit(f"abbr:{''.join(data)}")
            self.abbr_text = None
        elif kind == 'table':
            self.emit(f'table:{data[0]}')
        elif kind == 'list':
            self.emit(f'{tag}:{data[0]}')

    def handle_data(self, data):
        if self.skip:
            return
        if self.text is not None:
            self.text.append(data)
        if self.abbr_text is not None:
            self.abbr_text.append(data)
        if self.directive is not None and self.directive.get('row_open'):
            self.directive['row_text'].append(data)


def structure(page, html):
    parser = Structure(page)
    parser.feed(html)
    parser.close()
    while parser.stack:
        parser.close_entry(parser.stack.pop())
    return parser.events


def main():
    corpus, preview_path, out_path = sys.argv[1:4]
    site_path = out_path + '.site.json'
    extensions, left_out = build(corpus, site_path)
    with open(site_path, encoding='utf-8') as file:
        site = json.load(file)
    with open(preview_path, encoding='utf-8') as file:
        preview = json.load(file)
    pages = {path: {'site': structure(path, site[path]), 'preview': structure(path, html)} for path, html in preview.items() if path in site}
    with open(out_path, 'w', encoding='utf-8') as file:
        json.dump({'extensions': [e if isinstance(e, str) else next(iter(e)) for e in extensions], 'leftOut': left_out, 'pages': pages, 'notBuilt': sorted(set(preview) - set(site))}, file)


if __name__ == '__main__':
    main()
