import { StandardSchemaValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createRequestMiddleware } from '@opsctl/health-kit';
import { NestPinoLogger } from '@opsctl/health-kit/nest';
import type { AppDependencies } from './app-dependencies.js';
import { AppModule } from './app.module.js';

/** Creates the Nest application (not yet listening) with logging, request ids and validation. */
export async function createApp(deps: AppDependencies): Promise<INestApplication> {
  // Nest declares its option bags as classes; a literal is what its own documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create(AppModule.register(deps), {
    logger: new NestPinoLogger(deps.logger),
  });
  app.use(createRequestMiddleware({ logger: deps.logger, context: deps.context }));
  app.useGlobalPipes(new StandardSchemaValidationPipe());
  return app;
}
