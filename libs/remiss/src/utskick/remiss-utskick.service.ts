import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn } from '@app/archive';
import { BrevhuvudService } from '@app/brevhuvud';
import { Actor, AuditLog } from '@app/auth';
import { Clock, DomainError, Filsvar, illegalTransition, pdfFil, PlattformsLankar, stockholmDatum } from '@app/core';
import { Remissinstans } from '@app/database';
import { ExternLankService } from '@app/lankar';
import { PdfRenderare } from '@app/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { RemissResponse, toRemissResponse } from '../remiss.response';
import { ejValbara, RemissMottagareService } from '../mottagare/remiss-mottagare.service';
import { arendemeningVarning } from '../utkast/arendemening';
import { requireAvsandare, RemissUtkastService } from '../utkast/remiss-utkast.service';
import { paminnelsenamn } from './paminnelsenamn';
import { SkickaSammanfattningResponse } from './skicka.response';
import { Aviseringar } from './aviseringar.service';
import { missivDokument } from './missiv';
import { remissavsandare, utskickEpost } from './remiss-epost';
import { RemissinstansRepository } from './remissinstans.repository';

/**
 * Sending a remiss. The missiv is rendered first; then one transaction: freeze it, create every
 * remissinstans as inbjuden (with a personal link for external ones), store the missiv, register it as an utgående
 * handling, plan the reminders and queue the mails. SMTP or Redis being down cannot undo a send:
 * mails and reminders are outbox rows, handed on after commit.
 */
@Injectable()
export class RemissUtskickService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plattform: PlattformsLankar,
    private readonly remisser: RemissRepository,
    private readonly utkast: RemissUtkastService,
    private readonly mottagare: RemissMottagareService,
    private readonly instanser: RemissinstansRepository,
    private readonly externLankar: ExternLankService,
    private readonly arkiv: ArkivService,
    private readonly pdf: PdfRenderare,
    private readonly brevhuvud: BrevhuvudService,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async send(actor: Actor, remissId: string): Promise<RemissResponse> {
    // The missiv is printed between two transactions, so no row lock or pooled connection waits
    // for Chromium or the pdf queue; the sending transaction then checks that what was printed
    // still holds (a draft edited meanwhile is a 409, to be sent again).
    const utskrivet = await this.dataSource.transaction((m) => this.underlag(m, actor, remissId));
    const missiv = await this.pdf.renderRemissmissiv(utskrivet.dokument);
    const { remiss, arbete } = await this.dataSource.transaction(async (m) => {
      // The time of the print, so a send that crosses midnight compares content, not the date on it.
      const { utkast, rader, avsandare, namn, now, idag, dokument } = await this.underlag(
        m,
        actor,
        remissId,
        utskrivet.now,
      );
      if (JSON.stringify(dokument) !== JSON.stringify(utskrivet.dokument)) {
        throw new DomainError('STALE_VERSION', { vad: 'remiss', underUtskrift: true });
      }
      const instanser = await this.instanser.insert(m, rader);
      const lankar = new Map<string, string>();
      for (const i of instanser.filter((i) => i.externEpost)) {
        const lank = { organisationId: utkast.organisationId, remissinstansId: i.id, svarsdatum: i.svarsdatum };
        lankar.set(i.id, (await this.externLankar.issue(m, lank)).url);
      }

      const [{ fil }] = await this.arkiv.registerHandling(
        m,
        { filnamn: dokumentFilnamn(utkast.diarienummer, 'missiv'), mimetyp: 'application/pdf', data: missiv },
        [
          {
            arendeId: utkast.arendeId!,
            riktning: 'utgaende',
            datum: idag,
            motpart: namn.join(', '),
            beskrivning: `Remiss: ${utkast.arendemening}`,
            registreradAv: actor.anvandareId,
            // Sent: the missiv is final and archived as it went out.
            arkivera: { dokumenttyp: 'missiv', titel: `Remiss: ${utkast.arendemening}`, upphov: avsandare.enhet.namn },
          },
        ],
      );

      const remiss = await this.remisser.update(m, utkast.id, {
        status: 'utskickad',
        utskickadAt: now,
        missivFilId: fil.id,
      });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remiss_utskickad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { diarienummer: remiss.diarienummer, instanser: instanser.map((i) => i.id), missivSha256: fil.sha256 },
      });

      const paminnelser = await this.aviseringar.paminnelser.plan(m, instanser);
      // Nämnder answer on the page of their instans, external instanser through their personal link.
      const fran = remissavsandare(remiss, avsandare);
      const mails = (await this.instanser.adresser(m, remiss.id)).map((a) =>
        utskickEpost(remiss, a, fran, lankar.get(a.id) ?? this.plattform.instans(a.id)),
      );
      const epost = await this.aviseringar.enqueue(m, remiss.organisationId, mails);
      return { remiss, arbete: { paminnelser, epost } };
    });
    await this.aviseringar.afterCommit(arbete);
    return toRemissResponse(remiss, true);
  }

  /** The missiv as it would be printed if the draft were sent now (nothing is stored or registered). */
  async preview(actor: Actor, remissId: string): Promise<Filsvar> {
    // Read in a short transaction of its own: no row lock waits for Chromium.
    const { utkast, dokument } = await this.dataSource.transaction((m) =>
      this.underlag(m, actor, remissId, this.clock.now(), false),
    );
    const pdf = await this.pdf.renderRemissmissiv(dokument);
    return pdfFil(dokumentFilnamn(utkast.diarienummer, 'missiv-forhandsvisning'), pdf, 'inline');
  }

  /** Who gets what and when the reminders go, and what still stops the send. */
  async summary(actor: Actor, remissId: string): Promise<SkickaSammanfattningResponse> {
    // One read-only transaction: the reminder rules are read as planning reads them, in one.
    const { remiss, mottagare, handlingar, paminnelser } = await this.dataSource.transaction(async (m) => {
      const remiss = await this.remisser.getOwn(m, actor, remissId);
      requireAvsandare(actor, remiss);
      return {
        remiss,
        mottagare: await this.mottagare.resolve(m, actor, remiss.utkastMottagare),
        handlingar: await this.remisser.handlingar(m, remiss.id),
        paminnelser: await this.aviseringar.paminnelser.schedule(m, remiss.organisationId, remiss.svarsdatum),
      };
    });
    const hinder: string[] = [];
    if (remiss.status !== 'utkast') hinder.push(illegalTransition('remiss', remiss.status, 'skicka').svenska);
    try {
      this.utkast.checkSvarsdatum(remiss.svarsdatum);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      hinder.push(e.svenska);
    }
    if (mottagare.length === 0) hinder.push(new DomainError('NO_MOTTAGARE').svenska);
    // A sent remiss' instanser stay whatever the connections and enheter are now.
    if (remiss.status === 'utkast') hinder.push(...ejValbara(mottagare).map((e) => e.svenska));
    if (handlingar.length === 0) hinder.push(new DomainError('NO_REMISSHANDLING').svenska);
    return {
      remiss: {
        id: remiss.id,
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        status: remiss.status,
        svarsdatum: remiss.svarsdatum,
        kontaktperson: remiss.kontaktpersonNamn,
      },
      mottagare: mottagare.map((u) => ({
        namn: u.namn,
        ...(u.organisation ? { organisation: u.organisation } : {}),
        kanal: u.typ === 'extern' ? ('lank' as const) : ('plattform' as const),
        ...(u.epost ? { epost: u.epost } : {}),
      })),
      handlingar: handlingar.map((h) => ({ titel: h.titel, sidantal: h.sidantal })),
      paminnelser: paminnelser.map((p) => ({ ...p, beskrivning: paminnelsenamn(p.typ) })),
      hinder,
      arendemeningVarning: arendemeningVarning(remiss.arendemening),
    };
  }

  /** The locked draft, checked for sending, with the instanser it will get and its missiv as a document dated `now`. */
  private async underlag(m: EntityManager, actor: Actor, remissId: string, now = this.clock.now(), skicka = true) {
    const utkast = await this.utkast.lockUtkast(m, actor, remissId, 'skicka');
    const handlingar = await this.remisser.handlingar(m, utkast.id);
    // A preview shows the draft as it stands; only a send needs it complete.
    if (skicka) {
      // Time has passed since the draft was made: the svarstid must still hold on the day it goes out.
      this.utkast.checkSvarsdatum(utkast.svarsdatum);
      if (utkast.utkastMottagare.length === 0) throw new DomainError('NO_MOTTAGARE');
      if (handlingar.length === 0) throw new DomainError('NO_REMISSHANDLING');
    }

    // Chosen while they could be, another organisation's enheter may no longer be since: a send
    // checks them on the read its instanser are made from.
    const mottagna = skicka
      ? await this.mottagare.requireValbara(m, actor, utkast.utkastMottagare)
      : await this.mottagare.enheter(m, utkast.utkastMottagare);
    const enheter = new Map(mottagna.map((e) => [e.id, e]));
    const rader: Partial<Remissinstans>[] = utkast.utkastMottagare.map((u) => {
      const base = {
        organisationId: utkast.organisationId,
        remissId: utkast.id,
        status: 'inbjuden' as const,
        svarsdatum: utkast.svarsdatum,
      };
      if (u.typ === 'extern') return { ...base, namn: u.namn, externEpost: u.epost };
      const enhet = enheter.get(u.enhetId);
      if (!enhet) throw new DomainError('INVALID_MOTTAGARE', { skal: 'borta', enhetId: u.enhetId });
      const namn =
        enhet.organisationId === utkast.organisationId ? enhet.namn : `${enhet.organisation.namn}, ${enhet.namn}`;
      return { ...base, namn, mottagareOrganisationId: enhet.organisationId, mottagareEnhetId: enhet.id };
    });
    const idag = stockholmDatum(now);
    const avsandare = await this.remisser.avsandare(m, utkast);
    const namn = rader.map((r) => r.namn!).sort((a, b) => a.localeCompare(b, 'sv'));
    const dokument = missivDokument(utkast, avsandare, namn, handlingar, idag, this.plattform.bas);
    dokument.brevhuvud.uppgifter = await this.brevhuvud.forDokument(m, utkast.organisationId);
    return { utkast, rader, avsandare, namn, now, idag, dokument };
  }
}
