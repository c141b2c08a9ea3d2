import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ansibleDir } from '../support/paths.js';
import { renderTemplate, roleDefaults } from '../support/role-template.js';

/**
 * The droplets' nginx server as Ansible writes it, run by the real nginx on loopback in front of
 * a service that echoes what reaches it. A request with X-Forwarded-For stands for one the load
 * balancer forwarded; one without, for its health check or a request on the droplet itself.
 */
const TEMPLATE = join(ansibleDir, 'roles/nginx_bluegreen/templates/opsctl.conf.j2');

let dir: string;
let nginx: ChildProcess;
let service: Server;
let base: string;
let healthy = true;

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nginx-public-internal-'));
  service = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: healthy ? 'healthy' : 'unhealthy', services: { db: 'x' } }));
      return;
    }
    res.end(String(req.headers['x-forwarded-proto']));
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  const servicePort = (service.address() as AddressInfo).port;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;

  const vars = {
    ...(await roleDefaults(['opsctl_base'])),
    opsctl_config_dir: dir,
    opsctl_nginx_listen_port: `127.0.0.1:${port}`,
    opsctl_drain_file: join(dir, 'drain'),
  };
  await mkdir(join(dir, 'nginx/upstreams'), { recursive: true });
  await mkdir(join(dir, 'logs'));
  await writeFile(
    join(dir, 'nginx/upstreams/api.conf'),
    `upstream opsctl_api { server 127.0.0.1:${servicePort}; keepalive 4; }\n`,
  );
  await writeFile(join(dir, 'opsctl.conf'), renderTemplate(await readFile(TEMPLATE, 'utf8'), vars));
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs/error.log')};`,
      'events {}',
      `http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; include ${join(dir, 'opsctl.conf')}; }`,
      '',
    ].join('\n'),
  );
  nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`${base}/nginx-health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || nginx.exitCode !== null) {
      throw new Error(
        `nginx did not start: ${await readFile(join(dir, 'logs/error.log'), 'utf8')}`,
      );
    }
    await sleep(100);
  }
}, 60_000);

afterAll(async () => {
  nginx.kill('SIGTERM');
  await new Promise((resolve) => service.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  healthy = true;
  await rm(join(dir, 'drain'), { force: true });
});

const FORWARDED = { 'x-forwarded-for': '203.0.113.9' };
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers });

describe('nginx on a droplet, public and internal', () => {
  it('gives internal answers the slot and droplet headers, public ones neither', async () => {
    const internal = await get('/anything');
    expect(internal.headers.get('x-opsctl-upstream')).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(internal.headers.get('x-opsctl-droplet')).not.toBeNull();
    for (const path of ['/anything', '/health', '/no-upstream-answer-needed']) {
      const open = await get(path, FORWARDED);
      expect(open.headers.get('x-opsctl-upstream'), path).toBeNull();
      expect(open.headers.get('x-opsctl-droplet'), path).toBeNull();
    }
  });

  it('answers the public /health with up or down only, the internal one with the service’s report', async () => {
    expect(await (await get('/health')).json()).toEqual({
      status: 'healthy',
      services: { db: 'x' },
    });
    const up = await get('/health', FORWARDED);
    expect([up.status, await up.text()]).toEqual([200, 'up\n']);
    healthy = false;
    const down = await get('/health', FORWARDED);
    expect([down.status, await down.text()]).toEqual([503, 'down\n']);
    expect((await get('/health')).status).toBe(503);
  });

  it('takes the droplet out of rotation while the drain file exists, saying only down in public', async () => {
    await writeFile(join(dir, 'drain'), '');
    const internal = await get('/health');
    expect([internal.status, await internal.text()]).toEqual([503, 'draining\n']);
    const open = await get('/health', FORWARDED);
    expect([open.status, await open.text()]).toEqual([503, 'down\n']);
  });

  it('passes X-Forwarded-Proto only as http or https from the load balancer, never as forged', async () => {
    const proto = async (headers: Record<string, string>) => (await get('/p', headers)).text();
    expect(await proto({ ...FORWARDED, 'x-forwarded-proto': 'https' })).toBe('https');
    expect(await proto({ ...FORWARDED, 'x-forwarded-proto': 'gopher' })).toBe('http');
    expect(await proto({ ...FORWARDED })).toBe('http');
    // Not forwarded by the load balancer: the connection's own scheme, whatever the header says.
    expect(await proto({ 'x-forwarded-proto': 'https' })).toBe('http');
  });
});
