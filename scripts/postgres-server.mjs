// A throwaway PostgreSQL server from Debian's `postgresql` package, for the desk's tests
// and benchmarks: a new cluster in a temporary folder, on a free loopback port, with no
// password (trust on loopback only), stopped and deleted by `stop()`.
// Returns { skipped } with the reason when the package is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed server's bin folder: /usr/lib/postgresql/<version>/bin. */
function binFolder() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts a server. PostgreSQL refuses to run as root, so as root the cluster belongs to
 * the package's `postgres` user.
 * @returns {Promise<{ url: string, stop: () => void } | { skipped: string }>}
 */
export async function startPostgres() {
  const bin = binFolder();
  if (!bin) return { skipped: "PostgreSQL is not installed (Debian's postgresql package: apt-get install postgresql)" };
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync('id', ['postgres']).status !== 0) return { skipped: 'running as root, and there is no postgres user to run the server as' };
  const folder = mkdtempSync(join(tmpdir(), 'cpq-pg-'));
  chmodSync(folder, 0o777);
  const data = join(folder, 'data');
  const run = (command, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: folder });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', '-o', `-p ${port} -h 127.0.0.1 -k ${folder} -c fsync=on -c max_connections=100`, 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
