import type { TerraformDirectory } from '../directory.js';
import { isBody, type HclBody } from '../hcl.js';
import type { Problem } from '../../problem.js';

/** Names of settings that hold credentials. */
export const SECRET_NAME = /(password|passwd|secret|token|private_key|access_key|api_key|webhook)/i;

const SECRET_TEXT: [RegExp, string][] = [
  [/\bdo[opr]_v1_[a-f0-9]{32,}/, 'a DigitalOcean API token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS-style access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/hooks\.slack\.com\/services\/T[A-Z0-9]+\/[A-Z0-9]+\/[A-Za-z0-9]+/, 'a Slack webhook URL'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}/, 'a GitHub token'],
  [/:\/\/[^/\s:@"]+:[^/\s@"$]+@/, 'a URL with an embedded password'],
];

/** Credential-looking text anywhere in a file. */
export function checkSecretText(fileName: string, text: string): Problem[] {
  return SECRET_TEXT.filter(([pattern]) => pattern.test(text)).map(([, what]) => ({
    where: fileName,
    address: 'text',
    message: `contains what looks like ${what}; secrets come from the environment, never from files`,
  }));
}

/**
 * Secret-named variables are sensitive and have no default; secret-named resource arguments are
 * never literals.
 */
export function checkSecretSettings(where: string, dir: TerraformDirectory): Problem[] {
  const problems: Problem[] = [];
  for (const [name, body] of dir.variables) {
    if (!SECRET_NAME.test(name)) continue;
    if (body.sensitive !== true)
      problems.push({
        where,
        address: `var.${name}`,
        message: 'holds a secret but is not marked sensitive = true',
      });
    if (typeof body.default === 'string' && body.default !== '') {
      problems.push({
        where,
        address: `var.${name}`,
        message: 'holds a secret but has a literal default',
      });
    }
  }
  for (const res of dir.resources) {
    for (const [path, value] of literalStrings(res.body, '')) {
      if (SECRET_NAME.test(path) && value !== '' && !value.includes('${')) {
        problems.push({
          where,
          address: `${res.type}.${res.name}.${path}`,
          message: 'is a literal secret; pass it in a sensitive variable',
        });
      }
    }
  }
  return problems;
}

/** A tfvars file may not set a secret-named variable: those come from TF_VAR_* in the environment. */
export function checkTfvarsSecrets(where: string, tfvars: HclBody): Problem[] {
  return Object.entries(tfvars)
    .filter(([name, value]) => SECRET_NAME.test(name) && value !== '' && value !== null)
    .map(([name]) => ({
      where,
      address: name,
      message: 'is a secret and must come from TF_VAR_' + name + ', not terraform.tfvars',
    }));
}

function literalStrings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v) => literalStrings(v, path));
  if (!isBody(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => literalStrings(v, path ? `${path}.${k}` : k));
}
