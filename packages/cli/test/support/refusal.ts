import { OpsctlError } from '../../src/errors/opsctl-error.js';

/** The OpsctlError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<OpsctlError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof OpsctlError))
    throw new Error(`expected an OpsctlError, got ${String(error)}`);
  return error;
}
