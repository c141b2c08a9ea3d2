import type { TerraformDirectory } from '../directory.js';
import type { Problem } from '../../problem.js';

const SENSITIVE_OUTPUT = /(url|uri|password|secret|token|docker_config|connection)/;

/** Every variable states its type and a description; every output a description. */
export function checkDeclarations(where: string, dir: TerraformDirectory): Problem[] {
  const problems: Problem[] = [];
  for (const [name, body] of dir.variables) {
    if (typeof body.type !== 'string')
      problems.push({ where, address: `var.${name}`, message: 'has no type' });
    if (typeof body.description !== 'string' || body.description.trim().length < 10) {
      problems.push({
        where,
        address: `var.${name}`,
        message: 'has no description (at least a short sentence)',
      });
    }
  }
  for (const [name, body] of dir.outputs) {
    if (typeof body.description !== 'string' || body.description.trim() === '') {
      problems.push({ where, address: `output.${name}`, message: 'has no description' });
    }
    if (SENSITIVE_OUTPUT.test(name) && !name.endsWith('_endpoint') && body.sensitive !== true) {
      problems.push({
        where,
        address: `output.${name}`,
        message: 'looks like a connection string or credential but is not sensitive = true',
      });
    }
  }
  return problems;
}
