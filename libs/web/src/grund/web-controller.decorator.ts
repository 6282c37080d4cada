import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiExcludeController } from '@nestjs/swagger';
import { BegransningGuard } from './begransning.guard';
import { SidInterceptor } from './sid.interceptor';
import { WebExceptionFilter } from './web-exception.filter';

/**
 * A controller of pages: its handlers return a Sida or an Omdirigering (SidInterceptor answers
 * them), its errors are pages (WebExceptionFilter), including a refusal of the per-IP limits
 * (BegransningGuard), it takes HTML forms, and it is not part of the API's OpenAPI description.
 */
export const WebController = (path = '') =>
  applyDecorators(
    Controller(path),
    ApiExcludeController(),
    ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data'),
    UseFilters(WebExceptionFilter),
    UseGuards(BegransningGuard),
    UseInterceptors(SidInterceptor),
  );
