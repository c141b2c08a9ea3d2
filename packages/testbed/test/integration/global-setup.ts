import { digitalOceanContract } from '../../src/digitalocean/contract-file.js';
import { down, up } from '../../src/local/environment.js';
import { testStateDir } from './state-dir.js';

/**
 * One local environment for the whole integration suite, removed again at the end; its
 * DigitalOcean stand-in checked against the official API description.
 */
export async function setup(): Promise<void> {
  await up({
    stateDir: testStateDir(),
    droplets: 2,
    contract: await digitalOceanContract(),
    log: (line) => {
      process.stderr.write(`testbed: ${line}\n`);
    },
  });
}

export async function teardown(): Promise<void> {
  await down({ stateDir: testStateDir() });
}
