import { invalidAnswer } from './init-errors.js';
import { ENV_VAR_NAME, SLUG_NAME, type InitAnswers } from './init-answers.js';
import type { Ask } from './terminal-prompt.js';

/** The answers before validation: flags over defaults. */
export interface DraftAnswers {
  readonly service: string;
  readonly port: number;
  readonly secrets: readonly string[];
}

const splitNames = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** In a terminal, each question shows the flag's value or the default, and Enter keeps it. */
export async function askAnswers(draft: DraftAnswers, ask: Ask): Promise<DraftAnswers> {
  const service = await ask('Service name', draft.service);
  const port = await ask('Port the container listens on', String(draft.port));
  const secrets = await ask(
    'Secrets the service reads (names, comma-separated)',
    draft.secrets.join(','),
  );
  const portNumber = /^\d+$/.test(port) ? Number(port) : NaN;
  if (Number.isNaN(portNumber)) throw invalidAnswer('port', port, 'expected a number');
  return { service, port: portNumber, secrets: splitNames(secrets) };
}

/** Checks the answers against opsctl.yaml's rules, so what init writes always validates. */
export function validateAnswers(
  draft: DraftAnswers,
  fixed: Pick<InitAnswers, 'project' | 'opsctlVersion' | 'workingDirectory'>,
): InitAnswers {
  if (!SLUG_NAME.test(draft.service)) {
    throw invalidAnswer(
      'service name',
      draft.service,
      'start with a lower-case letter and use only a-z, 0-9 and "-" (at most 40)',
    );
  }
  if (!Number.isInteger(draft.port) || draft.port < 1 || draft.port > 65_535) {
    throw invalidAnswer('port', String(draft.port), 'expected a TCP port from 1 to 65535');
  }
  for (const name of draft.secrets) {
    if (!ENV_VAR_NAME.test(name)) {
      throw invalidAnswer(
        'secret name',
        name,
        'expected an environment variable name such as DATABASE_URL',
      );
    }
    if (/^github_/i.test(name)) {
      throw invalidAnswer(
        'secret name',
        name,
        'GitHub refuses secret names that start with GITHUB_',
      );
    }
  }
  return { ...fixed, ...draft, secrets: [...new Set(draft.secrets)] };
}
