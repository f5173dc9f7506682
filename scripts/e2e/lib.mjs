// What the real-editor runs need, installed idempotently and cached under .e2e/:
// Debian packages (chromium, a CJK font, the headers code-server's native modules build
// against), code-server from npm, and a fresh code-server process per pass.
// test/e2e/README.md describes the passes these steps serve.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, '.e2e');
export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3, the newest that runs on Node 20
const RIPGREP_PKG_VERSION = '1.15.11'; // @vscode/ripgrep, a code-server dependency
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Debian packages: the browser, a CJK font for readable screenshots, and build deps of code-server. */
export const APT_PACKAGES = [
  'chromium',
  'fonts-wqy-microhei',
  'ripgrep',
  'build-essential',
  'python3',
  'pkg-config',
  'libkrb5-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
];

export const CHROMIUM = process.env.WORKREPORT_E2E_CHROMIUM || '/usr/bin/chromium';
/** Chromium's flags for a headless run here and in test/browser (one list: chromium-args.json). */
export const CHROMIUM_ARGS = createRequire(import.meta.url)('./chromium-args.json');

export function log(msg) {
  process.stdout.write(`[e2e] ${msg}\n`);
}

/** Runs fn, printing how long it took; returns its result. */
export async function step(name, fn, timings) {
  const t0 = performance.now();
  log(`${name} …`);
  try {
    return await fn();
  } finally {
    const s = (performance.now() - t0) / 1000;
    timings?.push([name, s]);
    log(`${name}: ${s.toFixed(1)} s`);
  }
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return r;
}

function missingDebianPackages(pkgs) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...pkgs], { encoding: 'utf8' });
  if (r.error) return undefined; // not Debian: the caller checks the binaries instead
  const installed = new Set(
    r.stdout
      .split('\n')
      .filter((l) => l.endsWith(' installed'))
      .map((l) => l.split(' ')[0].replace(/:.*$/, '')),
  );
  return pkgs.filter((p) => !installed.has(p));
}

/** Installs the missing Debian packages (as root), or says what to install. */
export function ensureSystemPackages() {
  if (process.env.WORKREPORT_E2E_NO_APT) return;
  const missing = missingDebianPackages(APT_PACKAGES);
  if (missing === undefined) {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}; set WORKREPORT_E2E_CHROMIUM`);
    return;
  }
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update', '-qq'], { env });
  sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** Environment that keeps every state folder of a run under `scratch`. */
export function scratchEnv(scratch) {
  const dirs = { TMPDIR: 'tmp', XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', XDG_STATE_HOME: 'state' };
  const env = { ...process.env };
  for (const [k, d] of Object.entries(dirs)) {
    env[k] = path.join(scratch, d);
    fs.mkdirSync(env[k], { recursive: true });
  }
  return env;
}

/**
 * code-server from npm, installed once into .e2e/code-server-<version>/. Returns the path of
 * its entry script (run it with this Node).
 */
export function ensureCodeServer() {
  const dir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(entry)) return entry;
  // Another run may be installing right now (several people share a working tree): one at a time.
  const lock = `${dir}.lock`;
  fs.mkdirSync(CACHE, { recursive: true });
  for (const t0 = Date.now(); ; ) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const age = Date.now() - fs.statSync(lock).mtimeMs;
      if (age > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
      else if (Date.now() - t0 > 15 * 60_000) throw new Error(`${lock} is held by another run`, { cause: e });
      else spawnSync('sleep', ['2']);
    }
  }
  try {
    if (fs.existsSync(marker) && fs.existsSync(entry)) return entry;
    install(dir, entry, marker);
    return entry;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function install(dir, entry, marker) {
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, dir)} (once; 1–5 minutes)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'workreport-e2e-code-server', private: true }, null, 2));
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });

  // @vscode/ripgrep downloads rg from GitHub at install time (not reachable): pre-seed its
  // download cache with a tarball of Debian's rg.
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is needed to install code-server offline: apt-get install ripgrep');
  const rgCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  fs.mkdirSync(rgCache, { recursive: true });
  const stage = path.join(tmp, 'rg-stage');
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  sh('tar', ['-czf', path.join(rgCache, RIPGREP_ASSET), '-C', stage, 'rg']);

  // Native modules build against the local Node headers (not downloaded); the postinstall runs
  // as root and calls `npx node-gyp`; npm ≥ 11 blocks dependency install scripts unless allowed.
  const nodeDir = path.dirname(path.dirname(process.execPath));
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodeDir;
  sh('npm', ['install', '--no-package-lock', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
  if (!fs.existsSync(entry)) throw new Error(`code-server installed, but ${entry} is missing`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs the code-server CLI once (e.g. --install-extension) with the given dirs. */
export function codeServerCli(entry, args, { env }) {
  sh(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Starts a fresh code-server in its own process group (so stopping it leaves no orphans:
 * extension hosts, language servers) and waits for /healthz.
 */
export async function startCodeServer(entry, { userDataDir, extensionsDir, env, logFile, settings = {} }) {
  const port = await freePort();
  // Quiet, predictable workbench: no welcome page, no git prompts (the scratch folder sits
  // inside the project's repository), no tips; then the pass's own `settings`.
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'git.enabled': false,
          'git.openRepositoryInParentFolders': 'never',
          'extensions.ignoreRecommendations': true,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          ...settings,
        },
        null,
        2,
      ),
    );
  }
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    }, 5000);
    await gone;
    clearTimeout(t);
    // Extension hosts and language servers in the group may outlive the server itself.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start; see ${logFile}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, pid: child.pid, stop };
}

/** The workbench URL for a folder, optionally with desktop-style command-line keys (payload). */
export function workbenchUrl(port, folder, payload) {
  const u = new URL(`http://127.0.0.1:${port}/`);
  u.searchParams.set('folder', folder);
  if (payload) {
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    u.searchParams.set('payload', JSON.stringify(Object.entries(payload).map(([k, v]) => [k, remote(v)])));
  }
  return u.toString();
}

export function withTimeout(p, ms, what) {
  let t;
  return Promise.race([
    p,
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(t));
}
