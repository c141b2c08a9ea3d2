export { formatProblems, type Problem } from './problem.js';
export { loadTerraformTree, type TerraformTree } from './terraform/load.js';
export { loadDirectory, type TerraformDirectory } from './terraform/directory.js';
export { loadEnvironment, type Environment } from './terraform/environment.js';
export { resolve, UNKNOWN, type Scope } from './terraform/resolve.js';
export { checkTags, LABEL_TAGGABLE_TYPES } from './terraform/checks/tags.js';
export { checkNames } from './terraform/checks/names.js';
export {
  checkSshSources,
  checkHttpOnlyFromLoadBalancer,
  coversPort,
} from './terraform/checks/firewall.js';
export { checkLoadBalancers } from './terraform/checks/load-balancer.js';
export { checkDatabases } from './terraform/checks/database.js';
export { checkBackend } from './terraform/checks/backend.js';
export {
  checkSecretText,
  checkSecretSettings,
  checkTfvarsSecrets,
} from './terraform/checks/secrets.js';
export { checkDeclarations } from './terraform/checks/variables.js';
export { checkModuleInputs } from './terraform/checks/module-inputs.js';
export { alertPolicies, uptimeTargets } from './terraform/checks/monitoring.js';
export { readFactSources, type FactSources } from './facts/sources.js';
export { checkFacts } from './facts/check-facts.js';
export { loadProviderSchema, BINDINGS_PACKAGE } from './schema/load-provider-schema.js';
export { checkSchema } from './schema/check-schema.js';
export type { ProviderSchema } from './schema/block-schema.js';
