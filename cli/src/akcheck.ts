import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { checkCorpus, type SeverityOverrides } from '../../engine/checker';
import { isCorpusRoot, loadCorpus, type LoadedCorpus } from '../../engine/corpus/diskCorpus';
import { FrontmatterDiskCache } from '../../engine/corpus/frontmatterDiskCache';
import { applyEdits, selectSafeFixes } from '../../engine/fixes/applyFixes';
import { parseDocument } from '../../engine/parsing/parseDocument';
import { ConfigError, loadCorpusConfig, parseRuleSettings } from '../../engine/schema/corpusConfig';
import type { CorpusSchema } from '../../engine/schema/schema';
import type { Finding } from '../../engine/rules/finding';
import { version as VERSION } from '../../package.json';
import { formatJson, formatSarif, formatText } from './formatters';

const usage = `Usage: akcheck [options] [ROOT]

Checks an Algoritmekader corpus (ROOT, default: the current folder; a folder that
contains docs/voldoen-aan-wetten-en-regels/) against the rules AK001-AK062.

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply the unambiguous fixes, then report what is left
  --rule AKnnn=SEVERITY      set a rule to error, warning, information, hint or off (repeatable)
  --quiet                    report errors only
  --no-cache                 do not read or write the parse cache (in $AKCHECK_CACHE_DIR,
                             else $XDG_CACHE_HOME/akcheck, else ~/.cache/akcheck)
  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no error, 1 errors found, 2 usage or I/O problem.`;

class UsageError extends Error {}

const maxFixPasses = 10;

function main(argv: string[]): number {
  let options;
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = options;
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!['text', 'json', 'sarif'].includes(values.format)) throw new UsageError(`unknown format '${values.format}' (expected text, json or sarif)`);
  if (positionals.length > 1) throw new UsageError(`expected at most one ROOT, got ${positionals.length}`);

  const root = resolve(positionals[0] ?? '.');
  if (!existsSync(root)) throw new UsageError(`${positionals[0] ?? '.'}: no such folder`);
  if (!statSync(root).isDirectory()) throw new UsageError(`${positionals[0]}: not a folder`);
  const config = loadCorpusConfig(root);
  if (!isCorpusRoot(root, config.schema)) {
    throw new UsageError(`${positionals[0] ?? '.'}: not an Algoritmekader corpus (no ${config.schema.rootMarker}/ in it)`);
  }
  const overrides: SeverityOverrides = { ...config.rules, ...parseRuleOptions(values.rule) };

  const cache = values.cache ? FrontmatterDiskCache.open(root) : undefined;
  const loaded = loadCorpus(root, config.schema, { cache, retainText: false, onListed: tuneForRunLength });
  for (const { path, reason } of loaded.skipped) process.stderr.write(`akcheck: skipped ${path}: ${reason}\n`);
  for (const path of loaded.lossy) process.stderr.write(`akcheck: ${path} is not valid UTF-8; checked with replacement characters, never fixed\n`);

  // The fixes applied are reported on stdout in text; a JSON or SARIF stdout must stay one document.
  if (values.fix) applyFixes(root, loaded, config.schema, overrides, values.format === 'text' ? process.stdout : process.stderr);
  cache?.save();

  let findings = checkCorpus(loaded.corpus, overrides);
  if (values.quiet) findings = findings.filter((finding) => finding.severity === 'error');
  const display = relative(process.cwd(), root) || '.';
  const output =
    values.format === 'json' ? formatJson(findings) : values.format === 'sarif' ? formatSarif(findings, VERSION) : formatText(findings, display, loaded.corpus.size);
  process.stdout.write(output);
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

function parseRuleOptions(rules: string[]) {
  const settings: Record<string, string> = {};
  for (const rule of rules) {
    const [code, severity] = rule.split('=');
    if (!code || !severity) throw new UsageError(`--rule expects AKnnn=SEVERITY, got '${rule}'`);
    settings[code.trim().toUpperCase()] = severity.trim();
  }
  try {
    return parseRuleSettings(settings, '--rule');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Below this many files a run is too short for the optimizing compiler to pay back its work. */
const shortRunFiles = 3000;

/**
 * A run over a small corpus lasts a fraction of a second: V8's optimizing compiler then costs more
 * (on a background thread that competes for few cores) than its code saves, so it is switched off.
 */
function tuneForRunLength(files: number): void {
  if (files < shortRunFiles) setFlagsFromString('--no-opt');
}

/** Applies safe fixes pass by pass until none is left, printing one line per fix applied to `log`. */
function applyFixes(root: string, loaded: LoadedCorpus, schema: CorpusSchema, overrides: SeverityOverrides, log: NodeJS.WritableStream): void {
  const { corpus, lossy } = loaded;
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const findings: Finding[] = checkCorpus(corpus, overrides).filter((finding) => !lossy.has(finding.path));
    const selected = selectSafeFixes(findings).filter(({ fix }) => fix.edits.every((edit) => !lossy.has(edit.path)));
    if (selected.length === 0) return;
    const editsByPath = new Map<string, Finding['fixes'][number]['edits']>();
    for (const { fix } of selected) for (const edit of fix.edits) editsByPath.set(edit.path, [...(editsByPath.get(edit.path) ?? []), edit]);
    for (const [path, edits] of editsByPath) {
      const document = corpus.get(path);
      if (!document) continue;
      const text = applyEdits(document.text.getText(), edits);
      writeFileSync(join(root, path), text);
      corpus.set(parseDocument(path, text, schema));
    }
    for (const { finding, fix } of selected) {
      if (fix.rename) {
        const target = join(root, fix.rename.to);
        // Read before the move: a document's text may be read back from its file.
        const text = corpus.get(fix.rename.from)?.text.getText();
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(root, fix.rename.from), target);
        corpus.delete(fix.rename.from);
        if (text !== undefined) corpus.set(parseDocument(fix.rename.to, text, schema));
      }
      log.write(`fixed ${finding.path}:${finding.range.start.line + 1}  ${fix.title}  [${finding.code}]\n`);
    }
  }
}

// Output piped into `head` and the like: a reader that stops early ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`akcheck: ${error.message}\n`);
  } else {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`akcheck: ${code ? `${code}: ` : ''}${(error as Error).message ?? String(error)}\n`);
  }
  process.exitCode = 2;
}
