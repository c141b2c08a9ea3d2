import { Errors, type Hook } from '@oclif/core';
import { errorEnvelope, renderHumanError } from '../errors/render-error.js';
import { LOCAL_ENVIRONMENT, missingLocalPlugin } from '../plugins/local-environment.js';
import { Redactor } from '../secrets/redactor.js';

/**
 * `opsctl local ...` comes with @opsctl/plugin-local. Without it oclif would only say the command
 * is not found; this says which plugin brings it and how to install it, in opsctl's own error
 * form and exit code. Any other unknown command keeps oclif's answer.
 */
const commandNotFound: Hook<'command_not_found'> = function (options) {
  const [topic] = options.id.split(':');
  if (topic !== LOCAL_ENVIRONMENT) {
    return Promise.reject(new Errors.CLIError(`command ${options.id} not found`));
  }
  const error = missingLocalPlugin(`opsctl ${options.id.replaceAll(':', ' ')}`);
  const redactor = new Redactor();
  if ((options.argv ?? []).includes('--json')) {
    process.stdout.write(`${JSON.stringify(errorEnvelope(error, redactor), null, 2)}\n`);
  } else {
    process.stderr.write(renderHumanError(error, { redactor, verbose: false }));
  }
  process.exitCode = error.exitCode;
  return Promise.resolve();
};

export default commandNotFound;
