// Terminal captures of the CLI for docs/cli.md: runs `workreport check` in tmux (a real
// terminal: colour, width), reads the screen with `capture-pane -e`, and writes each capture
// as text on stdout (escape codes removed, for docs/cli.md) and as a PNG drawn by headless
// Chromium from the coloured cells (docs/images/cli-*.png). Needs tmux and chromium
// (Debian packages) and a CJK font (fonts-noto-cjk). Run after `npm run build`:
//   node scripts/docs/cli-captures.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const OUT = path.join(ROOT, 'docs', 'images');
const SOCKET = `workreport-capture-${process.pid}`;
const WIDTH = 104;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-capture-'));
fs.copyFileSync(path.join(ROOT, 'samples', '示例-经验材料.report.txt'), path.join(tmp, '经验材料.report.txt'));

const captures = [
  { name: 'cli-zh', lang: 'zh_CN.UTF-8', command: 'workreport check 经验材料.report.txt' },
  { name: 'cli-en', lang: 'en_US.UTF-8', command: 'workreport check 经验材料.report.txt' },
  { name: 'cli-fix-zh', lang: 'zh_CN.UTF-8', command: 'workreport check --fix --quiet 经验材料.report.txt' },
];

const tmux = (...args) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

try {
  for (const c of captures) {
    // A fresh copy for each run (--fix changes it).
    fs.copyFileSync(path.join(ROOT, 'samples', '示例-经验材料.report.txt'), path.join(tmp, '经验材料.report.txt'));
    const rc = path.join(tmp, 'bashrc');
    fs.writeFileSync(rc, `PS1='$ '\nworkreport() { node ${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))} "$@"; }\ncd ${JSON.stringify(tmp)}\nclear\n`);
    tmux('new-session', '-d', '-s', c.name, '-x', String(WIDTH), '-y', '60', '-e', `LANG=${c.lang}`, '-e', 'TERM=xterm-256color', '-e', 'NO_COLOR=', 'bash', '--rcfile', rc, '-i');
    tmux('send-keys', '-t', c.name, `${c.command}; echo "[exit $?]"`, 'Enter');
    let screen = '';
    for (let i = 0; i < 600 && !/\[exit \d\]/.test(screen); i++) {
      spawnSync('sleep', ['0.1']);
      screen = tmux('capture-pane', '-t', c.name, '-p');
    }
    const ansi = tmux('capture-pane', '-t', c.name, '-p', '-e', '-J').replace(/\s+$/, '') + '\n';
    tmux('kill-session', '-t', c.name);
    // eslint-disable-next-line no-control-regex -- ANSI colour sequences
    const text = ansi.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trimEnd()).join('\n');
    const html = path.join(tmp, `${c.name}.html`);
    fs.writeFileSync(html, page(ansi));
    const lines = text.split('\n');
    const columns = Math.max(WIDTH, ...lines.map((l) => [...l].reduce((w, ch) => w + eastAsianWidth(ch.codePointAt(0)), 0)));
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${columns * 9 + 40},${lines.length * 20 + 40}`, `--screenshot=${path.join(OUT, `${c.name}.png`)}`, `file://${html}`], { stdio: 'ignore' });
    console.log(`--- ${c.name}\n${text}`);
  }
} finally {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** The screen as HTML: each character in a cell of one or two columns, SGR colours as styles. */
function page(ansi) {
  const colours = { 30: '#000', 31: '#e5534b', 32: '#57ab5a', 33: '#c69026', 34: '#539bf5', 35: '#b083f0', 36: '#39c5cf', 37: '#d0d7de', 90: '#768390' };
  let style = { bold: false, dim: false, fg: undefined };
  let out = '';
  // eslint-disable-next-line no-control-regex -- ANSI colour sequences
  for (const part of ansi.split(/(\x1b\[[0-9;]*m)/)) {
    // eslint-disable-next-line no-control-regex -- ANSI colour sequences
    const m = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (m) {
      for (const code of (m[1] || '0').split(';').map(Number)) {
        if (code === 0) style = { bold: false, dim: false, fg: undefined };
        else if (code === 1) style.bold = true;
        else if (code === 2) style.dim = true;
        else if (code === 22) style.bold = style.dim = false;
        else if (code === 39) style.fg = undefined;
        else if (colours[code]) style.fg = colours[code];
      }
      continue;
    }
    if (!part) continue;
    const css = [style.bold ? 'font-weight:bold' : '', style.dim ? 'opacity:.6' : '', style.fg ? `color:${style.fg}` : ''].filter(Boolean).join(';');
    // One box per terminal cell (two for a wide character), as the terminal lays them out:
    // a browser's CJK glyphs are not exactly two Latin glyphs wide.
    const cells = [...part].map((ch) => (ch === '\n' ? '\n' : `<i class="${eastAsianWidth(ch.codePointAt(0)) === 2 ? 'w' : 'n'}">${ch.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</i>`)).join('');
    out += css ? `<span style="${css}">${cells}</span>` : cells;
  }
  return `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#22272e}
pre{margin:0;padding:20px;color:#adbac7;font:15px/20px "DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace}
i{font-style:normal;display:inline-block;text-align:center;overflow:visible}
i.n{width:9px}i.w{width:18px}
</style><pre>${out}</pre>`;
}
