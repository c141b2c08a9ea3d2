import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { serviceFlag } from '../flags/common-flags.js';
import { build } from '../services/build.js';

export default class Build extends BaseCommand<typeof Build> {
  static override summary = 'Build service images tagged with the commit SHA.';
  static override description =
    'Tags <registry>/<service>:<sha12>, v<semver> (a version tag on HEAD, or --version), latest and the branch. ' +
    'The registry is that of OPSCTL_ENV or defaultEnvironment, else the top-level one. ' +
    'Build arguments: opsctl.yaml buildArgs, then OPSCTL_BUILD_ARG_<NAME> variables, then --build-arg; ' +
    'e.g. the local environment’s base image: --build-arg BASE_IMAGE=opsctl-local/node:24.';
  static override examples = [
    '<%= config.bin %> build',
    '<%= config.bin %> build --service api --version v1.2.3',
    'OPSCTL_ENV=local <%= config.bin %> build --build-arg BASE_IMAGE=opsctl-local/node:24',
  ];
  static override flags = {
    service: serviceFlag('Service to build (default: every service).'),
    version: Flags.string({
      summary: 'Also tag the image with this semantic version, e.g. v1.2.3.',
      env: 'OPSCTL_VERSION',
    }),
    'no-cache': Flags.boolean({
      summary: 'Build without the Docker layer cache.',
      env: 'OPSCTL_NO_CACHE',
    }),
    'build-arg': Flags.string({
      summary: 'A build argument NAME=value (repeatable); also OPSCTL_BUILD_ARG_<NAME>.',
      multiple: true,
    }),
  };

  async run() {
    return build(this.context, {
      service: this.flags.service,
      version: this.flags.version,
      noCache: this.flags['no-cache'],
      buildArgs: this.flags['build-arg'] ?? [],
    });
  }
}
