import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { FlashService } from './grund/flash.service';
import { SidInterceptor } from './grund/sid.interceptor';
import { SidLayout } from './grund/sid-layout.service';
import { Sidmallar } from './grund/sidmallar.service';
import { TillgangarController } from './grund/tillgangar.controller';
import { WebExceptionFilter } from './grund/web-exception.filter';
import { WebbTillgangar } from './grund/webb-tillgangar.service';
import { KontoController } from './konto/konto.controller';
import { StartController } from './start/start.controller';

/**
 * The web foundation: page rendering (Nunjucks with govuk-frontend), the layout, flashes, errors as
 * pages, static files, signing in and out and choosing an enhet, the start page. The sections'
 * page modules (inkorg, …) import it for WebController's interceptor and filter.
 * StartController comes last: its catch-all route is the 404 page of every path nobody else has.
 */
@Module({
  imports: [AuthModule],
  controllers: [TillgangarController, KontoController, StartController],
  providers: [Sidmallar, SidLayout, FlashService, SidInterceptor, WebExceptionFilter, WebbTillgangar],
  exports: [AuthModule, Sidmallar, SidLayout, FlashService, SidInterceptor, WebExceptionFilter],
})
export class WebModule {}
