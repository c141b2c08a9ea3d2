import { readFile, writeFile } from 'node:fs/promises';
import { OpsctlError, parseConfigText, type CommandContext } from '@opsctl/cli';
import { isMap, parseDocument } from 'yaml';
import { LOCAL_SERVICE, localEnvironmentEntry } from '../local-env/local-entry.js';

export interface LocalInitOptions {
  readonly force: boolean;
}

export interface LocalInitResult {
  readonly path: string;
  readonly action: 'added' | 'replaced';
  readonly entry: Record<string, unknown>;
}

const ENVIRONMENT = 'local';

/**
 * Adds `environments.local` to opsctl.yaml, so `opsctl deploy local` deploys this repository's
 * service to the local environment. The file is edited in place (comments and order kept), and
 * what it would become is checked with the core's own reader before it is written.
 */
export async function localInit(
  context: CommandContext,
  options: LocalInitOptions,
): Promise<LocalInitResult> {
  const { config, path } = await context.config();
  const service = config.services[LOCAL_SERVICE];
  if (service === undefined) {
    throw new OpsctlError({
      code: 'LOCAL_SERVICE_NAME',
      kind: 'user',
      message: `${path} declares no service named "${LOCAL_SERVICE}" (it has: ${Object.keys(config.services).join(', ')}). The local environment's droplets serve one service, named "${LOCAL_SERVICE}": their nginx routes to it and their tag is opsctl-local-${LOCAL_SERVICE}.`,
      hint: `Name the service "${LOCAL_SERVICE}" under services: in opsctl.yaml to deploy it locally.`,
    });
  }
  const exists = config.environments[ENVIRONMENT] !== undefined;
  if (exists && !options.force) {
    throw new OpsctlError({
      code: 'LOCAL_ENTRY_EXISTS',
      kind: 'user',
      message: `${path} has an environments.${ENVIRONMENT} entry already; nothing was changed.`,
      hint: 'Run `opsctl local init --force` to replace it with this local environment’s values.',
    });
  }
  const doc = parseDocument(await readFile(path, 'utf8'));
  if (!isMap(doc.get('environments'))) doc.set('environments', doc.createNode({}));
  const entry = localEnvironmentEntry(service.healthPath);
  doc.setIn(['environments', ENVIRONMENT], doc.createNode(entry));
  const text = doc.toString();
  const checked = parseConfigText(text, { path });
  if (!checked.ok) {
    throw new OpsctlError({
      code: 'INTERNAL',
      kind: 'bug',
      message: `the environments.${ENVIRONMENT} entry opsctl local init made does not pass the config check; ${path} was not changed.`,
      details: checked.problems,
    });
  }
  await writeFile(path, text);
  const action = exists ? 'replaced' : 'added';
  context.output.line(
    `${action} environments.${ENVIRONMENT} in ${path}: run \`opsctl deploy local\` to bring the local environment up and deploy ${LOCAL_SERVICE} to it.`,
  );
  return { path, action, entry };
}
