import { down, up } from '../../src/local/environment.js';
import { testStateDir } from './state-dir.js';

/** One local environment for the whole integration suite, removed again at the end. */
export async function setup(): Promise<void> {
  await up({
    stateDir: testStateDir(),
    droplets: 2,
    log: (line) => {
      process.stderr.write(`testbed: ${line}\n`);
    },
  });
}

export async function teardown(): Promise<void> {
  await down({ stateDir: testStateDir() });
}
