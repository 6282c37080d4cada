import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { Remiss, Synpunkt } from '@app/database';
import { EntityManager } from 'typeorm';
import { NamndInstansRepository } from '../instans/namnd-instans.repository';
import { RemissvarInnehallDto, SynpunktDto } from '../remissvar.dto';
import { citatFoundIn } from './citat';
import { RemissvarInnehall, saknadeFotnoter, SynpunktInnehall } from './innehall';
import { svarsrubrik } from './svarsrubrik';

/**
 * Checks what a nämnd writes before it is stored: references point at a page of this remiss'
 * handlingar, quotations and struck text really stand on that page, footnote markers have a
 * footnote. A quotation that is not on the page is a 422 whose message is the Swedish sentence
 * the UI shows.
 */
@Injectable()
export class Innehallsgranskning {
  constructor(private readonly instanser: NamndInstansRepository) {}

  async check(manager: EntityManager, remiss: Remiss, dto: RemissvarInnehallDto): Promise<RemissvarInnehall> {
    const fotnoter = dto.fotnoter ?? [];
    requireFotnoter(`${dto.inledning}\n${dto.avslutning}`, fotnoter, 'inledning/avslutning');
    const synpunkter: SynpunktInnehall[] = [];
    for (const [i, p] of dto.synpunkter.entries()) synpunkter.push(await this.checkSynpunkt(manager, remiss, p, i + 1));
    return {
      titel: dto.titel ?? svarsrubrik(remiss.arendemening),
      inledning: dto.inledning,
      avslutning: dto.avslutning,
      fotnoter,
      synpunkter,
    };
  }

  private async checkSynpunkt(
    manager: EntityManager,
    remiss: Remiss,
    p: SynpunktDto,
    nr: number,
  ): Promise<SynpunktInnehall> {
    const falt = `synpunkter[${nr - 1}]`;
    if (p.typ === 'andringsforslag' && !p.strykText && !p.nyText) {
      throw new DomainError('ANDRINGSFORSLAG_UTAN_TEXT', { falt, synpunkt: nr });
    }
    if (p.typ !== 'andringsforslag' && (p.strykText || p.nyText)) {
      throw new DomainError('ANDRING_UTAN_ANDRINGSFORSLAG', { falt, synpunkt: nr });
    }
    if ((p.citat || p.sida !== undefined) && (!p.remisshandlingId || p.sida === undefined)) {
      throw new DomainError('REFERENS_OFULLSTANDIG', { falt, synpunkt: nr });
    }
    const fotnoter = p.fotnoter ?? [];
    requireFotnoter(p.text, fotnoter, falt);
    if (p.remisshandlingId) await this.requireReferens(manager, remiss, p, nr);
    return {
      typ: p.typ,
      rubrik: p.rubrik ?? null,
      text: p.text,
      remisshandlingId: p.remisshandlingId ?? null,
      sida: p.sida ?? null,
      citatinledning: p.citatinledning ?? null,
      citat: p.citat ?? null,
      strykText: p.strykText ?? null,
      nyText: p.nyText ?? null,
      fotnoter,
    };
  }

  private async requireReferens(manager: EntityManager, remiss: Remiss, p: SynpunktDto, nr: number): Promise<void> {
    const handling = await this.instanser.handling(manager, remiss.id, p.remisshandlingId!);
    if (!handling) throw new DomainError('REMISSHANDLING_SAKNAS', { synpunkt: nr });
    if (p.sida === undefined) return;
    const sidtext = await this.instanser.sidtext(manager, handling.id, p.sida);
    const plats = { synpunkt: nr, sida: p.sida, titel: handling.titel };
    if (sidtext === null) throw new DomainError('SIDA_SAKNAS', { ...plats, sidantal: handling.sidantal });
    if (p.citat !== undefined && !citatFoundIn(p.citat, sidtext)) throw new DomainError('CITAT_SAKNAS', plats);
    if (p.strykText && !citatFoundIn(p.strykText, sidtext)) throw new DomainError('STRYKTEXT_SAKNAS', plats);
  }
}

function requireFotnoter(text: string, fotnoter: readonly string[], falt: string): void {
  const saknas = saknadeFotnoter(text, fotnoter);
  if (saknas.length) throw new DomainError('FOTNOT_SAKNAS', { falt, fotnot: saknas[0] });
}

/** The content of a stored answer, in the form a save and a revision use. */
export function innehallAv(
  svar: { titel: string; inledning: string; avslutning: string; fotnoter: string[] },
  synpunkter: Synpunkt[],
): RemissvarInnehall {
  return {
    titel: svar.titel,
    inledning: svar.inledning,
    avslutning: svar.avslutning,
    fotnoter: svar.fotnoter,
    synpunkter: synpunkter.map((p) => ({
      typ: p.typ,
      rubrik: p.rubrik,
      text: p.text,
      remisshandlingId: p.remisshandlingId,
      sida: p.sida,
      citatinledning: p.citatinledning,
      citat: p.citat,
      strykText: p.strykText,
      nyText: p.nyText,
      fotnoter: p.fotnoter,
    })),
  };
}
