// A real Isso (from PyPI, installed by `make isso`) for one test: its own free
// port, a fresh SQLite database, and `host` set to the site that embeds it, so
// CORS works as it does in production.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ISSO_BIN = process.env.ISSO_BIN ?? path.resolve(here, '../../../.tools/isso/bin/isso');

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Isso for `host` (the site's origin). `guard` overrides [guard] settings. */
export async function startIsso(host, { guard = {}, moderation = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-isso-'));
  const port = await freePort();
  const guardSettings = { enabled: 'true', ratelimit: '2', 'direct-reply': '100', 'reply-to-self': 'true', ...guard };
  const config = [
    '[general]',
    `dbpath = ${dir}/comments.db`,
    `host = ${host}/`,
    '[server]',
    `listen = http://127.0.0.1:${port}/`,
    'trusted-proxies = 127.0.0.1',
    '[moderation]',
    `enabled = ${moderation}`,
    '[guard]',
    ...Object.entries(guardSettings).map(([k, v]) => `${k} = ${v}`),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'isso.cfg'), config);
  const url = `http://127.0.0.1:${port}`;
  const editCookies = new Map();
  let child;
  const isso = {
    url,
    async start() {
      child = spawn(ISSO_BIN, ['-c', path.join(dir, 'isso.cfg'), 'run'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let log = '';
      child.stderr.on('data', (d) => {
        log += d;
      });
      for (let i = 0; i < 100; i++) {
        try {
          const res = await fetch(`${url}/config`);
          if (res.ok) return;
        } catch {
          // Not listening yet: the next try, or the error below with Isso's log.
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`Isso did not start:\n${log}`);
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
      child = undefined;
    },
    /** The thread as Isso has it, straight from its API. */
    async thread(uri) {
      const res = await fetch(`${url}/?uri=${encodeURIComponent(uri)}&nested_limit=100`);
      return res.status === 404 ? { replies: [], total_replies: 0 } : res.json();
    },
    /** Posts as another reader (another IP, through Isso's trusted proxy). */
    async post(uri, comment, ip = '10.0.0.5') {
      const res = await fetch(`${url}/new?uri=${encodeURIComponent(uri)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ title: 'כותרת', ...comment }),
      });
      if (!res.ok) throw new Error(`Isso answered ${res.status}: ${await res.text()}`);
      const stored = await res.json();
      // The signed cookie that lets its author edit or delete it.
      editCookies.set(
        stored.id,
        res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      );
      return stored;
    },
    /** Deletes a comment posted with `post`, as its author would (with its cookie). */
    async remove(id) {
      const res = await fetch(`${url}/id/${id}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', cookie: editCookies.get(id) ?? '' },
      });
      if (!res.ok) throw new Error(`Isso answered ${res.status}: ${await res.text()}`);
      return res.json();
    },
    /** Isso's own count of a thread (`POST /count`). */
    async count(uri) {
      const res = await fetch(`${url}/count`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([uri]),
      });
      return (await res.json())[0];
    },
    async close() {
      await isso.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await isso.start();
  return isso;
}

/** Puts `isso` behind `site`'s own origin at /isso/ and points the site's config
 *  there, so a test can make Isso fail, stall or lose an answer with
 *  `site.fail('/isso/…')` and count what reached it in `site.requests`. */
export async function proxyIssoThroughSite(site, isso) {
  site.proxy('/isso/', `${isso.url}/`);
  const config = JSON.parse(await (await fetch(`${site.url}config.json`)).text());
  site.write('config.json', { ...config, comments_url: 'isso/' });
}
