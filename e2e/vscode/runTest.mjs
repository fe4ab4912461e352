#!/usr/bin/env node
// Integration tests of the extension inside a real VS Code (Electron), through @vscode/test-electron.
//
//   node e2e/vscode/runTest.mjs          (npm run test:vscode builds dist/ first)
//
// Copies the real corpus (env AK_REAL_CORPUS, default ../shared/corpora/algoritmekader from the
// project root) into a temp folder, downloads VS Code (once, into the cache below) and starts it on
// that folder with this project as the extension under development; suite/index.js then runs the
// checks inside the extension host and prints "PASS|FAIL <check>" lines and "N passed, N failed".
//
// Env:
//   AK_REAL_CORPUS         corpus folder (must contain docs/voldoen-aan-wetten-en-regels)
//   AK_VSCODE_VERSION      VS Code version to download (default 1.100.3, the engine floor; "stable" works too)
//   AK_VSCODE_EXECUTABLE   use this VS Code executable instead of downloading one (offline use)
//   AK_E2E_CACHE           cache folder (default ${XDG_CACHE_HOME:-~/.cache}/algoritmekader-e2e); VS Code goes to vscode-test/
//   AK_KEEP=1              keep the temp folder (workspace copy, user data, logs)
//
// Needs network access to update.code.visualstudio.com for the first download. Without it this
// fails with one clear line and exit code 1 (it never reports success without running the suite).
// Exit codes: 0 all checks passed (or no corpus: a note and "0 passed, 0 failed"), 1 otherwise.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const VERSION = process.env.AK_VSCODE_VERSION || '1.100.3'; // engines.vscode is ^1.100.0; code-server 4.100.3 is VS Code 1.100.3 too
const require = createRequire(path.join(ROOT, 'package.json'));

const log = (...a) => console.error('[vscode-test]', ...a);

/** Ends the run with one FAIL line and the summary line, like e2e/run.mjs does for setup failures. */
function fail(msg, code = 1) {
  console.log(`FAIL setup: ${msg}`);
  console.log('0 passed, 1 failed');
  cleanup(false); // before VS Code ran there is nothing worth keeping
  process.exit(code);
}

let tmp;
let vscodeRunning = false;
const stoppers = []; // synchronous; also run on process exit (test-electron may call process.exit after Ctrl+C)
function stopAll() {
  while (stoppers.length) {
    try {
      stoppers.pop()();
    } catch {}
  }
}
function cleanup(failed) {
  stopAll();
  if (!tmp || !fs.existsSync(tmp)) return;
  if (failed || process.env.AK_KEEP === '1') log(`kept ${tmp}`);
  else
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch (e) {
      log(`could not remove ${tmp}: ${e.message}`);
    }
}

/** VS Code processes of this run: those whose command line names our temp folder (its --user-data-dir). */
function ourVsCodePids() {
  if (!tmp || process.platform !== 'linux') return [];
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(tmp)) out.push(Number(d));
    } catch {}
  }
  return out;
}

process.on('exit', stopAll);
// Ctrl+C while VS Code runs: test-electron closes it (twice: forcefully) and runTests rejects; the
// catch below reports and cleans up. Before or after that, and on SIGTERM, stop here.
process.on('SIGINT', () => {
  if (vscodeRunning) return;
  console.log('FAIL interrupted: SIGINT');
  cleanup(false);
  process.exit(130);
});
process.on('SIGTERM', () => {
  for (const pid of ourVsCodePids())
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  console.log('FAIL interrupted: SIGTERM');
  cleanup(true);
  process.exit(143);
});

/** The one line that explains a failed download (network errors come with a code such as ENOTFOUND). */
function downloadFailure(e) {
  const msg = String(e?.message ?? e).split('\n')[0];
  const net = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|timed out|status code|certificate/i;
  if (net.test(`${e?.code ?? ''} ${msg}`)) {
    return (
      `could not download VS Code ${VERSION} (${msg}): this suite needs network access to update.code.visualstudio.com ` +
      '(or AK_VSCODE_EXECUTABLE=/path/to/code); offline, `npm run test:e2e` (code-server) is the end-to-end proof'
    );
  }
  return `could not download VS Code ${VERSION}: ${msg}`;
}

/** Linux without a display: start Xvfb (when installed) for the run; returns an error text or undefined. */
function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  const which = spawnSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8' });
  if (which.status !== 0) return 'no $DISPLAY and no Xvfb: run under `xvfb-run -a`, or install Xvfb (apt-get install xvfb)';
  // -displayfd 3: Xvfb picks a free display number and writes it to fd 3 once it accepts connections
  const r = spawnSync('sh', ['-c', `Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$1" >/dev/null 2>&1 & echo $!`, 'sh', path.join(tmp, 'xvfb.display')], {
    encoding: 'utf8',
  });
  const pid = Number(r.stdout.trim());
  if (!pid) return 'could not start Xvfb';
  stoppers.push(() => process.kill(pid, 'SIGTERM'));
  const file = path.join(tmp, 'xvfb.display');
  const end = Date.now() + 10000;
  while (Date.now() < end) {
    const n = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
    if (/^\d+$/.test(n)) {
      process.env.DISPLAY = `:${n}`;
      log(`started Xvfb (pid ${pid}) on display :${n}`);
      return undefined;
    }
    spawnSync('sleep', ['0.2']);
  }
  return 'Xvfb did not come up within 10 s';
}

async function main() {
  // corpus
  const corpus = path.resolve(process.env.AK_REAL_CORPUS || path.join(ROOT, '..', 'shared', 'corpora', 'algoritmekader'));
  if (!fs.existsSync(path.join(corpus, 'docs', 'voldoen-aan-wetten-en-regels'))) {
    console.log(`NOTE: corpus not found at ${corpus} (no docs/voldoen-aan-wetten-en-regels): VS Code integration tests skipped`);
    console.log('0 passed, 0 failed');
    process.exit(0);
  }

  // the extension must be built (npm run test:vscode runs npm run build first)
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) fail(`${f} is missing: run \`npm run build\` first`);
  }

  const { download, runTests, TestRunFailedError } = require('@vscode/test-electron');

  // VS Code: a given executable, or a download into the cache (not .vscode-test in the project)
  let vscodeExecutablePath = process.env.AK_VSCODE_EXECUTABLE;
  if (vscodeExecutablePath) {
    if (!fs.existsSync(vscodeExecutablePath)) fail(`AK_VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
  } else {
    const cacheRoot = process.env.AK_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'algoritmekader-e2e');
    const cachePath = path.join(cacheRoot, 'vscode-test');
    log(`VS Code ${VERSION} (cache ${cachePath})`);
    try {
      vscodeExecutablePath = await download({ version: VERSION, cachePath, timeout: 30000 });
    } catch (e) {
      fail(downloadFailure(e));
    }
  }

  // temp layout: workspace copy, user data (settings), extensions dir (empty)
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ak-vscode-'));
  const ws = path.join(tmp, 'ws', path.basename(corpus));
  const userData = path.join(tmp, 'user-data');
  const extDir = path.join(tmp, 'extensions');
  for (const d of [ws, path.join(userData, 'User'), extDir]) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(corpus, ws, { recursive: true, filter: (s) => !/(^|\/)(\.git|node_modules)$/.test(s) });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'git.enabled': false,
        'files.autoSave': 'off',
        'markdown.validate.enabled': false,
      },
      null,
      2,
    ),
  );

  const noDisplay = ensureDisplay();
  if (noDisplay) fail(noDisplay);

  // notice whether the suite printed its summary line (VS Code's output is piped through process.stdout)
  let summarySeen = false;
  let tail = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    tail = (tail + String(chunk)).slice(-400); // a line may arrive in two chunks
    if (/^\d+ passed, \d+ failed\s*$/m.test(tail)) summarySeen = true;
    return write(chunk, ...rest);
  };

  log(`workspace ${ws}`);
  vscodeRunning = true;
  try {
    await runTests({
      version: VERSION,
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(HERE, 'suite', 'index.js'),
      extensionTestsEnv: { AK_VSCODE_TEST_WORKSPACE: ws },
      launchArgs: [
        ws,
        '--disable-extensions', // other installed extensions; built-ins (Markdown language) stay on
        '--disable-workspace-trust',
        '--user-data-dir',
        userData,
        '--extensions-dir',
        extDir, // otherwise test-electron uses .vscode-test/extensions in the cwd
      ],
    });
    vscodeRunning = false;
  } catch (e) {
    vscodeRunning = false;
    // the suite printed its PASS/FAIL lines and summary; a crash before it ran printed nothing
    const why = e instanceof TestRunFailedError ? e.message : `VS Code could not be started: ${String(e?.message ?? e).split('\n')[0]}`;
    if (summarySeen) log(why);
    else {
      console.log(`FAIL vscode: ${why} (before the suite reported)`);
      console.log('0 passed, 1 failed');
    }
    cleanup(true);
    process.exit(1);
  }
  if (!summarySeen) {
    // VS Code exited 0 without running the suite (e.g. the extension tests path was not picked up)
    console.log('FAIL vscode: VS Code exited without the suite reporting');
    console.log('0 passed, 1 failed');
    cleanup(true);
    process.exit(1);
  }
  cleanup(false);
  process.exit(0);
}

main().catch((e) => fail(String(e?.stack ?? e).split('\n')[0]));
