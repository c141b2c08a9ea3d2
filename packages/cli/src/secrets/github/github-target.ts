import { describeFailure } from '../http/api-failure.js';
import { parseRecords, serializeRecords, type FingerprintRecord } from '../fingerprint-records.js';
import type { Secret } from '../secret.js';
import type { Delivery, SecretState, SyncTarget, WriteResult } from '../sync/target.js';
import { describeScope, type GitHubApi, type GitHubScope } from './github-api.js';
import { githubNameProblem, githubValueProblem } from './limits.js';
import { sealForGitHub } from './seal.js';

/**
 * The Actions variable beside the secrets of a scope that holds their fingerprints: secrets
 * cannot be read back, variables can, and a keyed hash reveals nothing about the value.
 */
export const FINGERPRINTS_VARIABLE = 'OPSCTL_SECRET_FINGERPRINTS';

/** Repository or environment secrets of one GitHub repository. */
export class GitHubTarget implements SyncTarget {
  readonly kind = 'github';
  readonly label: string;

  constructor(
    private readonly api: GitHubApi,
    private readonly scope: GitHubScope,
    readonly names: readonly string[],
  ) {
    this.label = describeScope(scope);
  }

  refuse(name: string, value: Secret): string | undefined {
    return githubNameProblem(name) ?? githubValueProblem(value);
  }

  async inspect(): Promise<ReadonlyMap<string, SecretState>> {
    const [secrets, records] = await Promise.all([
      this.api.listSecrets(this.scope),
      this.#records(),
    ]);
    // GitHub keeps secret names in upper case and compares them without case.
    const listed = new Map(secrets.map((s) => [s.name.toUpperCase(), s]));
    return new Map(
      this.names.map((name): [string, SecretState] => {
        const info = listed.get(name.toUpperCase());
        return [
          name,
          {
            present: info !== undefined,
            record: records.get(name.toUpperCase()),
            changedAt: info?.updatedAt,
          },
        ];
      }),
    );
  }

  async write(
    deliveries: readonly Delivery[],
    now: string,
  ): Promise<ReadonlyMap<string, WriteResult>> {
    const key = await this.api.publicKey(this.scope);
    const records = await this.#records();
    const results = new Map<string, WriteResult>();
    for (const delivery of deliveries) {
      try {
        const encryptedValue = await sealForGitHub(delivery.value, key.key);
        const outcome = await this.api.putSecret(this.scope, delivery.name, {
          encryptedValue,
          keyId: key.keyId,
        });
        records.set(delivery.name.toUpperCase(), {
          fingerprint: delivery.fingerprint,
          updatedAt: now,
        });
        results.set(delivery.name, { outcome });
      } catch (error) {
        results.set(delivery.name, { error: describeFailure(error) });
      }
    }
    const written = [...results].filter(([, r]) => !('error' in r)).map(([name]) => name);
    if (written.length === 0) return results;
    try {
      await this.api.setVariable(this.scope, FINGERPRINTS_VARIABLE, serializeRecords(records));
    } catch (error) {
      for (const name of written) {
        results.set(name, {
          error: `the value was set, but its fingerprint could not be recorded (${describeFailure(error)}); run sync again`,
        });
      }
    }
    return results;
  }

  async #records(): Promise<Map<string, FingerprintRecord>> {
    return parseRecords(await this.api.getVariable(this.scope, FINGERPRINTS_VARIABLE));
  }
}
