import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { DomainError, invalidField, notFound } from '@app/core';
import { Enhet, Organisation, UtkastMottagare } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { MottagareDto } from '../utkast/remiss-utkast.dto';
import { requireAvsandare, RemissUtkastService } from '../utkast/remiss-utkast.service';
import { MottagarImportResponse, MottagareTillagdaResponse, PlaneradMottagareResponse } from './mottagare.response';
import { MottagareVy } from './mottagare.view';
import { mottagarfilText, readMottagarlista } from './mottagarlista';
import { SandlistaRepository } from './sandlista.repository';

/** What identifies a recipient in a draft: its enhet, or an external party's address. */
export const mottagarnyckel = (u: UtkastMottagare) => (u.typ === 'enhet' ? u.enhetId : u.epost);

const somDto = (u: UtkastMottagare): MottagareDto =>
  u.typ === 'enhet' ? { enhetId: u.enhetId } : { namn: u.namn, epost: u.epost };

/** Each name once, in Swedish order, as a refusal names them. */
const namnordning = (namn: string[]) => [...new Set(namn)].sort((a, b) => a.localeCompare(b, 'sv'));

/**
 * Why a draft's list, resolved, may not leave the draft (be sent, or saved as a sändlista): enheter of
 * other organisations that may no longer be chosen by the directory's rule (VALBAR), because their
 * organisation stopped accepting the sender's remisser or made them förvaltningar since. None: [].
 */
export function ejValbara(mottagare: PlaneradMottagareResponse[]): DomainError[] {
  const frankopplade = namnordning(mottagare.flatMap((u) => (u.frankopplad ? [u.organisation!] : [])));
  const forvaltningar = namnordning(
    mottagare.flatMap((u) => (u.forvaltning && !u.frankopplad ? [`${u.organisation!}, ${u.namn}`] : [])),
  );
  return [
    ...(frankopplade.length ? [new DomainError('MOTTAGARE_EJ_KOPPLAD', { organisationer: frankopplade })] : []),
    ...(forvaltningar.length ? [new DomainError('MOTTAGARE_FORVALTNING', { enheter: forvaltningar })] : []),
  ];
}

/** `nya` after `nu`, those the draft has already left out (the first one stays, as it was). */
function merge(nu: UtkastMottagare[], nya: UtkastMottagare[]): { mottagare: UtkastMottagare[]; tillagda: number } {
  const kanda = new Set(nu.map(mottagarnyckel));
  const tillagda = nya.filter((n) => {
    const ny = !kanda.has(mottagarnyckel(n));
    kanda.add(mottagarnyckel(n));
    return ny;
  });
  return { mottagare: [...nu, ...tillagda], tillagda: tillagda.length };
}

/**
 * The recipients of a draft, changed a step at a time (add, choose enheter, remove, paste a list,
 * use a sändlista). Each step locks the draft, applies the draft's recipient rule
 * (RemissUtkastService.checkMottagare) to the whole new list and saves it in one transaction.
 */
@Injectable()
export class RemissMottagareService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly utkast: RemissUtkastService,
    private readonly sandlistor: SandlistaRepository,
    private readonly audit: AuditLog,
  ) {}

  /** The draft's recipients by name, the directory to choose from and the organisation's sändlistor. */
  async view(actor: Actor, id: string): Promise<MottagareVy> {
    const m = this.dataSource.manager;
    const remiss = await this.remisser.getOwn(m, actor, id);
    requireAvsandare(actor, remiss);
    const [mottagare, katalog, sandlistor] = await Promise.all([
      this.resolve(m, actor, remiss.utkastMottagare),
      this.remisser.valbaraMottagare(actor),
      this.sandlistor.list(m, actor),
    ]);
    const valda = new Set(remiss.utkastMottagare.map(mottagarnyckel));
    const organisationer = new Map<string, MottagareVy['katalog'][number]>();
    for (const e of katalog) {
      const egen = e.organisationId === actor.organisationId;
      const org = organisationer.get(e.organisationId) ?? {
        organisationId: e.organisationId,
        organisation: e.organisation,
        egen,
        enheter: [],
      };
      org.enheter.push({ enhetId: e.enhetId, namn: e.enhet, vald: valda.has(e.enhetId) });
      organisationer.set(e.organisationId, org);
    }
    return {
      remiss: {
        id: remiss.id,
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        status: remiss.status,
      },
      mottagare,
      katalog: [...organisationer.values()].sort((a, b) => Number(b.egen) - Number(a.egen)),
      sandlistor: sandlistor.map((s) => ({ id: s.id, namn: s.namn, antal: s.mottagare.length })),
    };
  }

  /** The draft's enheter as they are on the platform now (an enhet no longer there is left out). */
  enheter(m: EntityManager, mottagare: UtkastMottagare[]): Promise<(Enhet & { organisation: Organisation })[]> {
    return this.remisser.mottagareEnheter(
      m,
      mottagare.flatMap((u) => (u.typ === 'enhet' ? [u.enhetId] : [])),
    );
  }

  /**
   * The draft's recipients with their names: an enhet of another organisation names its
   * organisation too, and whether that organisation has stopped accepting the sender's remisser or
   * made the enhet a förvaltning since (either refuses the send: the directory's rule, VALBAR).
   */
  async resolve(m: EntityManager, actor: Actor, mottagare: UtkastMottagare[]): Promise<PlaneradMottagareResponse[]> {
    return (await this.las(m, actor, mottagare)).planerade;
  }

  /**
   * Refuses (ejValbara's first reason) a list of a draft that may not leave it as it stands; else
   * its enheter, as read for the check (the send makes its instanser from them).
   */
  async requireValbara(
    m: EntityManager,
    actor: Actor,
    mottagare: UtkastMottagare[],
  ): Promise<(Enhet & { organisation: Organisation })[]> {
    const { funna, planerade } = await this.las(m, actor, mottagare);
    const [hinder] = ejValbara(planerade);
    if (hinder) throw hinder;
    return funna;
  }

  private async las(m: EntityManager, actor: Actor, mottagare: UtkastMottagare[]) {
    const funna = await this.enheter(m, mottagare);
    const enheter = new Map(funna.map((e) => [e.id, e]));
    const kopplade = await this.remisser.kopplade(
      m,
      actor.organisationId,
      funna.map((e) => e.organisationId),
    );
    const planerade = mottagare.map((u): PlaneradMottagareResponse => {
      if (u.typ === 'extern') return { nyckel: u.epost, typ: 'extern', namn: u.namn, epost: u.epost };
      const e = enheter.get(u.enhetId);
      return {
        nyckel: u.enhetId,
        typ: 'enhet',
        namn: e?.namn ?? 'Enhet som inte längre finns',
        ...(e && e.organisationId !== actor.organisationId ? { organisation: e.organisation.namn } : {}),
        ...(e && !kopplade.has(e.organisationId) ? { frankopplad: true } : {}),
        ...(e && e.organisationId !== actor.organisationId && e.typ === 'forvaltning' ? { forvaltning: true } : {}),
      };
    });
    return { funna, planerade };
  }

  /** Adds recipients; those the draft has already stay as they are. */
  add(actor: Actor, id: string, dtos: MottagareDto[]): Promise<MottagareTillagdaResponse> {
    return this.change(actor, id, async (m, nu) => {
      const nya = await this.utkast.checkMottagare(m, actor, dtos);
      const { mottagare, tillagda } = merge(nu, nya);
      return { mottagare, svar: { tillagda, redan: nya.length - tillagda } };
    });
  }

  /** The enheter the draft goes to, as ticked in the directory; its external parties stay. */
  chooseEnheter(actor: Actor, id: string, enhetIds: string[]): Promise<MottagareTillagdaResponse> {
    return this.change(actor, id, async (_m, nu) => {
      const fore = new Set(nu.flatMap((u) => (u.typ === 'enhet' ? [u.enhetId] : [])));
      const valda = [...new Set(enhetIds)];
      const behallna = nu.filter((u) => u.typ === 'extern' || valda.includes(u.enhetId));
      const nya = valda.filter((e) => !fore.has(e)).map((enhetId): UtkastMottagare => ({ typ: 'enhet', enhetId }));
      return { mottagare: [...behallna, ...nya], svar: { tillagda: nya.length, redan: valda.length - nya.length } };
    });
  }

  /** Removes the recipient with this enhet id or address (404 when the draft has none such). */
  remove(actor: Actor, id: string, nyckel: string): Promise<void> {
    return this.change(actor, id, async (_m, nu) => {
      const kvar = nu.filter((u) => mottagarnyckel(u) !== nyckel.toLowerCase() && mottagarnyckel(u) !== nyckel);
      if (kvar.length === nu.length) throw notFound('Remissinstans');
      return { mottagare: kvar, svar: undefined };
    });
  }

  /** A pasted list or CSV: each valid line becomes an external recipient; the report says which lines were refused and why. */
  importLista(actor: Actor, id: string, text: string): Promise<MottagarImportResponse> {
    return this.change(actor, id, async (_m, nu) => {
      const redan = new Set(nu.flatMap((u) => (u.typ === 'extern' ? [u.epost] : [])));
      const lista = readMottagarlista(text, redan);
      const nya = lista.tagna.map((t): UtkastMottagare => ({ typ: 'extern', namn: t.namn, epost: t.epost }));
      return { mottagare: [...nu, ...nya], svar: lista };
    });
  }

  /** An imported CSV file, read as a pasted list; no file (or an empty one) is refused at the file field. */
  importFil(actor: Actor, id: string, fil: { buffer?: Buffer } | undefined): Promise<MottagarImportResponse> {
    if (!fil?.buffer?.length)
      throw invalidField('fil', 'No file was uploaded', 'Välj en CSV-fil med namn och e-postadress på varje rad.');
    return this.importLista(actor, id, mottagarfilText(fil.buffer));
  }

  /** A saved sändlista's recipients added to the draft (those it has already left as they are). */
  addSandlista(actor: Actor, id: string, sandlistaId: string): Promise<MottagareTillagdaResponse> {
    return this.change(actor, id, async (m, nu) => {
      const lista = await this.sandlistor.get(m, actor, sandlistaId);
      const { mottagare, tillagda } = merge(nu, lista.mottagare);
      return { mottagare, svar: { tillagda, redan: lista.mottagare.length - tillagda } };
    });
  }

  private change<T>(
    actor: Actor,
    id: string,
    andra: (m: EntityManager, nu: UtkastMottagare[]) => Promise<{ mottagare: UtkastMottagare[]; svar: T }>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const remiss = await this.utkast.lockUtkast(m, actor, id, 'redigeraRemiss');
      const { mottagare, svar } = await andra(m, remiss.utkastMottagare);
      const utkastMottagare = await this.utkast.checkMottagare(m, actor, mottagare.map(somDto), remiss.utkastMottagare);
      await this.remisser.update(m, remiss.id, { utkastMottagare });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remiss_andrad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { falt: ['utkastMottagare'], antal: utkastMottagare.length },
      });
      return svar;
    });
  }
}
