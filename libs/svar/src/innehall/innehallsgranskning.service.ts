import { Injectable } from '@nestjs/common';
import { DomainError, invalidField } from '@app/core';
import { Fragesvar, Remiss, Remissvar, Synpunkt } from '@app/database';
import { EntityManager } from 'typeorm';
import { NamndInstansRepository } from '../instans/namnd-instans.repository';
import { FragesvarDto, RemissvarInnehallDto, SynpunktDto } from '../remissvar.dto';
import { citatFoundIn, locateCitat } from './citat';
import { RemissvarInnehall, saknadeFotnoter, SynpunktInnehall } from './innehall';
import { svarsrubrik } from './svarsrubrik';

/**
 * Checks what a nämnd writes before it is stored: references point at a page of this remiss'
 * handlingar, quotations and struck text really stand on that page, footnote markers have a
 * footnote, a synpunkt's id is one of this answer's own, an answer names a fråga of this remiss.
 * A quotation that is not on the page is a 422 naming the page it is on, if any.
 */
@Injectable()
export class Innehallsgranskning {
  constructor(private readonly instanser: NamndInstansRepository) {}

  /**
   * `befintliga`: the ids of the synpunkter the answer has now (none for a new answer); a synpunkt
   * sent with an id keeps that row, so an id of any other answer is refused (400), never adopted.
   */
  async check(
    manager: EntityManager,
    remiss: Remiss,
    dto: RemissvarInnehallDto,
    befintliga: readonly string[],
  ): Promise<RemissvarInnehall> {
    const fotnoter = dto.fotnoter ?? [];
    requireFotnoter(`${dto.inledning}\n${dto.avslutning}`, fotnoter, 'fotnoter');
    requireEgnaIds(dto.synpunkter, befintliga);
    const synpunkter: SynpunktInnehall[] = [];
    const sidor: Sidcache = new Map();
    for (const [i, p] of dto.synpunkter.entries())
      synpunkter.push(await this.checkSynpunkt(manager, remiss, p, i + 1, sidor));
    return {
      titel: dto.titel ?? svarsrubrik(remiss.arendemening),
      inledning: dto.inledning,
      avslutning: dto.avslutning,
      fotnoter,
      stallning: dto.stallning ?? null,
      fragesvar: fragesvarAv(remiss, dto.fragesvar ?? []),
      synpunkter,
    };
  }

  private async checkSynpunkt(
    manager: EntityManager,
    remiss: Remiss,
    p: SynpunktDto,
    nr: number,
    sidor: Sidcache,
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
    requireFotnoter(p.text, fotnoter, `synpunkter.${nr - 1}.fotnoter`);
    if (p.remisshandlingId) await this.requireReferens(manager, remiss, p, nr, sidor);
    return {
      id: p.id ?? null,
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

  private async requireReferens(
    manager: EntityManager,
    remiss: Remiss,
    p: SynpunktDto,
    nr: number,
    sidor: Sidcache,
  ): Promise<void> {
    const handling = await this.instanser.handling(manager, remiss.id, p.remisshandlingId!);
    if (!handling) throw new DomainError('REMISSHANDLING_SAKNAS', { synpunkt: nr });
    if (p.sida === undefined) return;
    const sidtext = await this.instanser.sidtext(manager, handling.id, p.sida);
    const plats = { synpunkt: nr, sida: p.sida, titel: handling.titel };
    if (sidtext === null) throw new DomainError('SIDA_SAKNAS', { ...plats, sidantal: handling.sidantal });
    const allaSidor = () => {
      if (!sidor.has(handling.id)) sidor.set(handling.id, this.instanser.sidtexter(manager, handling.id));
      return sidor.get(handling.id)!;
    };
    const pa = async (text: string) =>
      citatFoundIn(text, sidtext) ? p.sida! : locateCitat(text, await allaSidor(), p.sida!);
    const hint = (funnenSida: number) => ({ synpunkt: nr, funnenSida, angivenSida: p.sida!, titel: handling.titel });
    if (p.citat !== undefined) {
      const funnen = await pa(p.citat);
      if (funnen === null) throw new DomainError('CITAT_SAKNAS', plats);
      if (funnen !== p.sida) throw new DomainError('CITAT_PA_ANNAN_SIDA', hint(funnen));
    }
    if (p.strykText) {
      const funnen = await pa(p.strykText);
      if (funnen === null) throw new DomainError('STRYKTEXT_SAKNAS', plats);
      if (funnen !== p.sida) throw new DomainError('STRYKTEXT_PA_ANNAN_SIDA', hint(funnen));
    }
  }
}

function requireEgnaIds(synpunkter: SynpunktDto[], befintliga: readonly string[]): void {
  const egna = new Set(befintliga);
  const sedda = new Set<string>();
  for (const [i, p] of synpunkter.entries()) {
    if (p.id === undefined) continue;
    const falt = `synpunkter[${i}].id`;
    if (!egna.has(p.id))
      throw invalidField(
        falt,
        `${p.id} is not a synpunkt of this remissvar`,
        `Synpunkt ${i + 1} finns inte längre i svaret; lägg till den som en ny synpunkt.`,
        'synpunkt',
      );
    if (sedda.has(p.id))
      throw invalidField(
        falt,
        `synpunkt ${p.id} is sent twice`,
        `Synpunkt ${i + 1} finns två gånger i svaret.`,
        'synpunkt',
      );
    sedda.add(p.id);
  }
}

/**
 * The answers in fråga order. A blank answer is no answer (a form sends every fråga's field); one
 * naming a fråga the remiss does not ask, or a fråga twice, is refused at its field.
 */
function fragesvarAv(remiss: Remiss, svar: FragesvarDto[]): Fragesvar[] {
  const fragor = new Set(remiss.fragor.map((f) => f.nummer));
  const sedda = new Set<number>();
  for (const [i, f] of svar.entries()) {
    const falt = `fragesvar[${i}].fraga`;
    if (!fragor.has(f.fraga))
      throw invalidField(falt, `The remiss has no fråga ${f.fraga}`, `Remissen har ingen fråga ${f.fraga}.`, 'fråga');
    if (sedda.has(f.fraga))
      throw invalidField(falt, `fråga ${f.fraga} is answered twice`, `Fråga ${f.fraga} besvaras två gånger.`, 'fråga');
    sedda.add(f.fraga);
  }
  return svar
    .filter((f) => f.text.trim() !== '')
    .map((f) => ({ fraga: f.fraga, text: f.text }))
    .sort((a, b) => a.fraga - b.fraga);
}

/**
 * The page texts of the handlingar one save refers to, each read at most once: most quotations
 * stand on their page and need only it; one that does not (it runs over a page break, or is on
 * another page) needs the whole handling, for its running header and footer and the page it is on.
 */
type Sidcache = Map<string, Promise<string[]>>;

function requireFotnoter(text: string, fotnoter: readonly string[], falt: string): void {
  const saknas = saknadeFotnoter(text, fotnoter);
  if (saknas.length) throw new DomainError('FOTNOT_SAKNAS', { falt, fotnot: saknas[0] });
}

/** The content of a stored answer, in the form a save and a revision use. */
export function innehallAv(
  svar: Pick<Remissvar, 'titel' | 'inledning' | 'avslutning' | 'fotnoter' | 'stallning' | 'fragesvar'>,
  synpunkter: Synpunkt[],
): RemissvarInnehall {
  return {
    titel: svar.titel,
    inledning: svar.inledning,
    avslutning: svar.avslutning,
    fotnoter: svar.fotnoter,
    stallning: svar.stallning,
    fragesvar: svar.fragesvar,
    synpunkter: synpunkter.map((p) => ({
      id: p.id,
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
