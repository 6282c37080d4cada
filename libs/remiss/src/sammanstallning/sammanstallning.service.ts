import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dokumentFilnamn } from '@app/archive';
import { Actor } from '@app/auth';
import { BrevhuvudService } from '@app/brevhuvud';
import { Clock, Datum, Filsvar, illegalTransition, pdfFil, stockholmDatum } from '@app/core';
import { PdfRenderare, RemissammanstallningDokument } from '@app/pdf';
import { Remiss } from '@app/database';
import { RemissRepository } from '../remiss.repository';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { compileSammanstallning, sammanstallningCsv, SammanstallningUrval } from './sammanstallning';
import { SammanstallningRepository } from './sammanstallning.repository';
import { StallningstagandeRepository } from './stallningstagande.repository';
import { DataSource, EntityManager } from 'typeorm';
import { SammanstallningArkiveringKind } from './sammanstallning-arkivering.kind';

/** The reads in parallel on the pool; one after another on a transaction's connection, which runs one query at a time. */
async function lasAlla<T extends unknown[]>(
  manager: EntityManager,
  las: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!manager.queryRunner?.isTransactionActive) return Promise.all(las.map((l) => l())) as Promise<T>;
  const resultat: unknown[] = [];
  for (const l of las) resultat.push(await l());
  return resultat as T;
}

/** The remissammanställning of a sent remiss, as JSON, CSV or PDF. */
@Injectable()
export class SammanstallningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly synpunkter: SammanstallningRepository,
    private readonly stallningstaganden: StallningstagandeRepository,
    private readonly pdf: PdfRenderare,
    private readonly arkivering: SammanstallningArkiveringKind,
    private readonly brevhuvud: BrevhuvudService,
    private readonly clock: Clock,
  ) {}

  /** The sending enhet's remissansvarig's remiss once sent: another organisation's is a 404, another role a 403. */
  async getSammanstallbar(actor: Actor, remissId: string): Promise<Remiss> {
    const remiss = await this.remisser.getOwn(this.dataSource.manager, actor, remissId);
    requireAvsandare(actor, remiss);
    if (remiss.status === 'utkast') throw illegalTransition('remiss', remiss.status, 'sammanstall');
    return remiss;
  }

  async dokument(
    actor: Actor,
    remissId: string,
    urval: SammanstallningUrval = {},
  ): Promise<RemissammanstallningDokument> {
    const remiss = await this.getSammanstallbar(actor, remissId);
    return this.compile(this.dataSource.manager, remiss, stockholmDatum(this.clock.now()), urval);
  }

  private async compile(
    manager: EntityManager,
    remiss: Remiss,
    datum: Datum,
    urval: SammanstallningUrval = {},
  ): Promise<RemissammanstallningDokument> {
    const [{ organisation, enhet }, rader, instanser, stallningstaganden] = await lasAlla(manager, [
      () => this.remisser.avsandare(manager, remiss),
      () => this.synpunkter.synpunkter(manager, remiss.id),
      () => this.synpunkter.instanser(manager, remiss.id),
      () => this.stallningstaganden.current(manager, remiss.organisationId, remiss.id),
    ]);
    const huvud = {
      brevhuvud: { kommun: organisation.slug, enhet: enhet.namn },
      datum,
      diarienummer: remiss.diarienummer,
      arendemening: remiss.arendemening,
    };
    return compileSammanstallning(huvud, rader, instanser, remiss.fragor, stallningstaganden, urval);
  }

  /** The letterhead's own fields go to the printer only; the JSON answer names the letterhead, as before. */
  private async medBrevhuvud(
    manager: EntityManager,
    doc: RemissammanstallningDokument,
    organisationId: string,
  ): Promise<RemissammanstallningDokument> {
    return {
      ...doc,
      brevhuvud: { ...doc.brevhuvud, uppgifter: await this.brevhuvud.forDokument(manager, organisationId) },
    };
  }

  async csv(actor: Actor, remissId: string): Promise<Filsvar> {
    const doc = await this.dokument(actor, remissId);
    return {
      filnamn: dokumentFilnamn(doc.diarienummer, 'remissammanstallning', 'csv'),
      data: sammanstallningCsv(doc),
      mediaType: 'text/csv; charset=utf-8',
      disposition: 'attachment',
    };
  }

  async pdfFil(actor: Actor, remissId: string): Promise<Filsvar> {
    const doc = await this.medBrevhuvud(
      this.dataSource.manager,
      await this.dokument(actor, remissId),
      actor.organisationId,
    );
    return pdfFil(
      dokumentFilnamn(doc.diarienummer, 'remissammanstallning'),
      await this.pdf.renderRemissammanstallning(doc),
      'attachment',
    );
  }

  /**
   * Orders the archive copy of a remiss being avslutad, in avslut's transaction `manager`: compiled
   * here (the instanser it just closed included, dated the day of avslut), so the copy is the
   * sammanställning at avslut though ställningstaganden may still be recorded afterwards. The outbox
   * prints and registers it after commit; returns its row's id, for `SammanstallningArkiveringKind.dispatch`.
   */
  async orderArchive(manager: EntityManager, actor: Actor, remiss: Remiss): Promise<string | null> {
    if (!remiss.arendeId || !remiss.avslutadAt) return null;
    const doc = await this.compile(manager, remiss, stockholmDatum(remiss.avslutadAt));
    return this.arkivering.order(manager, {
      remissId: remiss.id,
      arendeId: remiss.arendeId,
      dokument: await this.medBrevhuvud(manager, doc, remiss.organisationId),
      registreradAv: actor.anvandareId,
    });
  }
}
