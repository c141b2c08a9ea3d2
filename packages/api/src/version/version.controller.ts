import { Controller, Get, Inject } from '@nestjs/common';
import { CONFIG } from '../app/tokens.js';
import type { Config } from '../config/config-schema.js';

export interface VersionInfo {
  sha: string;
  version: string;
  builtAt: string;
}

/** `GET /version`: which build is answering, from the build args baked into the image. */
@Controller('version')
export class VersionController {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get()
  version(): VersionInfo {
    return {
      sha: this.config.APP_GIT_SHA,
      version: this.config.APP_VERSION,
      builtAt: this.config.APP_BUILT_AT,
    };
  }
}
