import { HttpStatus, Injectable } from '@nestjs/common';
import { badRequest, DomainError } from '@app/core';
import { Remiss, Synpunkt } from '@app/database';
import { EntityManager } from 'typeorm';
import { NamndInstansRepository } from '../instans/namnd-instans.repository';
import { RemissvarInnehallDto, SynpunktDto } from '../remissvar.dto';
import { citatFinnsI } from './citat';
import { RemissvarInnehall, saknadeFotnoter, SynpunktInnehall } from './innehall';

/**
 * Checks what a nämnd writes before it is stored: references point at a page of this remiss'
 * handlingar, quotations and struck text really stand on that page, footnote markers have a
 * footnote. A quotation that is not on the page is a 422 whose message is the Swedish sentence
 * the UI shows.
 */
@Injectable()
export class Innehallsgranskning {
  constructor(private readonly instanser: NamndInstansRepository) {}

  async granska(manager: EntityManager, remiss: Remiss, dto: RemissvarInnehallDto): Promise<RemissvarInnehall> {
    const fotnoter = dto.fotnoter ?? [];
    kravFotnoter(`${dto.inledning}\n${dto.avslutning}`, fotnoter, 'inledning/avslutning');
    const synpunkter: SynpunktInnehall[] = [];
    for (const [i, p] of dto.synpunkter.entries()) synpunkter.push(await this.synpunkt(manager, remiss, p, i + 1));
    return {
      titel:
        dto.titel ?? `Svar på remiss om ${remiss.arendemening.charAt(0).toLowerCase()}${remiss.arendemening.slice(1)}`,
      inledning: dto.inledning,
      avslutning: dto.avslutning,
      fotnoter,
      synpunkter,
    };
  }

  private async synpunkt(
    manager: EntityManager,
    remiss: Remiss,
    p: SynpunktDto,
    nr: number,
  ): Promise<SynpunktInnehall> {
    const falt = `synpunkter[${nr - 1}]`;
    if (p.typ === 'andringsforslag' && !p.strykText && !p.nyText) {
      throw badRequest(
        'ANDRINGSFORSLAG_UTAN_TEXT',
        `${falt}: an andringsforslag needs strykText, nyText or both`,
        `Ändringsförslag ${nr} saknar text att stryka eller föreslagen text`,
        { synpunkt: nr },
      );
    }
    if (p.typ !== 'andringsforslag' && (p.strykText || p.nyText)) {
      throw badRequest(
        'ANDRING_UTAN_ANDRINGSFORSLAG',
        `${falt}: strykText and nyText belong to an andringsforslag`,
        `Synpunkt ${nr}: text att stryka eller ersätta hör till ett ändringsförslag`,
        { synpunkt: nr },
      );
    }
    if ((p.citat || p.sida !== undefined) && (!p.remisshandlingId || p.sida === undefined)) {
      throw badRequest(
        'REFERENS_OFULLSTANDIG',
        `${falt}: a quotation or page needs both remisshandlingId and sida`,
        `Synpunkt ${nr}: ange både remisshandling och sida`,
        { synpunkt: nr },
      );
    }
    const fotnoter = p.fotnoter ?? [];
    kravFotnoter(p.text, fotnoter, falt);
    if (p.remisshandlingId) await this.kravReferens(manager, remiss, p, nr);
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

  private async kravReferens(manager: EntityManager, remiss: Remiss, p: SynpunktDto, nr: number): Promise<void> {
    const handling = await this.instanser.handling(manager, remiss.id, p.remisshandlingId!);
    if (!handling) throw ogiltig('REMISSHANDLING_SAKNAS', 'Remisshandlingen hör inte till den här remissen', nr);
    if (p.sida === undefined) return;
    const sidtext = await this.instanser.sidtext(manager, handling.id, p.sida);
    if (sidtext === null)
      throw ogiltig('SIDA_SAKNAS', `Sidan ${p.sida} finns inte i ${handling.titel} (${handling.sidantal} sidor)`, nr);
    if (p.citat !== undefined && !citatFinnsI(p.citat, sidtext))
      throw ogiltig('CITAT_SAKNAS', `Citatet finns inte på sidan ${p.sida} i ${handling.titel}`, nr);
    if (p.strykText && !citatFinnsI(p.strykText, sidtext))
      throw ogiltig('STRYKTEXT_SAKNAS', `Texten att stryka finns inte på sidan ${p.sida} i ${handling.titel}`, nr);
  }
}

/** 422 carrying the Swedish sentence as message: the API's one exception to English messages, because the UI shows it as it is. */
function ogiltig(code: string, svenska: string, synpunkt: number): DomainError {
  return new DomainError(HttpStatus.UNPROCESSABLE_ENTITY, code, svenska, svenska, { synpunkt });
}

function kravFotnoter(text: string, fotnoter: readonly string[], falt: string): void {
  const saknas = saknadeFotnoter(text, fotnoter);
  if (saknas.length)
    throw badRequest(
      'FOTNOT_SAKNAS',
      `${falt}: footnote [^${saknas[0]}] has no text`,
      `Fotnot ${saknas[0]} saknar text`,
    );
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
