import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { localLayout } from '../../src/local/layout.js';
import { backendStates } from '../../src/local/load-balancer.js';
import { waitFor } from '../../src/local/wait.js';
import { dockerCredentials } from './registry-login.js';
import { ssh } from './ssh.js';
import { testStateDir } from './state-dir.js';

const stateDir = testStateDir();
const layout = localLayout(2);
const image = `${layout.registryHost}:${layout.registryPort}/testbed/hello:1`;
const fixture = fileURLToPath(new URL('./fixtures/hello', import.meta.url));

describe('the registry, droplets and load balancer together', () => {
  beforeAll(async () => {
    await execa('docker', ['build', '-q', '-t', image, fixture]);
  });

  it('let droplets pull an image pushed over TLS, with credentials from the DigitalOcean stand-in', async () => {
    const { server, username, password } = await dockerCredentials(stateDir, layout);
    expect(server).toBe(`${layout.registryHost}:${layout.registryPort}`);
    const config = await execa('mktemp', ['-d']);
    const env = { DOCKER_CONFIG: config.stdout };
    await execa('docker', ['login', server, '--username', username, '--password-stdin'], {
      input: password,
      env,
    });
    await execa('docker', ['push', image], { env });
    for (const d of layout.droplets) {
      const login = await ssh(
        stateDir,
        d.sshPort,
        `docker login ${server} --username ${username} --password-stdin >/dev/null 2>&1`,
        undefined,
        password,
      );
      expect(login.exitCode, String(login.stderr)).toBe(0);
      const run = await ssh(
        stateDir,
        d.sshPort,
        `docker rm -f hello >/dev/null 2>&1; docker pull -q ${image} && docker run -d --name hello --restart unless-stopped -e DROPLET=${d.name} -p 127.0.0.1:3001:3000 ${image}`,
      );
      expect(run.exitCode, String(run.stderr)).toBe(0);
    }
  });

  it('report both droplets up once their nginx serves /health, and balance across them', async () => {
    await waitFor(
      'both droplets UP in HAProxy',
      async () => {
        const states = await backendStates(layout.loadBalancerStatsPort);
        return layout.droplets.every((d) => states[d.name] === 'UP');
      },
      30_000,
    );
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++)
      seen.add(await (await fetch(`http://127.0.0.1:${layout.loadBalancerPort}/`)).text());
    expect([...seen].sort()).toEqual(['hello from droplet-1', 'hello from droplet-2']);
  });

  it('answer the public without the internal headers, and /health with up or down only', async () => {
    for (const path of ['/', '/health']) {
      const res = await fetch(`http://127.0.0.1:${layout.loadBalancerPort}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-opsctl-upstream'), path).toBeNull();
      expect(res.headers.get('x-opsctl-droplet'), path).toBeNull();
      if (path === '/health') expect(await res.text()).toBe('up\n');
    }
  });

  it('give the droplet itself the internal headers and the service’s own health answer', async () => {
    const [first] = layout.droplets;
    if (first === undefined) throw new Error('no droplet');
    const res = await ssh(
      stateDir,
      first.sshPort,
      'curl --silent --include http://127.0.0.1:80/health',
    );
    expect(res.exitCode, String(res.stderr)).toBe(0);
    const text = String(res.stdout);
    expect(text).toMatch(/^X-Opsctl-Upstream: 127\.0\.0\.1:3001\r$/m);
    expect(text).toMatch(/^X-Opsctl-Droplet: droplet-1\r$/m);
    expect(text.endsWith('\r\n\r\nok')).toBe(true);
  });

  it('pass the service X-Forwarded-Proto as the load balancer sets it, never as a client forged it', async () => {
    const forged = { 'x-forwarded-proto': 'https' };
    const viaLb = await fetch(`http://127.0.0.1:${layout.loadBalancerPort}/forwarded-proto`, {
      headers: forged,
    });
    expect(await viaLb.text()).toBe('http');
    const [first] = layout.droplets;
    if (first === undefined) throw new Error('no droplet');
    const direct = await ssh(
      stateDir,
      first.sshPort,
      "curl --silent --header 'X-Forwarded-Proto: https' http://127.0.0.1:80/forwarded-proto",
    );
    expect(String(direct.stdout)).toBe('http');
  });

  it('take a droplet whose nginx stopped out of rotation and send everything to the other', async () => {
    const [first] = layout.droplets;
    if (first === undefined) throw new Error('no droplet');
    await execa('docker', ['exec', first.container, 'nginx', '-s', 'stop']);
    try {
      await waitFor(
        'droplet-1 DOWN in HAProxy',
        async () => (await backendStates(layout.loadBalancerStatsPort))['droplet-1'] === 'DOWN',
        30_000,
      );
      const answers = [];
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`http://127.0.0.1:${layout.loadBalancerPort}/`);
        answers.push(`${res.status} ${await res.text()}`);
      }
      expect(new Set(answers)).toEqual(new Set(['200 hello from droplet-2']));
    } finally {
      await execa('docker', ['exec', first.container, 'nginx']);
    }
    await waitFor(
      'droplet-1 back UP',
      async () => (await backendStates(layout.loadBalancerStatsPort))['droplet-1'] === 'UP',
      30_000,
    );
  });
});
