import type { CommandContext } from '../context/command-context.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { checkTarget, type CheckRow } from '../secrets/check/check-target.js';
import { describeStatus, renderCheck } from '../secrets/check/render-check.js';
import { secretsRunInputs } from '../secrets/run-inputs.js';
import type { TargetKind } from '../secrets/selection.js';
import { buildTargets } from '../secrets/sync/build-targets.js';

export interface SecretsCheckOptions {
  readonly only?: readonly string[] | undefined;
  readonly targets?: readonly TargetKind[] | undefined;
  /** KEY=value lines read from stdin (--stdin). */
  readonly stdin?: string | undefined;
}

export interface SecretsCheckResult {
  readonly environment: string;
  readonly rows: readonly CheckRow[];
  /** Names past their rotation period somewhere. */
  readonly due: readonly string[];
}

/**
 * Check every declared secret at every target: present, current (its stored fingerprint matches
 * the value opsctl would sync) and younger than its rotation period. Reads nothing secret from
 * any target. Fails (exit 2) listing what needs doing, including the names due for rotation.
 */
export async function secretsCheck(
  context: CommandContext,
  options: SecretsCheckOptions,
): Promise<SecretsCheckResult> {
  try {
    const inputs = await secretsRunInputs(
      context,
      { only: options.only, kinds: options.targets },
      options.stdin,
    );
    const targets = await buildTargets({ ctx: context, ...inputs });
    const rotateEvery = new Map(inputs.selected.map((s) => [s.name, s.rotateEvery]));
    const now = Date.now();
    const rows = (
      await Promise.all(
        targets.map((target) =>
          checkTarget({ target, fingerprints: inputs.fingerprints, rotateEvery, now }),
        ),
      )
    ).flat();
    renderCheck(context.output, inputs.environment.name, rows);
    const due = [...new Set(rows.filter((r) => r.status === 'due').map((r) => r.secret))];
    const result: SecretsCheckResult = { environment: inputs.environment.name, rows, due };
    const problems = rows.filter((r) => r.status !== 'ok');
    if (problems.length > 0) throw checkFailed(result, problems);
    return result;
  } finally {
    await context.executors.closeAll();
  }
}

function checkFailed(result: SecretsCheckResult, problems: readonly CheckRow[]): OpsctlError {
  const parts: string[] = [];
  if (result.due.length > 0) {
    parts.push(
      `due for rotation: ${result.due
        .map((name) => {
          const row = problems.find((r) => r.secret === name && r.status === 'due');
          return `${name} (${row?.ageDays ?? '?'} days old, rotate every ${row?.rotateEveryDays ?? '?'})`;
        })
        .join(', ')}`,
    );
  }
  for (const status of ['missing', 'drift', 'unrecorded', 'failed'] as const) {
    const rows = problems.filter((r) => r.status === status);
    if (rows.length > 0) {
      parts.push(
        `${describeStatus(status)}: ${rows.map((r) => `${r.secret} at ${r.target}`).join(', ')}`,
      );
    }
  }
  return new OpsctlError({
    code: 'SECRETS_CHECK_FAILED',
    kind: 'user',
    message: `Secrets of ${result.environment} need attention; ${parts.join('; ')}.`,
    hint:
      result.due.length > 0
        ? 'Rotate the secrets due (docs/runbooks/secrets.md), then `opsctl secrets sync`; for the rest `opsctl secrets sync` is enough.'
        : 'Run `opsctl secrets sync` for this environment; it writes what is missing or out of date.',
    details: result,
  });
}
