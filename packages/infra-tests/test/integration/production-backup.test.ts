import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, parseRecap, runPlaybook } from './support/ansible.js';
import { buildBareImage, startBareDroplet, type BareDroplet } from './support/bare-droplet.js';
import {
  LOCAL_LABEL,
  LOCAL_NETWORK,
  localDotEnv,
  useLocalEnvironment,
  type LocalEnvironment,
} from './support/local-environment.js';
import { productionWorkspace, type ProductionWorkspace } from './support/production-workspace.js';
import { startSpacesStandIn, type SpacesStandIn } from './support/spaces-stand-in.js';
import { issueCertificate } from './support/test-ca.js';
import { runStep, workflowStep, type StepContext } from './support/workflow-step.js';
import { run, runOk, type RunResult } from '../support/run.js';

/**
 * The production deploy job's database backup, for real: a bare droplet provisioned by
 * setup-api.yml with production's inventory and group_vars, the workflow's own deploy-key and
 * backup steps run as a runner runs them (so backup.yml logs in as deploy with the deploy key,
 * the only key the steps get), the local environment's PostgreSQL as the managed database, and a
 * TLS Spaces stand-in at the endpoint production's group_vars name, reachable from the droplet
 * only over the environment's Docker network. Then restore-test.yml the same way, and an
 * independent download and pg_restore of the dump.
 */
const WORKFLOW = 'ci-cd.yml';
const JOB = 'deploy-production';
const ROWS = 5000;
const id = randomBytes(3).toString('hex');
const table = `backup_probe_${id}`;
const spacesSecret = `spaces-secret-${randomBytes(12).toString('hex')}`;

let local: LocalEnvironment | undefined;
let droplet: BareDroplet | undefined;
let workspace: ProductionWorkspace | undefined;
let spaces: SpacesStandIn | undefined;
let work: string;
let databaseUrl: string;
let restoreUrl: string;
let caFile: string;
let bucket: string;
let prefix: string;
const outputs: RunResult[] = [];
const seconds = (since: number): string => ((Date.now() - since) / 1000).toFixed(1);

function the<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} did not start`);
  return value;
}

const psql = (url: string, sql: string) =>
  runOk('psql', [url, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
const asRoot = (command: string) =>
  runOk('docker', ['exec', the(droplet, 'the droplet').name, 'sh', '-c', command]);

/** What the workflow's steps see: secrets and variables as GitHub would pass them. */
function stepContext(): StepContext {
  const d = the(droplet, 'the droplet');
  return {
    secrets: {
      BACKUP_DATABASE_URL: databaseUrl,
      SPACES_ACCESS_KEY_ID: the(spaces, 'Spaces').accessKeyId,
      SPACES_SECRET_ACCESS_KEY: spacesSecret,
      OPSCTL_DEPLOY_KEY: deployKey,
    },
    vars: { OPSCTL_KNOWN_HOSTS: `[127.0.0.1]:${String(d.sshPort)} ${hostKey}` },
  };
}
let deployKey: string;
let hostKey: string;

async function step(name: string): Promise<RunResult> {
  const result = await runStep(
    await workflowStep(WORKFLOW, JOB, name),
    stepContext(),
    the(workspace, 'the workspace').root,
    join(work, 'home'),
  );
  outputs.push(result);
  return result;
}

/** restore-test.yml as backup-database.sh runs backup.yml: same inventory, user, key and env. */
async function restoreTest(): Promise<RunResult> {
  const context = stepContext();
  const result = await run(
    'ansible-playbook',
    [
      '-i',
      'inventory/production.yml',
      '-e',
      'ansible_user=deploy',
      '--private-key',
      join(work, 'home/.ssh/opsctl_deploy'),
      '--ssh-common-args',
      `-o UserKnownHostsFile='${join(work, 'home/.ssh/known_hosts')}' -o StrictHostKeyChecking=yes`,
      '-e',
      'opsctl_environment=production',
      '-e',
      'backup_install_packages=false',
      'playbooks/restore-test.yml',
    ],
    {
      cwd: the(workspace, 'the workspace').ansibleDir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: join(work, 'home'),
        LANG: 'C.UTF-8',
        OPSCTL_BACKUP_DATABASE_URL: databaseUrl,
        OPSCTL_RESTORE_DATABASE_URL: restoreUrl,
        SPACES_ACCESS_KEY_ID: context.secrets.SPACES_ACCESS_KEY_ID,
        SPACES_SECRET_ACCESS_KEY: spacesSecret,
      },
    },
  );
  outputs.push(result);
  return result;
}

/** Object keys under the backup prefix, from the stand-in's storage. */
async function objects(): Promise<string[]> {
  const dir = join(the(spaces, 'Spaces').directory, bucket, prefix);
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((n) => n.endsWith('._S3rver_object'))
    .map((n) => n.replace('._S3rver_object', ''))
    .sort();
}

/** A digest of the probe table's rows, the same query for the original and a restored copy. */
const fingerprint = `SELECT count(*) || ':' || md5(string_agg(id || '|' || payload, ',' ORDER BY id)) FROM ${table}`;

beforeAll(async () => {
  const started = Date.now();
  local = await useLocalEnvironment();
  const env = await localDotEnv();
  const value = (name: string): string | undefined => env.get(name);
  databaseUrl = value('DATABASE_URL') ?? '';
  if (databaseUrl === '') throw new Error('.env.local has no DATABASE_URL; run opsctl local up');
  // restore-test.yml creates a scratch database: that takes the cluster's admin (doadmin), as
  // the app user may not create databases on a managed cluster (nor in the local environment).
  restoreUrl = value('OPSCTL_ADMIN_DATABASE_URL') ?? '';
  if (restoreUrl === '')
    throw new Error('.env.local has no OPSCTL_ADMIN_DATABASE_URL; run opsctl local up');
  work = await mkdtemp(join(tmpdir(), 'opsctl-production-backup-'));

  await buildBareImage();
  // On the environment's network, where its PostgreSQL stands for the managed database (which
  // admits the API droplets) and the Spaces stand-in listens on the network's gateway.
  droplet = await startBareDroplet({
    network: LOCAL_NETWORK,
    // `opsctl local down` removes the droplet too, should this file not get to its cleanup.
    labels: [LOCAL_LABEL, 'opsctl-test=production-backup'],
  });
  deployKey = (await readFile(droplet.deployKey, 'utf8')).trim();
  hostKey = (await readFile(`${droplet.hostKey}.pub`, 'utf8'))
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ');
  workspace = await productionWorkspace('127.0.0.1', droplet.sshPort);
  const first = workspace.hosts[0] ?? '';

  // Provisioning as production's is done: root's first run, production's inventory and group_vars,
  // with the public keys production's group_vars will list.
  const vars = join(work, 'keys.json');
  await writeFile(
    vars,
    JSON.stringify({
      opsctl_admin_authorized_keys: [await droplet.publicKey('admin')],
      opsctl_deploy_authorized_keys: [await droplet.publicKey('deploy')],
    }),
  );
  const provisioned = await runPlaybook('setup-api.yml', [
    '-i',
    join(workspace.ansibleDir, 'inventory/production.yml'),
    '--limit',
    first,
    '-e',
    'ansible_user=root',
    '--private-key',
    droplet.rootKey,
    // Only the workflow's steps learn the droplet's host key (from OPSCTL_KNOWN_HOSTS); this
    // machine's own known_hosts is left alone.
    '--ssh-common-args',
    '-o UserKnownHostsFile=/dev/null',
    '-e',
    `@${vars}`,
  ]);
  if (provisioned.code !== 0) throw new Error(`setup-api.yml failed\n${explain(provisioned)}`);
  const provisionedAt = Date.now();

  // Spaces at the endpoint production's group_vars name. The droplet resolves that name to its
  // network's gateway and trusts the stand-in's CA, as a droplet trusts Spaces' public CA.
  bucket = String(workspace.groupVars.backup_s3_bucket);
  prefix = 'postgres/production/';
  const endpoint = new URL(String(workspace.groupVars.backup_s3_endpoint));
  const certificate = await issueCertificate(
    [endpoint.hostname, `*.${endpoint.hostname}`],
    [droplet.gateway],
  );
  caFile = join(work, 'spaces-ca.crt');
  await writeFile(caFile, certificate.caCert);
  spaces = await startSpacesStandIn({
    host: endpoint.hostname,
    address: droplet.gateway,
    port: Number(endpoint.port || 443),
    buckets: [bucket],
    certificate,
  });
  await runOk('docker', [
    'cp',
    caFile,
    `${droplet.name}:/usr/local/share/ca-certificates/opsctl-test-spaces.crt`,
  ]);
  await asRoot(
    `update-ca-certificates >/dev/null && printf '%s %s %s\\n' '${droplet.gateway}' '${endpoint.hostname}' '${bucket}.${endpoint.hostname}' >> /etc/hosts`,
  );

  // Rows the service's own user writes: it owns the table, not the database.
  await psql(
    databaseUrl,
    `CREATE TABLE ${table} (id int PRIMARY KEY, payload text NOT NULL);
     INSERT INTO ${table} SELECT g, md5(g::text) || repeat('x', g % 97) FROM generate_series(1, ${String(ROWS)}) g;`,
  );
  console.log(
    `production backup fixture: environment and droplet provisioned in ${((provisionedAt - started) / 1000).toFixed(1)} s, Spaces and rows in ${seconds(provisionedAt)} s`,
  );
}, 900_000);

afterAll(async () => {
  if (databaseUrl)
    await run('psql', [databaseUrl, '-X', '-q', '-c', `DROP TABLE IF EXISTS ${table}`]);
  await spaces?.close();
  await droplet?.remove();
  await workspace?.remove();
  if (work) await rm(work, { recursive: true, force: true });
  await local?.release();
}, 120_000);

describe('the production deploy job backs up the database before it deploys', () => {
  let manifest: {
    dump: { key: string; bytes: string; sha256: string };
    table_counts: Record<string, number>;
  };

  it('installs the deploy key with the workflow step that does so', async () => {
    const result = await step('Install the deploy key');
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it('runs the workflow backup step over SSH as deploy on the first production droplet, uploading a dump and its manifest', async () => {
    const started = Date.now();
    const result = await step('Back up the database before anything changes');
    expect(result.code, explain(result)).toBe(0);
    const first = the(workspace, 'the workspace').hosts[0] ?? '';
    // The steps hold only the deploy key, which only the deploy user authorizes: the run logged in as deploy.
    expect([...parseRecap(result.stdout).keys()]).toEqual([first]);
    expect(parseRecap(result.stdout).get(first)).toMatchObject({ failed: 0, unreachable: 0 });
    const keys = await objects();
    expect(keys).toHaveLength(2);
    const [dumpKey, manifestKey] = keys;
    expect(manifestKey).toBe(dumpKey?.replace(/\.dump$/, '.json'));
    const s3 = the(spaces, 'Spaces');
    manifest = JSON.parse(
      (await s3.object(bucket, `${prefix}${manifestKey ?? ''}`)).toString(),
    ) as typeof manifest;
    const dump = await s3.object(bucket, `${prefix}${dumpKey ?? ''}`);
    expect(dump.subarray(0, 5).toString()).toBe('PGDMP');
    expect(manifest.dump.sha256).toBe(createHash('sha256').update(dump).digest('hex'));
    expect(manifest.table_counts[`public.${table}`]).toBe(ROWS);
    console.log(
      `backup step: ${String(dump.length)} bytes dumped, ${String(Object.keys(manifest.table_counts).length)} tables, ${String(ROWS)} probe rows, ${seconds(started)} s`,
    );
  });

  it('restore-test.yml, run the same way, restores that dump into a scratch database with the backup row counts and drops it', async () => {
    const started = Date.now();
    const result = await restoreTest();
    expect(result.code, explain(result)).toBe(0);
    const tables = Object.keys(manifest.table_counts).length;
    expect(result.stdout).toContain(
      `s3://${bucket}/${manifest.dump.key} restores: ${String(tables)} tables with the row counts of the backup.`,
    );
    const left = await psql(
      restoreUrl,
      "SELECT count(*) FROM pg_database WHERE datname LIKE 'opsctl_restore_test_%'",
    );
    expect(left.stdout.trim()).toBe('0');
    console.log(
      `restore-test.yml: ${String(tables)} tables restored and compared, ${seconds(started)} s`,
    );
  });

  it('the dump, downloaded on its own and restored with pg_restore, holds the original rows', async () => {
    const s3cfg = join(work, 's3cfg');
    const gateway = the(droplet, 'the droplet').gateway;
    await writeFile(
      s3cfg,
      `[default]\naccess_key = ${the(spaces, 'Spaces').accessKeyId}\nsecret_key = ${spacesSecret}\nhost_base = ${gateway}\nhost_bucket = ${gateway}\nuse_https = True\nca_certs_file = ${caFile}\nsignature_v2 = False\n`,
      { mode: 0o600 },
    );
    const file = join(work, 'downloaded.dump');
    await runOk('s3cmd', [
      '-c',
      s3cfg,
      '--no-progress',
      'get',
      `s3://${bucket}/${manifest.dump.key}`,
      file,
    ]);
    const bytes = await readFile(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.dump.sha256);
    const scratch = `opsctl_backup_check_${id}`;
    const scratchUrl = Object.assign(new URL(restoreUrl), { pathname: `/${scratch}` }).toString();
    await psql(restoreUrl, `CREATE DATABASE ${scratch}`);
    try {
      await runOk('pg_restore', [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--dbname',
        scratchUrl,
        file,
      ]);
      const original = await psql(databaseUrl, fingerprint);
      const restored = await psql(scratchUrl, fingerprint);
      expect(restored.stdout.trim()).toBe(original.stdout.trim());
      expect(restored.stdout.trim()).toMatch(new RegExp(`^${String(ROWS)}:[0-9a-f]{32}$`));
    } finally {
      await run('psql', [restoreUrl, '-X', '-q', '-c', `DROP DATABASE IF EXISTS ${scratch}`]);
    }
  });

  it('shows no secret in any output and leaves none on the droplet', async () => {
    const password = decodeURIComponent(new URL(databaseUrl).password);
    const secrets = [
      password,
      encodeURIComponent(password),
      spacesSecret,
      deployKey.split('\n')[1] ?? deployKey,
    ];
    expect(outputs.length).toBeGreaterThanOrEqual(3);
    const printed = outputs.map((o) => o.stdout + o.stderr).join('\n');
    for (const secret of secrets) expect(printed).not.toContain(secret);
    const found = await run('docker', [
      'exec',
      the(droplet, 'the droplet').name,
      'grep',
      '-rlF',
      '-e',
      password,
      '-e',
      spacesSecret,
      '/var/tmp',
      '/tmp',
      '/home/deploy',
    ]);
    expect(found.stdout).toBe('');
    const left = await asRoot('ls /var/tmp | grep -c opsctl-backup- || true');
    expect(left.stdout.trim()).toBe('0');
  });
});
