// The real portal for browser tests: the debug `motcua` binary serving the built `dist/`
// over a fresh SQLite data dir with the demo catalog, and Debian's headless Chromium. Set
// `MOTCUA_TEST_DIST` to test another build of the front-end than `dist/`, `MOTCUA_TEST_SERVER` to
// run another build of the server (the benchmarks run the release one).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Starts `motcua serve` over a fresh data dir; resolves with its base URL, `stop()` (the data is
 * kept) and `restart()` (the same port and data, as after a crash), and `close()` (stops and
 * removes the data).
 */
export async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-browser-'));
  let server;
  let url = await spawnServer(dataDir, '127.0.0.1:0').then((started) => {
    server = started.server;
    return started.url;
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((done) => server.once('exit', done));
    }
  };
  return {
    get url() {
      return url;
    },
    dataDir,
    stop,
    async restart() {
      await stop();
      const started = await spawnServer(dataDir, new URL(url).host);
      server = started.server;
      url = started.url;
    },
    async close() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function spawnServer(dataDir, addr) {
  const server = spawn(
    process.env.MOTCUA_TEST_SERVER ?? join(ROOT, 'target', 'debug', 'motcua'),
    ['serve', '--demo', '--addr', addr, '--data-dir', dataDir, '--dist', process.env.MOTCUA_TEST_DIST ?? join(ROOT, 'dist')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } },
  );
  return new Promise((resolveStarted, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) {
        clearTimeout(timer);
        resolveStarted({ server, url: match[0] });
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
}

/**
 * Makes a staff account in the portal's data dir with `motcua create-staff`, the password given on
 * stdin; resolves with the account.
 */
export function createStaff(dataDir, { username, role, unit = 'XA', password = 'mat-khau-thu-nghiem' }) {
  const command = spawn(
    join(ROOT, 'target', 'debug', 'motcua'),
    ['create-staff', '--username', username, '--role', role, '--unit', unit, '--password-stdin', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } },
  );
  let output = '';
  command.stdout.on('data', (chunk) => (output += chunk));
  command.stderr.on('data', (chunk) => (output += chunk));
  command.stdin.end(`${password}\n`);
  return new Promise((resolveMade, reject) => {
    command.once('exit', (code) =>
      code === 0 ? resolveMade({ username, password, role, unit }) : reject(new Error(`create-staff exited with ${code}: ${output}`)),
    );
  });
}

/** Signs a staff account in through the sign-in page the inbox sends to; ends on the inbox. */
export async function signIn(page, url, { username, password }) {
  await page.goto(`${url}/can-bo`);
  await page.waitForURL(/\/can-bo\/dang-nhap/);
  await page.locator('#staff-username').fill(username);
  await page.locator('#staff-password').fill(password);
  await page.locator('#staff-sign-in').click();
  await page.waitForURL(/\/can-bo(\?|$)/);
  assert.equal((await page.locator('#staff-officer-name').textContent()).trim(), username);
}

/** Headless Chromium as Debian ships it; nothing is downloaded. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects console errors and failed requests of a page, so a test can assert there were none. */
export function watchForErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
