/**
 * `npm test` — the one test command, locally and in CI.
 *
 * 1. Finds Chromium (`CHROME_PATH`, then /usr/bin/chromium) and a CJK font; as root on Debian it
 *    installs what is missing with apt-get, elsewhere it stops and says what to install.
 * 2. Runs the unit suite (Vitest, `tests/**\/*.test.ts`).
 * 3. Builds the app and runs the end-to-end suite (`tests/e2e/**\/*.e2e.ts`) in headless Chromium.
 * 4. Prints, as its very last line, `N passed, N failed` summed over both suites, and exits non-zero
 *    when anything failed. A suite that could not run, or crashed outside its tests, counts as one
 *    failure: the summary never says `0 failed` after a broken step.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const E2E_CONFIG = path.join('tests', 'e2e', 'vitest.config.ts');

/** Where Debian's package puts the browser. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** What to install on Debian: the browser, and a font that covers Chinese text. */
const CHROMIUM_PACKAGE = 'chromium';
const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

/** @typedef {{ name: string, passed: number, failed: number }} SuiteResult */

function log(message) {
  process.stdout.write(`[test] ${message}\n`);
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive, or null: `CHROME_PATH` first, then Debian's package. */
function findChromium() {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment) {
    if (isExecutable(fromEnvironment)) return fromEnvironment;
    log(`CHROME_PATH=${fromEnvironment} is not an executable file; looking elsewhere.`);
  }
  return isExecutable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null;
}

/** True when fontconfig knows a font with Chinese glyphs (false also when fc-list is absent). */
function hasChineseFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

/** Only root on Debian with apt-get may install packages on its own. */
function mayInstallPackages() {
  return (
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    isExecutable('/usr/bin/apt-get')
  );
}

/** Installs Debian packages quietly; prints apt's output only when it fails. */
function installPackages(packages) {
  log(`Installing ${packages.join(' ')} with apt-get (this takes a minute)…`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, { encoding: 'utf8', env: environment });
    if (result.status !== 0) {
      process.stderr.write(result.stdout ?? '');
      process.stderr.write(result.stderr ?? '');
      log(`apt-get ${args[0]} failed (exit ${result.status ?? result.signal}).`);
      return false;
    }
  }
  return true;
}

/** Makes sure a browser and a CJK font are present; returns the browser's path or null. */
function prepareBrowser() {
  let chromium = findChromium();
  const missing = [];
  if (!chromium) missing.push(CHROMIUM_PACKAGE);
  if (!hasChineseFont()) missing.push(CJK_FONT_PACKAGE);
  if (missing.length > 0 && mayInstallPackages()) {
    installPackages(missing);
    chromium = findChromium();
  }
  if (!chromium) {
    log(
      'Chromium was not found, and this machine cannot install it on its own (that needs root on Debian).\n' +
        `  Debian/Ubuntu: sudo apt-get install ${CHROMIUM_PACKAGE} ${CJK_FONT_PACKAGE}\n` +
        '  Elsewhere: install Chromium or Chrome and set CHROME_PATH to its executable.',
    );
    return null;
  }
  if (!hasChineseFont()) {
    log(
      `No font with Chinese glyphs (fc-list :lang=zh is empty): install ${CJK_FONT_PACKAGE}. ` +
        'Tests still run, but Chinese text renders as boxes.',
    );
  }
  return chromium;
}

/** Runs a command from the repository root with inherited output; returns its exit code. */
function run(command, args, environment = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: environment });
  if (result.error) log(`Could not start ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

/**
 * Reads Vitest's JSON report. A test file that failed without any failing test (it did not load,
 * or threw outside a test) counts as one failure, and so does a run that left no report.
 * @returns {SuiteResult}
 */
function readReport(name, reportFile, exitCode) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    log(`The ${name} suite crashed before reporting (exit ${exitCode}); counted as 1 failure.`);
    return { name, passed: 0, failed: 1 };
  }
  const passed = Number(report.numPassedTests) || 0;
  let failed = Number(report.numFailedTests) || 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  );
  for (const file of brokenFiles) {
    log(`${path.relative(ROOT, file.name)} failed outside any test; counted as 1 failure.`);
  }
  failed += brokenFiles.length;
  if (exitCode !== 0 && failed === 0) {
    log(`The ${name} suite exited with ${exitCode} though no test failed; counted as 1 failure.`);
    failed = 1;
  }
  return { name, passed, failed };
}

function runVitest(name, extraArgs, reportFile, environment) {
  const exitCode = run(
    process.execPath,
    [
      VITEST,
      'run',
      ...extraArgs,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${reportFile}`,
    ],
    environment,
  );
  return readReport(name, reportFile, exitCode);
}

function main() {
  const reports = mkdtempSync(path.join(os.tmpdir(), 'sidecar-test-'));
  /** @type {SuiteResult[]} */
  const results = [];
  try {
    const chromium = prepareBrowser();
    if (!chromium) {
      results.push({ name: 'browser', passed: 0, failed: 1 });
      return results;
    }

    log('Unit suite');
    // No unit test files yet is not a failure; the count says 0.
    results.push(runVitest('unit', ['--passWithNoTests'], path.join(reports, 'unit.json')));

    log('Building the app');
    if (run('npm', ['run', 'build']) !== 0) {
      log('The build failed, so the end-to-end suite could not run; counted as 1 failure.');
      results.push({ name: 'e2e', passed: 0, failed: 1 });
      return results;
    }

    log('End-to-end suite');
    results.push(
      runVitest('e2e', ['--config', E2E_CONFIG], path.join(reports, 'e2e.json'), {
        ...process.env,
        CHROME_PATH: chromium,
      }),
    );
    return results;
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

const results = main();
const passed = results.reduce((sum, suite) => sum + suite.passed, 0);
const failed = results.reduce((sum, suite) => sum + suite.failed, 0);
for (const suite of results) log(`${suite.name}: ${suite.passed} passed, ${suite.failed} failed`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
