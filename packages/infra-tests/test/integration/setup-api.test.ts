import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, runPlaybook, type PlaybookRun } from './support/ansible.js';
import {
  buildBareImage,
  inventoryFor,
  ssh,
  startBareDroplet,
  type BareDroplet,
} from './support/bare-droplet.js';
import { run, runOk } from '../support/run.js';

let droplet: BareDroplet;
let work: string;
let firstRun: PlaybookRun;

async function writeInventory(user: 'root' | 'ops'): Promise<string> {
  const path = join(work, `inventory-${user}.json`);
  await writeFile(
    path,
    inventoryFor(droplet, user, user === 'root' ? droplet.rootKey : droplet.adminKey),
  );
  return path;
}

async function provision(
  user: 'root' | 'ops',
  playbook = 'setup-api.yml',
  extra: Record<string, unknown> = {},
) {
  const vars = join(work, 'vars.json');
  await writeFile(
    vars,
    JSON.stringify({
      opsctl_admin_authorized_keys: [await droplet.publicKey('admin')],
      opsctl_deploy_authorized_keys: [await droplet.publicKey('deploy')],
      opsctl_environment: 'test',
      // Connections from the host reach the droplet from its network's gateway.
      opsctl_firewall_ssh_sources: [droplet.gateway],
      opsctl_firewall_http_sources: [droplet.gateway],
      ...extra,
    }),
  );
  return runPlaybook(playbook, ['-i', await writeInventory(user), '-e', `@${vars}`]);
}

const asDeploy = (command: string) => ssh(droplet, 'deploy', droplet.deployKey, command);
const asAdmin = (command: string) => ssh(droplet, 'ops', droplet.adminKey, command);

async function get(
  path: string,
  port = droplet.httpPort,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${String(port)}${path}`, {
    signal: AbortSignal.timeout(5000),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * After a reload, nginx's old workers finish the keep-alive connections they hold, so a client
 * sees the new upstream once its connection is a new one: ask a few times.
 */
async function eventually(path: string, body: string): Promise<{ status: number; body: string }> {
  let last = await get(path);
  for (let i = 0; i < 20 && last.body !== body; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await get(path);
  }
  return last;
}

/** A stand-in release: Python's web server inside the droplet, answering /health with its colour. */
async function startRelease(colour: string, port: number): Promise<void> {
  const dir = `/var/lib/opsctl/test-${colour}`;
  const start = `mkdir -p ${dir} && echo ${colour} > ${dir}/health && cd ${dir} && (setsid python3 -m http.server ${String(port)} --bind 127.0.0.1 </dev/null >/dev/null 2>&1 &)`;
  const result = await asDeploy(start);
  expect(result.code, result.stderr).toBe(0);
  for (let i = 0; i < 50; i++) {
    if (
      (
        await asDeploy(
          `python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${String(port)}/health')"`,
        )
      ).code === 0
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`stand-in release ${colour} did not start`);
}

/** What opsctl's switch does: write the upstream next to the old one, rename it over, test, reload. */
async function switchUpstream(port: number): Promise<void> {
  const upstream = `upstream opsctl_api {\\n    server 127.0.0.1:${String(port)};\\n    keepalive 32;\\n}\\n`;
  const result = await asDeploy(
    `printf '${upstream}' > /etc/opsctl/nginx/upstreams/.api.conf.tmp && mv /etc/opsctl/nginx/upstreams/.api.conf.tmp /etc/opsctl/nginx/upstreams/api.conf && sudo -n /usr/sbin/nginx -t && sudo -n /usr/sbin/nginx -s reload`,
  );
  expect(result.code, result.stderr).toBe(0);
}

beforeAll(async () => {
  await buildBareImage();
  work = await mkdtemp(join(tmpdir(), 'opsctl-setup-api-'));
  droplet = await startBareDroplet();
  firstRun = await provision('root');
}, 600_000);

afterAll(async () => {
  await droplet.remove();
  await rm(work, { recursive: true, force: true });
});

describe('setup-api.yml against a bare Debian 12 droplet', () => {
  it('provisions the bare droplet as root', () => {
    expect(firstRun.code, explain(firstRun)).toBe(0);
    expect(firstRun.recap.get('droplet')).toMatchObject({ failed: 0, unreachable: 0 });
    expect(firstRun.recap.get('droplet')?.changed).toBeGreaterThan(10);
  });

  it('changes nothing on a second run, as the admin user', async () => {
    const second = await provision('ops');
    expect(second.code, explain(second)).toBe(0);
    expect(second.recap.get('droplet')).toMatchObject({ changed: 0, failed: 0 });
  });

  it('refuses root logins and offers no password authentication', async () => {
    const root = await ssh(droplet, 'root', droplet.rootKey, 'true');
    expect(root.code).not.toBe(0);
    expect(root.stderr).toContain('Permission denied (publickey)');
    const effective = await asAdmin(
      'sudo -n /usr/sbin/sshd -T -C user=deploy,host=x,addr=127.0.0.1',
    );
    expect(effective.stdout).toContain('permitrootlogin no');
    expect(effective.stdout).toContain('passwordauthentication no');
    expect(effective.stdout).toContain('authorizedkeysfile /etc/ssh/authorized_keys/%u');
  });

  it('lets the deploy user run containers on the droplet engine', async () => {
    const load = await run('sh', [
      '-c',
      `docker save opsctl-local/debian:bookworm | docker exec -i ${droplet.name} docker load -q`,
    ]);
    expect(load.code, load.stderr).toBe(0);
    const result = await asDeploy(
      'docker run --rm opsctl-local/debian:bookworm echo from-a-container && docker info --format "{{.LoggingDriver}} {{.LiveRestoreEnabled}}"',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('from-a-container\njson-file true\n');
  });

  it('gives the deploy user sudo for nginx -t, nginx -s reload and the env file helper only', async () => {
    expect((await asDeploy('sudo -n /usr/sbin/nginx -t')).code).toBe(0);
    expect((await asDeploy('sudo -n /usr/sbin/nginx -s reload')).code).toBe(0);
    expect((await asDeploy('sudo -n /usr/local/sbin/opsctl-env header api.env')).code).toBe(0);
    const other = await asDeploy('sudo -n /usr/bin/id');
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('a password is required');
  });

  it('keeps env files root’s: the deploy user writes and uses them through the helper, never reads them', async () => {
    const helper = 'sudo -n /usr/local/sbin/opsctl-env';
    // The file's assignments are evaluated when a container starts: as the caller, never as root.
    const write = await asDeploy(
      `printf '%s\\n' '# opsctl-names: PROBE' 'PROBE="$(id -un >/tmp/opsctl-env-probe)"' | ${helper} write probe.env 'probe by infra-tests'`,
    );
    expect(write.stderr).toBe('');
    expect(write.code).toBe(0);
    const owner = await asAdmin('sudo -n stat -c "%U:%G %a" /etc/opsctl/env/probe.env');
    expect(owner.stdout).toBe('root:root 600\n');
    const read = await asDeploy('cat /etc/opsctl/env/probe.env');
    expect(read.code).not.toBe(0);
    expect(read.stderr).toContain('Permission denied');
    expect((await asDeploy(`${helper} header probe.env`)).stdout).toBe(
      '# opsctl-names: PROBE\n--- fingerprints\n',
    );
    const run = await asDeploy(
      `${helper} run probe.env docker run --help >/dev/null && cat /tmp/opsctl-env-probe`,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('deploy\n');
    const shell = await asDeploy(`${helper} run probe.env sh -c id`);
    expect(shell.code).toBe(64);
    expect(shell.stderr).toContain("expected 'docker run ...'");
    const escape = await asDeploy(`echo x | ${helper} write ../../sudoers.d/x`);
    expect(escape.code).toBe(64);
    const audit = await asAdmin('sudo -n tail -n 1 /var/log/opsctl/secrets-audit.log');
    expect(audit.stdout).toMatch(/ user=deploy file=probe\.env changed probe by infra-tests\n$/);
    await asAdmin('sudo -n rm -f /etc/opsctl/env/probe.env /tmp/opsctl-env-probe');
  });

  it('creates the directories opsctl uses with the agreed owners and modes', async () => {
    const result = await asAdmin(
      'sudo -n stat -c "%n %U:%G %a" /etc/opsctl /etc/opsctl/env /etc/opsctl/nginx /etc/opsctl/nginx/upstreams /etc/opsctl/nginx/upstreams/api.conf /var/lib/opsctl /etc/sudoers.d/opsctl-deploy /usr/local/sbin/opsctl-env /var/log/opsctl',
    );
    expect(result.stdout.trim().split('\n')).toEqual([
      '/etc/opsctl root:deploy 750',
      '/etc/opsctl/env root:root 700',
      '/etc/opsctl/nginx root:deploy 755',
      '/etc/opsctl/nginx/upstreams root:deploy 775',
      '/etc/opsctl/nginx/upstreams/api.conf root:deploy 664',
      '/var/lib/opsctl deploy:deploy 755',
      '/etc/sudoers.d/opsctl-deploy root:root 440',
      '/usr/local/sbin/opsctl-env root:root 755',
      '/var/log/opsctl root:adm 750',
    ]);
    const defaultSite = await asAdmin('test -e /etc/nginx/sites-enabled/default');
    expect(defaultSite.code).toBe(1);
  });

  it('answers /nginx-health and proxies to the release the upstream file names', async () => {
    expect(await get('/nginx-health')).toEqual({ status: 200, body: 'ok\n' });
    expect((await get('/health')).status).toBe(502);
    await startRelease('blue', 3001);
    expect(await get('/health')).toEqual({ status: 200, body: 'blue\n' });
  });

  it('switches to another slot when the deploy user replaces the upstream file and reloads', async () => {
    await startRelease('green', 3002);
    await switchUpstream(3002);
    expect(await eventually('/health', 'green\n')).toEqual({ status: 200, body: 'green\n' });
  });

  it('keeps the upstream file opsctl wrote when the playbook runs again', async () => {
    const again = await provision('ops');
    expect(again.recap.get('droplet'), explain(again)).toMatchObject({ changed: 0, failed: 0 });
    expect(await get('/health')).toEqual({ status: 200, body: 'green\n' });
  });

  it('drops connections to ports the host firewall does not open', async () => {
    const listen = await asDeploy(
      'cd /tmp && (setsid python3 -m http.server 8080 </dev/null >/dev/null 2>&1 &) && sleep 1 && python3 -c "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8080/\')"',
    );
    expect(listen.code, listen.stderr).toBe(0);
    await expect(get('/', droplet.closedPort)).rejects.toThrow();
    const rules = await asAdmin('sudo -n nft list table inet opsctl_host');
    expect(rules.stdout).toContain('policy drop');
    const docker = await asAdmin('sudo -n nft list tables');
    expect(docker.stdout).toContain('table ip nat');
  });
});

describe('update-api.yml on the provisioned droplet', () => {
  it('answers /health with 503 while the drain file exists', async () => {
    await runOk('docker', ['exec', droplet.name, 'touch', '/var/lib/opsctl/drain']);
    expect(await get('/health')).toEqual({ status: 503, body: 'draining\n' });
    await runOk('docker', ['exec', droplet.name, 'rm', '/var/lib/opsctl/drain']);
    expect((await get('/health')).status).toBe(200);
  });

  it('drains the droplet, upgrades it and puts it back serving', async () => {
    const update = await provision('ops', 'update-api.yml', {
      update_force: true,
      update_drain_seconds: 0,
      update_rejoin_seconds: 0,
    });
    expect(update.code, explain(update)).toBe(0);
    expect(update.stdout).toContain('Take the droplet out of the load balancer');
    expect(update.stdout).toContain('Put the droplet back into the load balancer');
    expect(update.recap.get('droplet')).toMatchObject({ failed: 0 });
    expect(await get('/health')).toEqual({ status: 200, body: 'green\n' });
  });

  it('stops the rollout and keeps an unhealthy droplet drained', async () => {
    await asDeploy('pkill -f "http.server 3002"');
    const update = await provision('ops', 'update-api.yml', {
      update_force: true,
      update_drain_seconds: 0,
      update_rejoin_seconds: 0,
      update_health_retries: 1,
      update_health_delay: 1,
    });
    expect(update.code).not.toBe(0);
    expect(update.stdout).toContain('stays out of the load balancer');
    expect(await get('/health')).toEqual({ status: 503, body: 'draining\n' });
  });
});
