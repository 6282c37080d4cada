import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DiariumRepository, FilRepository } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import { APP_CONFIG, AppConfig, Clock, DomainError, stockholmDatum } from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { PdfRenderare } from '@app/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { ExternAtkomstRepository } from '../extern/extern-atkomst.repository';
import { externLank, lankGiltigTill, plattformsUrl } from '../extern/lank';
import { RemissRepository } from '../remiss.repository';
import { RemissUtkastService } from '../utkast/remiss-utkast.service';
import { Aviseringar } from './aviseringar';
import { dnrFilnamn, missivDokument } from './missiv';
import { utskickEpost } from './remiss-epost';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly remisser: RemissRepository,
    private readonly utkast: RemissUtkastService,
    private readonly instanser: RemissinstansRepository,
    private readonly lankar: ExternAtkomstRepository,
    private readonly diarier: DiariumRepository,
    private readonly filer: FilRepository,
    private readonly pdf: PdfRenderare,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async skicka(actor: Actor, remissId: string): Promise<Remiss> {
    // The missiv is printed between two transactions, so no row lock or pooled connection waits
    // for Chromium or the pdf queue; the sending transaction then checks that what was printed
    // still holds (a draft edited meanwhile is a 409, to be sent again).
    const utskrivet = await this.dataSource.transaction((m) => this.underlag(actor, remissId, m));
    const missiv = await this.pdf.renderRemissmissiv(utskrivet.dokument);
    const { remiss, arbete } = await this.dataSource.transaction(async (m) => {
      // The time of the print, so a send that crosses midnight compares content, not the date on it.
      const { utkast, rader, avsandare, namn, now, idag, dokument } = await this.underlag(
        actor,
        remissId,
        m,
        utskrivet.now,
      );
      if (JSON.stringify(dokument) !== JSON.stringify(utskrivet.dokument)) {
        throw new DomainError('STALE_VERSION', { vad: 'remiss', underUtskrift: true });
      }
      const instanser = await this.instanser.insert(m, rader);
      const tokens = new Map<string, string>();
      for (const i of instanser.filter((i) => i.externEpost))
        tokens.set(i.id, (await this.lankar.skapa(m, utkast.organisationId, i.id, lankGiltigTill(i.svarsdatum))).token);

      const fil = await this.filer.insert(m, {
        organisationId: utkast.organisationId,
        filnamn: dnrFilnamn(utkast.diarienummer, 'missiv'),
        mimetyp: 'application/pdf',
        data: missiv,
      });
      await this.diarier.registerHandling(m, utkast.arendeId!, {
        riktning: 'utgaende',
        datum: idag,
        motpart: namn.join(', '),
        beskrivning: `Remiss: ${utkast.arendemening}`,
        filId: fil.id,
        registreradAv: actor.anvandareId,
      });

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
      const plattform = `${plattformsUrl(this.config)}/api/remisser/${remiss.id}`;
      const mails = (await this.instanser.adresser(m, remiss.id)).map((a) =>
        utskickEpost(
          remiss,
          a,
          tokens.has(a.id) ? externLank(this.config, tokens.get(a.id)!) : plattform,
          avsandare.enhet.namn,
        ),
      );
      const epost = await this.aviseringar.koa(m, remiss.organisationId, mails);
      return { remiss, arbete: { paminnelser, epost } };
    });
    await this.aviseringar.efterCommit(arbete);
    return remiss;
  }

  /** The locked draft, checked for sending, with the instanser it will get and its missiv as a document dated `now`. */
  private async underlag(actor: Actor, remissId: string, m: EntityManager, now = this.clock.now()) {
    const utkast = await this.utkast.lastUtkast(actor, remissId, m, 'skicka');
    // Time has passed since the draft was made: the svarstid must still hold on the day it goes out.
    this.utkast.kontrolleraSvarsdatum(utkast.svarsdatum);
    if (utkast.utkastMottagare.length === 0) throw new DomainError('NO_MOTTAGARE');
    const handlingar = await this.remisser.handlingar(utkast.id, m);
    if (handlingar.length === 0) throw new DomainError('NO_REMISSHANDLING');

    const enheter = new Map(
      (
        await this.remisser.mottagareEnheter(
          utkast.utkastMottagare.flatMap((u) => (u.typ === 'enhet' ? [u.enhetId] : [])),
          m,
        )
      ).map((e) => [e.id, e]),
    );
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
    const avsandare = await this.remisser.avsandare(utkast, m);
    const namn = rader.map((r) => r.namn!).sort((a, b) => a.localeCompare(b, 'sv'));
    const dokument = missivDokument(utkast, avsandare, namn, handlingar, idag, plattformsUrl(this.config));
    return { utkast, rader, avsandare, namn, now, idag, dokument };
  }
}
