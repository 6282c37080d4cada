import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiExceptionFilter, apiValidationPipe, AppConfig } from '@app/core';
import cookieParser from 'cookie-parser';

/** Everything an HTTP app of the platform shares: cookies, proxy trust, errors, validation, OpenAPI. */
export function configureHttpApp(app: INestApplication, config: AppConfig, title: string): void {
  const express = app as NestExpressApplication;
  if (config.TRUST_PROXY) express.set('trust proxy', 1);
  express.disable('x-powered-by');
  app.use(cookieParser());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(apiValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(title).setDescription('Remissplattformen HTTP API. Errors are { statusCode, code, message }.').setVersion('1').addCookieAuth('remiss_session').build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
