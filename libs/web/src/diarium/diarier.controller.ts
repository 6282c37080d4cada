import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { DiarierService, EnhetDiariumDto } from '@app/archive';
import { Actor, CurrentActor } from '@app/auth';
import { DomainError, notFound } from '@app/core';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { NyttDiariumFormular } from './diarium.dto';

const enhetId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Enhet') });

/**
 * The admin's diarier: the organisation's diarier with the enheter numbered in each, a new diarium
 * whose format is previewed before it is created, and the diarium each enhet numbers its ärenden in.
 */
@WebController('admin/diarier')
export class DiarierSidController {
  constructor(private readonly diarier: DiarierService) {}

  @Get()
  async visa(
    @CurrentActor() actor: Actor,
    @Query('namn') namn?: string,
    @Query('prefix') prefix?: string,
    @Query('format') format?: string,
  ) {
    const enheter = await this.diarier.enheter(actor);
    const diarier = await this.diarier.list(actor);
    const forhandsvisning = prefix && format ? this.forhandsvisning(format, prefix) : undefined;
    return sida('diarium/diarier', { diarier, enheter, forhandsvisning, forslag: { namn, prefix, format } });
  }

  /** Preview or create: a preview comes back to the page with the examples, nothing stored. */
  @Post()
  async skapa(@CurrentActor() actor: Actor, @Body() form: NyttDiariumFormular) {
    if (form.atgard === 'forhandsgranska') {
      this.diarier.preview(form.format, form.prefix);
      const q = new URLSearchParams({ namn: form.namn, prefix: form.prefix, format: form.format });
      return omdirigera(`/admin/diarier?${q.toString()}#nytt-diarium`);
    }
    const diarium = await this.diarier.create(actor, form);
    return omdirigera('/admin/diarier', {
      rubrik: `${diarium.namn} är skapat`,
      text: `Nästa nummer blir ${diarium.exempel}. Välj nedan vilka enheter som ska numrera sina ärenden i det.`,
    });
  }

  @Post('enheter/:enhetId')
  async satt(@CurrentActor() actor: Actor, @Param('enhetId', enhetId) id: string, @Body() form: EnhetDiariumDto) {
    const diarium = await this.diarier.setEnhetensDiarium(actor, id, form);
    const enhet = diarium.enheter.find((e) => e.id === id);
    return omdirigera('/admin/diarier', {
      rubrik: `${enhet?.namn ?? 'Enheten'} numrerar nu sina ärenden i ${diarium.namn}`,
      text: 'Ärenden som redan finns behåller sina diarienummer.',
    });
  }

  private forhandsvisning(format: string, prefix: string) {
    try {
      return { exempel: this.diarier.preview(format, prefix).exempel };
    } catch (e: unknown) {
      if (e instanceof DomainError) return { fel: e.svenska };
      throw e;
    }
  }
}
