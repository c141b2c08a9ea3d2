import { Module, type DynamicModule } from '@nestjs/common';
import { HealthKitModule } from '@opsctl/health-kit/nest';
import { ItemsModule } from '../items/items.module.js';
import { VersionController } from '../version/version.controller.js';
import type { AppDependencies } from './app-dependencies.js';
import { CloseResources } from './close-resources.js';
import { CONFIG, LOGGER, PG_POOL, REDIS } from './tokens.js';

/** The application, built from dependencies created outside Nest (so tests can supply their own). */
@Module({})
export class AppModule {
  static register(deps: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [HealthKitModule.forRoot(deps.monitor), ItemsModule],
      controllers: [VersionController],
      providers: [
        { provide: CONFIG, useValue: deps.config },
        { provide: LOGGER, useValue: deps.logger },
        { provide: PG_POOL, useValue: deps.pool },
        { provide: REDIS, useValue: deps.redis },
        CloseResources,
      ],
      exports: [CONFIG, LOGGER, PG_POOL, REDIS],
    };
  }
}
