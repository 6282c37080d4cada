import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { FlashService } from './flash.service';
import { SidInterceptor } from './sid.interceptor';
import { SidLayout } from './sid-layout.service';
import { Sidmallar } from './sidmallar.service';
import { TillgangarController } from './tillgangar.controller';
import { WebExceptionFilter } from './web-exception.filter';
import { WebbTillgangar } from './webb-tillgangar.service';
import { KontoController } from '../konto/konto.controller';
import { StartController } from '../start/start.controller';

/**
 * The web foundation: page rendering (Nunjucks with govuk-frontend), the layout, flashes, errors as
 * pages, static files, signing in and out and choosing an enhet, the start page. Each section's
 * page module (inkorg, …) imports it for WebController's interceptor and filter.
 * StartController comes last: its catch-all route is the 404 page of every path nobody else has.
 */
@Module({
  imports: [AuthModule],
  controllers: [TillgangarController, KontoController, StartController],
  providers: [Sidmallar, SidLayout, FlashService, SidInterceptor, WebExceptionFilter, WebbTillgangar],
  exports: [AuthModule, Sidmallar, SidLayout, FlashService, SidInterceptor, WebExceptionFilter],
})
export class WebGrundModule {}
