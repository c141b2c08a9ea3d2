import { digitalOceanContract } from '../digitalocean/contract-file.js';

/**
 * Finds the DigitalOcean API description the contract tests use, downloading the pinned file
 * (sha256 checked) where that is allowed, and prints its path. The workflow's test job runs it
 * first, so a missing or changed file fails that step with the reason instead of every suite.
 */
try {
  process.stdout.write(`${await digitalOceanContract()}\n`);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
}
