import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn, FilRepository, HandlingsFil, PdfGranskning, Uppladdning } from '@app/archive';
import { Clock, DOCX_MEDIA_TYPE, DomainError, Filsvar, notFound, pdfFil, stockholmDatum } from '@app/core';
import { Fil, Remiss, Remisshandling, Remissinstans, Remissvar } from '@app/database';
import { Aviseringar, RemissinstansRepository, RemissRepository } from '@app/remiss';
import { DataSource, EntityManager } from 'typeorm';
import { NamndInstansRepository } from '../instans/namnd-instans.repository';
import { RemissvarRepository } from '../remissvar.repository';
import {
  ExternHandlingstextVy,
  ExternRemissResponse,
  ExternSkickatResponse,
  ExternStangdVy,
  ExternVy,
  toExternRemissvarResponse,
} from './extern.response';
import { kontaktpersonAv, LankTillgang, Nekad, Tillgang } from './lank-tillgang.service';

/**
 * What an external remissinstans (no account) sees and does through its personal link: the
 * remiss and its handlingar, the answer being written or, once sent, what was sent (read-only
 * until the link expires), and answering with a PDF (optionally with a Word file) or declining.
 * The structured answer is ExternRemissvarService's.
 */
@Injectable()
export class ExternService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tillgang: LankTillgang,
    private readonly remisser: RemissRepository,
    private readonly instanser: RemissinstansRepository,
    private readonly svar: RemissvarRepository,
    private readonly sidor: NamndInstansRepository,
    private readonly arkiv: ArkivService,
    private readonly filer: FilRepository,
    private readonly granskning: PdfGranskning,
    private readonly aviseringar: Aviseringar,
    private readonly clock: Clock,
  ) {}

  /** The link's page, whatever state it is in: open, sent (read-only) or closed (whom to ask). Unknown → 404. */
  view(token: string): Promise<ExternVy> {
    return this.tillgang.withConnectionSlot(async () => (await this.describe(token)).vy);
  }

  /** As `view`, for the API: a link that no longer works is its 410 (or 409), with the contact person in `details`. */
  get(token: string): Promise<ExternRemissResponse> {
    return this.tillgang.withConnectionSlot(async () => {
      const { vy, error } = await this.describe(token);
      if (error) throw error;
      return vy as ExternRemissResponse;
    });
  }

  private async describe(token: string): Promise<{ vy: ExternVy; error?: DomainError }> {
    const utfall = await this.tillgang.tryGet(token, 'visa', 'visa');
    if ('orsak' in utfall) return { vy: await this.closed(utfall), error: utfall.error };
    return { vy: await this.read(utfall) };
  }

  private async read({ atkomst, instans, remiss, besvarad }: Tillgang): Promise<ExternRemissResponse> {
    const m = this.dataSource.manager;
    const [handlingar, { organisation, enhet }, svar] = await Promise.all([
      this.remisser.handlingar(m, remiss.id),
      this.remisser.avsandare(m, remiss),
      this.svar.forInstans(m, instans.id),
    ]);
    const remissvar = svar && toExternRemissvarResponse(svar, await this.svar.synpunkter(m, svar));
    return {
      lage: besvarad ? 'skickat' : 'oppen',
      avsandare: { organisation: organisation.namn, enhet: enhet.namn },
      remiss: {
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        missiv: remiss.missiv,
        fragor: remiss.fragor,
        kontaktperson: kontaktpersonAv(remiss),
      },
      instans: { namn: instans.namn, status: instans.status, svarsdatum: instans.svarsdatum },
      handlingar: handlingar.map((h: Remisshandling) => ({ id: h.id, titel: h.titel, sidantal: h.sidantal })),
      lankGiltigTill: atkomst.giltigTill,
      utkast: besvarad ? null : remissvar,
      skickat: besvarad ? await this.sent(m, instans, svar?.status === 'expedierat' ? svar : null, remissvar) : null,
    };
  }

  /** What the instans sent: its structured answer, its uploaded files, or its reason for declining. */
  private async sent(
    m: EntityManager,
    instans: Remissinstans,
    skickat: Remissvar | null,
    remissvar: ExternSkickatResponse['remissvar'],
  ): Promise<ExternSkickatResponse> {
    const fil = async (id: string | null, lank: string) => {
      if (!id) return [];
      const f = await this.filer.get(m, id);
      return [{ filnamn: f.filnamn, mimetyp: f.mimetyp, lank }];
    };
    if (instans.status === 'avstar')
      return {
        satt: 'avstar',
        mottagetAt: instans.avstodAt!,
        remissvar: null,
        filer: [],
        motivering: instans.avstarMotivering,
      };
    return {
      satt: skickat ? 'formular' : 'pdf',
      mottagetAt: instans.besvaradAt!,
      remissvar: skickat && remissvar,
      filer: [
        ...(await fil(skickat ? skickat.slutligFilId : instans.externSvarFilId, 'skickat/pdf')),
        ...(await fil(instans.externWordFilId, 'skickat/word')),
      ],
      motivering: null,
    };
  }

  private async closed(nekad: Nekad): Promise<ExternStangdVy> {
    // Unknown links name no remiss: their page is the 404's.
    if (!nekad.remiss || nekad.orsak === 'okand') throw nekad.error;
    const { organisation, enhet } = await this.remisser.avsandare(this.dataSource.manager, nekad.remiss);
    return {
      lage: 'stangd',
      orsak: nekad.orsak,
      kod: nekad.error.code,
      meddelande: nekad.error.svenska,
      avsandare: { organisation: organisation.namn, enhet: enhet.namn },
      remiss: { diarienummer: nekad.remiss.diarienummer, arendemening: nekad.remiss.arendemening },
      kontaktperson: kontaktpersonAv(nekad.remiss),
    };
  }

  handling(token: string, handlingId: string): Promise<Filsvar> {
    return this.tillgang.withConnectionSlot(async () => {
      const { remiss } = await this.tillgang.get(token, 'las_handling', 'visa');
      const handling = (await this.remisser.handlingar(this.dataSource.manager, remiss.id)).find(
        (h) => h.id === handlingId,
      );
      if (!handling) throw notFound('Remisshandling');
      const { fil, data } = await this.filer.data(this.dataSource.manager, handling.filId);
      return pdfFil(fil.filnamn, data, 'attachment');
    });
  }

  /** A remisshandling's text page by page, to read and copy a quote from; while the link shows the remiss. */
  handlingstext(token: string, handlingId: string): Promise<ExternHandlingstextVy> {
    return this.tillgang.withConnectionSlot(async () => {
      const { remiss } = await this.tillgang.get(token, 'las_handlingstext', 'visa');
      const m = this.dataSource.manager;
      const handling = await this.sidor.handling(m, remiss.id, handlingId);
      if (!handling) throw notFound('Remisshandling');
      const [texter, { organisation, enhet }] = await Promise.all([
        this.sidor.sidtexter(m, handling.id),
        this.remisser.avsandare(m, remiss),
      ]);
      return {
        avsandare: { organisation: organisation.namn, enhet: enhet.namn },
        remiss: { diarienummer: remiss.diarienummer, arendemening: remiss.arendemening },
        handling: { id: handling.id, titel: handling.titel, sidantal: handling.sidantal },
        sidor: texter.map((text, i) => ({ nummer: i + 1, text })),
      };
    });
  }

  missiv(token: string): Promise<Filsvar> {
    return this.tillgang.withConnectionSlot(async () => {
      const { remiss } = await this.tillgang.get(token, 'las_missiv', 'visa');
      if (!remiss.missivFilId) throw notFound('Missiv');
      const { fil, data } = await this.filer.data(this.dataSource.manager, remiss.missivFilId);
      return pdfFil(fil.filnamn, data, 'inline');
    });
  }

  /** The answer as sent (the PDF of the form, or the PDF or Word file uploaded), while the link shows it. */
  sentFile(token: string, vilken: 'pdf' | 'word'): Promise<Filsvar> {
    return this.tillgang.withConnectionSlot(async () => {
      const { instans, besvarad } = await this.tillgang.get(token, `las_skickat_${vilken}`, 'visa');
      const m = this.dataSource.manager;
      const formular = await this.svar.forInstans(m, instans.id);
      const id = !besvarad
        ? null
        : vilken === 'word'
          ? instans.externWordFilId
          : formular?.status === 'expedierat'
            ? formular.slutligFilId
            : instans.externSvarFilId;
      if (!id) throw notFound('Externt svar');
      const { fil, data } = await this.filer.data(m, id);
      if (vilken === 'pdf') return pdfFil(fil.filnamn, data, 'attachment');
      return { filnamn: fil.filnamn, data, mediaType: DOCX_MEDIA_TYPE, disposition: 'attachment' };
    });
  }

  /**
   * The answer as PDF, optionally with a Word file: stored, registered as inkommande handlingar of
   * the sender, the instans besvarad.
   */
  async submitRemissvar(
    token: string,
    fil: Uppladdning | undefined,
    word?: Uppladdning,
  ): Promise<{ status: 'besvarad' }> {
    await this.tillgang.withConnectionSlot(() => this.tillgang.get(token, 'svara', 'svara'));
    return this.tillgang.oneAnswerAtATime(token, () => this.receiveRemissvar(token, fil, word));
  }

  private async receiveRemissvar(
    token: string,
    fil: Uppladdning | undefined,
    word: Uppladdning | undefined,
  ): Promise<{ status: 'besvarad' }> {
    const pdf = await this.granskning.checkPdf(fil?.buffer, fil?.originalname || 'remissvar.pdf');
    const docx = word && requireDocx(word);
    const epost = await this.tillgang.inTransaction(token, 'svara', async (m, tillgang) => {
      const { instans, remiss } = tillgang;
      const now = this.clock.now();
      const filnamn = dokumentFilnamn(remiss.diarienummer, instans.namn);
      const dokument = { filnamn, mimetyp: 'application/pdf', data: pdf.data, sha256: pdf.sha256 };
      const beskrivning = `Remissvar från ${instans.namn}`;
      const sparad = await this.registerHandling(m, remiss, instans, beskrivning, dokument, now);
      const wordfil = docx
        ? await this.registerHandling(
            m,
            remiss,
            instans,
            `${beskrivning} (Word)`,
            { filnamn: filnamn.replace(/\.pdf$/, '.docx'), mimetyp: DOCX_MEDIA_TYPE, data: docx },
            now,
          )
        : null;
      await this.instanser.update(m, instans.id, {
        status: 'besvarad',
        besvaradAt: now,
        externSvarFilId: sparad.id,
        externWordFilId: wordfil?.id ?? null,
      });
      return this.tillgang.finish(m, tillgang, 'externt_remissvar_mottaget', {
        filId: sparad.id,
        sha256: sparad.sha256,
        sidantal: pdf.sidor.length,
        ...(wordfil ? { wordFilId: wordfil.id } : {}),
      });
    });
    await this.aviseringar.afterCommit({ epost });
    return { status: 'besvarad' };
  }

  async submitAvstaende(token: string, motivering: string | undefined): Promise<{ status: 'avstar' }> {
    await this.tillgang.withConnectionSlot(() => this.tillgang.get(token, 'avsta', 'svara'));
    return this.tillgang.oneAnswerAtATime(token, () => this.receiveAvstaende(token, motivering));
  }

  private async receiveAvstaende(token: string, motivering: string | undefined): Promise<{ status: 'avstar' }> {
    const epost = await this.tillgang.inTransaction(token, 'avsta', async (m, tillgang) => {
      const { instans, remiss } = tillgang;
      const now = this.clock.now();
      await this.registerHandling(
        m,
        remiss,
        instans,
        `${instans.namn} avstår från att yttra sig${motivering ? `: ${motivering}` : ''}`,
        null,
        now,
      );
      await this.instanser.update(m, instans.id, {
        status: 'avstar',
        avstodAt: now,
        avstarMotivering: motivering ?? null,
      });
      return this.tillgang.finish(m, tillgang, 'extern_avstar', { motivering: motivering ?? null });
    });
    await this.aviseringar.afterCommit({ epost });
    return { status: 'avstar' };
  }

  private async registerHandling<D extends HandlingsFil | null>(
    m: EntityManager,
    remiss: Remiss,
    instans: Remissinstans,
    beskrivning: string,
    dokument: D,
    now: Date,
  ): Promise<D extends null ? null : Fil> {
    const [{ fil }] = await this.arkiv.registerHandling(m, dokument, [
      {
        arendeId: remiss.arendeId!,
        riktning: 'inkommande',
        datum: stockholmDatum(now),
        motpart: instans.namn,
        beskrivning,
        registreradAv: null,
        // A received answer is final; only its PDF is archived (ArkivService skips the Word file).
        arkivera: { dokumenttyp: 'externt_remissvar', titel: beskrivning, upphov: instans.namn },
      },
    ]);
    return fil;
  }
}

/** A .docx is a ZIP archive (PK\x03\x04) whose entries include word/…; anything else is refused by name. */
function requireDocx(word: Uppladdning): Buffer {
  const namn = word.originalname || 'word.docx';
  const data = word.buffer ?? Buffer.alloc(0);
  const zip = data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (!/\.docx$/i.test(namn) || !zip || !data.includes('word/')) throw new DomainError('NOT_A_DOCX', { filnamn: namn });
  return data;
}
