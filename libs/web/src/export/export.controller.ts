import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { EarkivExportService } from '@app/archive';
import { Actor, CurrentActor } from '@app/auth';
import { notFound, sendFil, SidQuery } from '@app/core';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { ExportFormular } from './export.dto';
import { exportAv } from './exportformular';

/** An id that is not one is a page that does not exist. */
const exportId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Export') });

/** The registrator's e-arkiv exports: the list and the order form, one export's progress, its package. */
@WebController('diarium/export')
export class ExportController {
  constructor(private readonly exporter: EarkivExportService) {}

  @Get()
  async lista(@CurrentActor() actor: Actor, @Query() sidfraga: SidQuery) {
    const [exporter, diarier] = await Promise.all([
      this.exporter.list(actor, { page: sidfraga.page, pageSize: 20 }),
      this.exporter.diarier(actor),
    ]);
    return sida('export/exporter', { exporter, diarier });
  }

  @Post()
  async bestall(@CurrentActor() actor: Actor, @Body() form: ExportFormular) {
    const bestalld = await this.exporter.order(actor, exportAv(form));
    return omdirigera(`/diarium/export/${bestalld.id}`, {
      rubrik: 'Exporten är beställd',
      text: `Paketet med ${bestalld.antalHandlingar} ${bestalld.antalHandlingar === 1 ? 'handling' : 'handlingar'} byggs nu.`,
    });
  }

  @Get(':id')
  async visa(@CurrentActor() actor: Actor, @Param('id', exportId) id: string) {
    return sida('export/export', { exp: await this.exporter.get(actor, id) });
  }

  @Get(':id/paket')
  async paket(
    @CurrentActor() actor: Actor,
    @Param('id', exportId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.exporter.download(actor, id));
  }
}
