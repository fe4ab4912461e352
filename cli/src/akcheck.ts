import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { checkCorpus, ConfigError, fixCorpus, isCorpusRoot, loadCorpus, loadCorpusConfig, parseRuleSettings, type SeverityOverrides } from '../../engine';
import { NodeFileSystem } from '../../engine/node';
import { version as VERSION } from '../../package.json';
import { formatJson, formatSarif, formatText } from './formatters';

const usage = `Usage: akcheck [options] [ROOT]

Checks an Algoritmekader corpus (ROOT, default: the current folder; a folder that
contains docs/voldoen-aan-wetten-en-regels/) against the rules AK001-AK095
(AK005: files that cannot be checked; AK070-AK074: links; AK080-AK084: page
structure; AK090-AK094: metadata the site interprets; AK095: the glossary).

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      apply the unambiguous fixes, then report what is left
  --rule AKnnn=SEVERITY      set a rule to error, warning, information, hint or off (repeatable)
  --quiet                    report errors only
  --no-cache                 no effect: akcheck keeps no cache (accepted for older scripts)
  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no error, 1 errors found, 2 usage or I/O problem.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
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
  const fs = new NodeFileSystem(root);
  const config = await loadCorpusConfig(fs);
  if (!(await isCorpusRoot(fs, config.schema))) {
    throw new UsageError(`${positionals[0] ?? '.'}: not an Algoritmekader corpus (no ${config.schema.rootMarker}/ in it)`);
  }
  const overrides: SeverityOverrides = { ...config.rules, ...parseRuleOptions(values.rule) };

  const loaded = await loadCorpus(fs, config.schema, { keepTextsUpTo: shortRunFiles, onListed: tuneForRunLength });
  // Files that cannot be checked are AK005 findings; what is left here are folders that cannot be listed and files gone meanwhile.
  for (const { path, reason } of loaded.skipped) process.stderr.write(`akcheck: skipped ${path}: ${reason}\n`);

  if (values.fix) {
    // The fixes applied are reported on stdout in text; a JSON or SARIF stdout must stay one document.
    const log = values.format === 'text' ? process.stdout : process.stderr;
    await fixCorpus(fs, loaded, overrides, (finding, fix) => log.write(`fixed ${finding.path}:${finding.range.start.line + 1}  ${fix.title}  [${finding.code}]\n`));
  }

  let findings = checkCorpus(loaded.corpus, overrides);
  if (values.quiet) findings = findings.filter((finding) => finding.severity === 'error');
  const display = relative(process.cwd(), root) || '.';
  const output = values.format === 'json' ? formatJson(findings) : values.format === 'sarif' ? formatSarif(findings, VERSION) : formatText(findings, display, loaded.corpus.size);
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

/**
 * Below this many files a run is too short for the optimizing compiler to pay back its work; and
 * the texts are a few megabytes, cheaper to keep than to free (the strings cut from a text would
 * have to be copied, see `dropText`).
 */
const shortRunFiles = 3000;

/**
 * A run over a small corpus lasts a fraction of a second: V8's optimizing compiler then costs more
 * (on a background thread that competes for few cores) than its code saves, so it is switched off.
 */
function tuneForRunLength(files: number): void {
  if (files < shortRunFiles) setFlagsFromString('--no-opt');
}

// Output piped into `head` and the like: a reader that stops early ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`akcheck: ${error.message}\n`);
    } else {
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(`akcheck: ${code ? `${code}: ` : ''}${(error as Error).message ?? String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
