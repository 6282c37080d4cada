import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn, FilRepository, Registrering } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import {
  Clock,
  DOCX_MEDIA_TYPE,
  DomainError,
  Filsvar,
  illegalTransition,
  notFound,
  pdfFil,
  PlattformsLankar,
  stockholmDatum,
} from '@app/core';
import { Remissinstans, Remissvar } from '@app/database';
import { EpostUtkorg } from '@app/mail';
import { BeslutDokument, DocxRenderare } from '@app/pdf';
import { PaminnelsePlanering } from '@app/reminders';
import { DataSource, EntityManager } from 'typeorm';
import { BESLUTA, requireOppenRemiss, requireRoll } from '../behorighet';
import { RemissvarUtskrift, Utskrift } from '../dokument/remissvar-utskrift.service';
import { InstansMedRemiss, NamndInstansRepository } from '../instans/namnd-instans.repository';
import { RegistreringService } from '../instans/registrering.service';
import { RemissvarRepository } from '../remissvar.repository';
import { RemissvarResponse } from '../remissvar.response';
import { RemissvarService } from '../remissvar.service';
import { innehallAv } from '../innehall/innehallsgranskning.service';
import { svarEpost } from './remissvar-epost';
import { svarsrubrik } from '../innehall/svarsrubrik';

/** What is sent: the letter as PDF and as the same letter in an editable Word file. */
interface Expediering extends Utskrift {
  docx: Buffer;
  docxFilnamn: string;
}

/**
 * Sending an answer (expediering) or a declining letter (avstår). The PDF and the DOCX are rendered
 * before the transaction (Chromium takes a second; no row should stay locked that long) from content
 * that cannot change any more, and the transaction re-checks that the answer is still at that version.
 * In it: the immutable files with their SHA-256, the utgående handling in the nämnd's diarium, the
 * inkommande handling in the sender's, the instans answered, its reminders cancelled, the mail to
 * the kontaktperson queued, and the moment the sender could first see the answer logged.
 */
@Injectable()
export class ExpedieringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly svar: RemissvarRepository,
    private readonly remissvar: RemissvarService,
    private readonly instanser: NamndInstansRepository,
    private readonly registrering: RegistreringService,
    private readonly utskrift: RemissvarUtskrift,
    private readonly docxRenderare: DocxRenderare,
    private readonly arkiv: ArkivService,
    private readonly filer: FilRepository,
    private readonly paminnelser: PaminnelsePlanering,
    private readonly utkorg: EpostUtkorg,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly plattform: PlattformsLankar,
  ) {}

  async send(actor: Actor, id: string): Promise<RemissvarResponse> {
    const svar = await this.svar.get(this.dataSource.manager, actor, id);
    requireRoll(actor, svar.enhetId, BESLUTA, 'Sending a remissvar');
    const lage = await this.instanser.forSvar(this.dataSource.manager, svar);
    requireOppenRemiss(lage.remiss, 'expediera');
    if (svar.status !== 'beslutat') throw illegalTransition('remissvar', svar.status, 'expediera');
    const utskrift = await this.withDocx(
      await this.utskrift.print(this.dataSource.manager, svar, lage, actor.namn),
      lage,
    );
    const mail = await this.dataSource.transaction(async (manager) => {
      const last = await this.instanser.forSvar(manager, svar, true);
      const nu = await this.svar.lock(manager, id);
      if (nu.status !== 'beslutat') throw illegalTransition('remissvar', nu.status, 'expediera');
      if (nu.version !== svar.version)
        throw new DomainError('STALE_VERSION', { vad: 'remissvar', underUtskrift: true });
      return this.performSend(manager, actor, nu, last, utskrift, 'Expedierat.');
    });
    if (mail) await this.utkorg.dispatch([mail]);
    return this.remissvar.get(actor, id);
  }

  /** The answer as PDF as it would be sent now (any state; only for those who may see the draft). */
  async preview(actor: Actor, id: string): Promise<Filsvar> {
    const { pdf, filnamn } = await this.utskrift.preview(actor, id);
    return pdfFil(`forhandsvisning-${filnamn}`, pdf, 'inline');
  }

  /** The PDF that was sent: the nämnd's, and from expediering on the sender's too. */
  async pdf(actor: Actor, id: string): Promise<Filsvar> {
    const svar = await this.svar.get(this.dataSource.manager, actor, id);
    if (!svar.slutligFilId) throw notFound('Sent PDF');
    const { fil, data } = await this.filer.data(this.dataSource.manager, svar.slutligFilId);
    return pdfFil(fil.filnamn, data, 'attachment');
  }

  /** The same answer as the Word file sent beside the PDF, for whoever may see the PDF. */
  async docx(actor: Actor, id: string): Promise<Filsvar> {
    const svar = await this.svar.get(this.dataSource.manager, actor, id);
    const filId = svar.slutligFilId && (await this.filer.redigerbar(this.dataSource.manager, svar.slutligFilId));
    // Answers sent before Word files were made have none.
    if (!filId) throw notFound('Sent Word file');
    const { fil, data } = await this.filer.data(this.dataSource.manager, filId);
    return { filnamn: fil.filnamn, data, mediaType: DOCX_MEDIA_TYPE, disposition: 'attachment' };
  }

  /**
   * The nämnd declines to answer: a short letter is sent the same way as an answer. An instans
   * not yet registered is registered first (the letter needs the nämnd's dnr); a draft becomes the
   * declining letter, its content kept in the revision history.
   */
  async submitAvstaende(actor: Actor, instansId: string, motivering?: string): Promise<RemissvarResponse> {
    let lage = await this.instanser.get(this.dataSource.manager, actor, instansId);
    requireRoll(actor, lage.instans.mottagareEnhetId, BESLUTA, 'Declining a remiss');
    requireOppenRemiss(lage.remiss, 'avsta');
    if (lage.instans.status === 'inbjuden') {
      await this.registrering.register(actor, instansId);
      lage = await this.instanser.get(this.dataSource.manager, actor, instansId);
    }
    if (lage.instans.status === 'besvarad' || lage.instans.status === 'avstar')
      throw illegalTransition('remissinstans', lage.instans.status, 'avsta');
    const enhet = await this.instanser.enhet(this.dataSource.manager, lage.instans.mottagareEnhetId);
    const text = motivering?.trim() || `${enhet.namn} avstår från att yttra sig över remissen.`;
    const titel = svarsrubrik(lage.remiss.arendemening);
    const brev = {
      organisationId: actor.organisationId,
      typ: 'avstar' as const,
      titel,
      inledning: text,
      avslutning: '',
      fotnoter: [],
      stallning: null,
      fragesvar: [],
    };
    const utskrift = await this.withDocx(
      await this.utskrift.printBrev(this.dataSource.manager, brev, [], null, lage, actor.namn),
      lage,
    );
    const { svarId, mail } = await this.dataSource.transaction(async (manager) => {
      const last = await this.instanser.get(manager, actor, instansId, true);
      if (!['registrerad', 'under_beredning'].includes(last.instans.status))
        throw illegalTransition('remissinstans', last.instans.status, 'avsta');
      const svar = await this.prepareAvstarBrev(manager, actor, last, titel, text);
      return {
        svarId: svar.id,
        mail: await this.performSend(manager, actor, svar, last, utskrift, 'Avstår från att yttra sig.'),
      };
    });
    if (mail) await this.utkorg.dispatch([mail]);
    return this.remissvar.get(actor, svarId);
  }

  /** The Word file beside the PDF, from the same document, named like it (`KS2025-118-Utbildningsnamnden.docx`). */
  private async withDocx(utskrift: Utskrift, { instans, remiss }: InstansMedRemiss): Promise<Expediering> {
    return {
      ...utskrift,
      docx: await this.docxRenderare.renderRemissvar(utskrift.dokument),
      docxFilnamn: dokumentFilnamn(remiss.diarienummer, instans.namn, 'docx'),
    };
  }

  /** The remissvar row of the declining letter: the draft turned into it, or a new one. */
  private async prepareAvstarBrev(
    manager: EntityManager,
    actor: Actor,
    { instans }: InstansMedRemiss,
    titel: string,
    text: string,
  ): Promise<Remissvar> {
    const utkast = await this.svar.forInstans(manager, instans.id);
    if (!utkast) {
      const nytt = {
        organisationId: actor.organisationId,
        enhetId: instans.mottagareEnhetId,
        remissinstansId: instans.id,
        typ: 'avstar' as const,
        createdBy: actor.anvandareId,
      };
      const innehall = {
        titel,
        inledning: text,
        avslutning: '',
        fotnoter: [],
        stallning: null,
        fragesvar: [],
        synpunkter: [],
      };
      const svar = await this.svar.insert(manager, nytt, innehall);
      // Every version has its revision row, this first one too (sending adds the next).
      await this.svar.insertRevision(
        manager,
        svar,
        svar.version,
        actor.anvandareId,
        { ...innehall, status: svar.status },
        'Avstår: brev skapat.',
      );
      return svar;
    }
    const last = await this.svar.lock(manager, utkast.id);
    if (last.status !== 'utkast' && last.status !== 'for_beslut')
      throw illegalTransition('remissvar', last.status, 'avsta');
    await this.svar.replaceWithAvstar(manager, last.id, titel, text);
    return this.svar.lock(manager, last.id);
  }

  /** Who answered, for the sender's mail: replies reach the enhet's mailbox, or the one who sent the answer when it has none. */
  private async svarande(manager: EntityManager, instans: Remissinstans, actor: Actor) {
    const { namn, funktionsbrevlada } = await this.instanser.svarande(manager, instans);
    return { namn, svaraTill: funktionsbrevlada ?? actor.epost };
  }

  /** Everything sending does, in the caller's transaction; returns the id of the queued mail (none without an address). */
  private async performSend(
    manager: EntityManager,
    actor: Actor,
    svar: Remissvar,
    { instans, remiss }: InstansMedRemiss,
    utskrift: Expediering,
    andring: string,
  ): Promise<string | null> {
    requireOppenRemiss(remiss, 'expediera');
    const now = this.clock.now();
    const datum = stockholmDatum(now);
    // The letter is final: archived in each diarium it enters, with the decision behind it.
    const arkivera = {
      dokumenttyp: svar.typ === 'avstar' ? ('avstaende' as const) : ('remissvar' as const),
      titel: utskrift.dokument.titel,
      upphov: utskrift.dokument.brevhuvud.enhet,
      beslut: beslutstext(utskrift.dokument.beslut),
    };
    // Utgående in the nämnd's diarium, inkommande in the sender's (which gets its own copy when it is another organisation's).
    const registreringar: Registrering[] = [
      {
        arendeId: instans.mottagareArendeId!,
        riktning: 'utgaende',
        datum,
        motpart: await this.instanser.avsandare(manager, remiss, svar.organisationId),
        beskrivning: utskrift.dokument.titel,
        registreradAv: actor.anvandareId,
        arkivera,
      },
    ];
    if (remiss.arendeId)
      registreringar.push({
        arendeId: remiss.arendeId,
        riktning: 'inkommande',
        datum,
        motpart: instans.namn,
        beskrivning: `${utskrift.dokument.titel} (${instans.namn}, ${instans.mottagareDiarienummer!})`,
        registreradAv: actor.anvandareId,
        arkivera,
      });
    // One handling, two formats: the PDF is the document of record, the DOCX its editable rendition.
    const [{ fil, redigerbar }] = await this.arkiv.registerHandling(
      manager,
      {
        filnamn: utskrift.filnamn,
        mimetyp: 'application/pdf',
        data: utskrift.pdf,
        redigerbar: { filnamn: utskrift.docxFilnamn, mimetyp: DOCX_MEDIA_TYPE, data: utskrift.docx },
      },
      registreringar,
    );
    const version = await this.svar.setStatus(manager, svar.id, 'expedierat', {
      expedieradAt: now,
      expedieradAv: actor.anvandareId,
      slutligFilId: fil.id,
    });
    await this.svar.insertRevision(
      manager,
      svar,
      version,
      actor.anvandareId,
      { ...innehallAv(svar, await this.svar.synpunkter(manager, svar)), status: 'expedierat' },
      andring,
    );
    await this.instanser.setStatus(manager, instans.id, svar.typ === 'avstar' ? 'avstar' : 'besvarad', now);
    await this.paminnelser.cancelForInstans(manager, instans.id);
    const till =
      remiss.kontaktpersonEpost ?? (await this.instanser.enhet(manager, remiss.avsandareEnhetId)).funktionsbrevlada;
    // The nämnd's own copies (its utgående handling, registered first) go with the mail it sends.
    const mail = till
      ? await this.utkorg.enqueue(manager, svar.organisationId, {
          ...svarEpost({
            remiss,
            instans,
            svarande: await this.svarande(manager, instans, actor),
            remissvarId: svar.id,
            avstar: svar.typ === 'avstar',
            vartDnr: instans.mottagareDiarienummer!,
            filnamn: utskrift.filnamn,
            redigerbarFilnamn: utskrift.docxFilnamn,
            avsandare: actor.namn,
            till,
            remisslank: this.plattform.remiss(remiss.id),
          }),
          bifogadeFiler: [fil.id, redigerbar!.id],
        })
      : null;
    const data = {
      remissId: remiss.id,
      remissinstansId: instans.id,
      filId: fil.id,
      sha256: fil.sha256,
      filnamn: utskrift.filnamn,
      redigerbarFilId: redigerbar!.id,
      redigerbarSha256: redigerbar!.sha256,
      redigerbarFilnamn: utskrift.docxFilnamn,
      version,
    };
    await this.audit.record(manager, {
      organisationId: actor.organisationId,
      anvandareId: actor.anvandareId,
      handelse: svar.typ === 'avstar' ? 'remiss_avstadd' : 'remissvar_expedierat',
      objektTyp: 'remissvar',
      objektId: svar.id,
      data,
    });
    // DESIGN.md §4: the moment the answer left the nämnd and became visible to the sender.
    await this.audit.record(manager, {
      organisationId: remiss.organisationId,
      anvandareId: actor.anvandareId,
      handelse: 'remissvar_synligt_for_avsandare',
      objektTyp: 'remissvar',
      objektId: svar.id,
      data: { ...data, synligFran: now.toISOString() },
    });
    return mail;
  }
}

/** The decision as the archive's metadata says it: "Utbildningsnämnden 2025-03-20 § 14", "Delegationsbeslut av …". */
function beslutstext(beslut: BeslutDokument | undefined): string | null {
  if (!beslut) return null;
  if (beslut.typ === 'namndbeslut') return `${beslut.namnd} ${beslut.sammantradesdatum} § ${beslut.paragraf}`;
  return `Delegationsbeslut ${beslut.beslutsdatum} av ${beslut.delegat}${beslut.titel ? `, ${beslut.titel}` : ''}`;
}
