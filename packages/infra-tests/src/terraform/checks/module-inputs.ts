import type { Environment } from '../environment.js';
import type { Problem } from '../../problem.js';

const META_ARGUMENTS = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);

/**
 * An environment passes only inputs its modules declare, and every required input; its
 * terraform.tfvars sets only declared variables and every required one.
 */
export function checkModuleInputs(env: Environment): Problem[] {
  const problems: Problem[] = [];
  for (const mod of env.modules) {
    const declared = mod.dir.variables;
    for (const arg of Object.keys(mod.call.args).filter((a) => !META_ARGUMENTS.has(a))) {
      if (!declared.has(arg)) {
        problems.push({
          where: env.name,
          address: `module.${mod.call.name}.${arg}`,
          message: `is not a variable of ${mod.call.source}`,
        });
      }
    }
    for (const [name, body] of declared) {
      if (!('default' in body) && !(name in mod.call.args)) {
        problems.push({
          where: env.name,
          address: `module.${mod.call.name}`,
          message: `does not pass the required input ${name}`,
        });
      }
    }
  }
  for (const name of Object.keys(env.tfvars)) {
    if (!env.root.variables.has(name)) {
      problems.push({
        where: env.name,
        address: `terraform.tfvars: ${name}`,
        message: 'sets a variable the environment does not declare',
      });
    }
  }
  for (const [name, body] of env.root.variables) {
    if (!('default' in body) && !(name in env.tfvars)) {
      problems.push({
        where: env.name,
        address: `var.${name}`,
        message: 'is required but terraform.tfvars does not set it',
      });
    }
  }
  return problems;
}
