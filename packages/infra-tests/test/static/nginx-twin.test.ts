import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ansibleDir, repoRoot } from '../support/paths.js';
import { renderTemplate, roleDefaults } from '../support/role-template.js';

const TEMPLATE = join(ansibleDir, 'roles/nginx_bluegreen/templates/opsctl.conf.j2');
const LOCAL_DROPLET = join(repoRoot, 'packages/testbed/images/droplet/nginx-opsctl.conf');

/** The directives alone: comments, blank lines and indentation do not change what nginx does. */
const directives = (conf: string): string[] =>
  conf
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');

let rendered: string[];
let local: string[];
beforeAll(async () => {
  const vars = await roleDefaults(['opsctl_base']);
  rendered = directives(renderTemplate(await readFile(TEMPLATE, 'utf8'), vars));
  local = directives(await readFile(LOCAL_DROPLET, 'utf8'));
});

/**
 * The droplets' nginx server is written twice: the Ansible template provisioned droplets get and
 * the local droplets' copy. The local environment proves what the template promises only while
 * the two say the same.
 */
describe("the local droplets' nginx configuration", () => {
  it('is the Ansible template with the role defaults filled in, directive for directive', () => {
    expect(local).toEqual(rendered);
  });

  it('passes X-Forwarded-Proto only as the load balancer or this connection gives it', () => {
    const proto = rendered.filter((line) => line.includes('X-Forwarded-Proto'));
    expect(proto.length).toBeGreaterThan(0);
    for (const line of proto)
      expect(line).toBe('proxy_set_header X-Forwarded-Proto $opsctl_forwarded_proto;');
  });

  it('adds the internal headers only through values that are empty on forwarded requests', () => {
    expect(rendered.filter((line) => line.startsWith('add_header'))).toEqual([
      'add_header X-Opsctl-Upstream $opsctl_upstream_header always;',
      'add_header X-Opsctl-Droplet $opsctl_droplet_header always;',
    ]);
  });
});
