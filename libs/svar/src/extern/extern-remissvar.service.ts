import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService } from '@app/archive';
import { AuditLog } from '@app/auth';
import {
  Clock,
  DomainError,
  Filsvar,
  illegalTransition,
  invalidField,
  notFound,
  pdfFil,
  PlattformsLankar,
  SidQuery,
  stockholmDatum,
} from '@app/core';
import { Remiss, Remissinstans, Remissvar } from '@app/database';
import { Aviseringar, remissavsandare, RemissinstansRepository, RemissRepository } from '@app/remiss';
import { DataSource, EntityManager } from 'typeorm';
import { RemissvarUtskrift, Utskrift } from '../dokument/remissvar-utskrift.service';
import { describeAndring, RemissvarInnehall } from '../innehall/innehall';
import { innehallAv, Innehallsgranskning } from '../innehall/innehallsgranskning.service';
import { RemissvarRepository } from '../remissvar.repository';
import { RevisionSidaResponse } from '../remissvar.response';
import { ExternKontaktpersonDto, ExternRemissvarDto } from './extern.dto';
import {
  ExternKvittensResponse,
  ExternRemissvarResponse,
  ExternRevisionResponse,
  toExternRemissvarResponse,
  toExternRevisionResponse,
} from './extern.response';
import { kvittensEpost } from './extern-kvittens-epost';
import { LankTillgang, Tillgang } from './lank-tillgang.service';

/** What only an external instans' form has besides the content: its own dnr and who answers. */
interface Uppgifter {
  egetDiarienummer: string | null;
  kontaktpersonNamn: string | null;
  kontaktpersonEpost: string | null;
  kontaktpersonTelefon: string | null;
}

const uppgifterAv = (dto: { diarienummer?: string; kontaktperson?: ExternKontaktpersonDto }): Uppgifter => ({
  egetDiarienummer: dto.diarienummer?.trim() || null,
  kontaktpersonNamn: dto.kontaktperson?.namn?.trim() || null,
  kontaktpersonEpost: dto.kontaktperson?.epost?.trim() || null,
  kontaktpersonTelefon: dto.kontaktperson?.telefon?.trim() || null,
});

/** The revision history's words for what changed in the external fields. */
const UPPGIFTSNAMN: Record<keyof Uppgifter, string> = {
  egetDiarienummer: 'diarienummer ändrat',
  kontaktpersonNamn: 'kontaktperson ändrad',
  kontaktpersonEpost: 'kontaktperson ändrad',
  kontaktpersonTelefon: 'kontaktperson ändrad',
};

/**
 * An external remissinstans' structured answer through its personal link: the same remissvar,
 * synpunkter, quote check, revisions and PDF as a nämnd's (one model, so the sammanställning and
 * every reader of answers see both alike), without registrering or beslut: the instans decides
 * by its own order and sends when it is ready. Its rows belong to the sender's organisation (the
 * instans has none on the platform) but, like a nämnd's draft, are visible to no user of it until
 * sent (`enhet_id` is null, which no actor's enheter match).
 */
@Injectable()
export class ExternRemissvarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tillgang: LankTillgang,
    private readonly svar: RemissvarRepository,
    private readonly remisser: RemissRepository,
    private readonly instanser: RemissinstansRepository,
    private readonly granskning: Innehallsgranskning,
    private readonly utskrift: RemissvarUtskrift,
    private readonly arkiv: ArkivService,
    private readonly aviseringar: Aviseringar,
    private readonly lankar: PlattformsLankar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Saves the answer being written: the first save creates it (the instans is then under
   * beredning), later ones replace its content if nobody saved since `version` (a stale save is a
   * 409 and writes nothing). Quotes are checked as a nämnd's are.
   */
  save(token: string, dto: ExternRemissvarDto): Promise<ExternRemissvarResponse> {
    const { version, diarienummer: _d, kontaktperson: _k, ...innehallDto } = dto;
    const uppgifter = uppgifterAv(dto);
    return this.tillgang.inTransaction(token, 'spara_svar', async (m, { atkomst, instans, remiss }) => {
      const befintligt = await this.svar.forInstans(m, instans.id);
      const data = { atkomstId: atkomst.id, remissinstansId: instans.id };
      if (!befintligt) {
        const innehall = await this.granskning.check(m, remiss, innehallDto, []);
        const svar = await this.svar.insert(
          m,
          {
            organisationId: remiss.organisationId,
            enhetId: null,
            remissinstansId: instans.id,
            typ: 'yttrande',
            createdBy: null,
          },
          innehall,
        );
        await this.svar.updateUppgifter(m, svar.id, uppgifter);
        const sparat = await this.stored(m, svar.id);
        await this.svar.insertRevision(
          m,
          svar,
          svar.version,
          null,
          revisionInnehall(sparat, uppgifter),
          'Utkast skapat.',
        );
        if (instans.status === 'inbjuden') await this.instanser.update(m, instans.id, { status: 'under_beredning' });
        await this.record(m, remiss, 'externt_remissvar_skapat', svar.id, { ...data, version: svar.version });
        return this.load(m, svar.id);
      }
      if (version === undefined) throw new DomainError('VERSION_REQUIRED');
      const svar = await this.svar.lock(m, befintligt.id);
      if (svar.status !== 'utkast') throw illegalTransition('remissvar', svar.status, 'redigeraSvar');
      if (svar.version !== version) {
        const andringar = await this.svar.revisionerSedan(m, svar, version);
        throw new DomainError('STALE_VERSION', { vad: 'remissvar', version, nu: svar.version, andringar });
      }
      const synpunkter = await this.svar.synpunkter(m, svar);
      const ids = synpunkter.map((p) => p.id);
      const innehall = await this.granskning.check(m, remiss, innehallDto, ids);
      const ny = await this.svar.replaceContent(m, svar.id, version, innehall);
      // The row is locked and its version and state were checked just now, so the guarded update holds.
      if (ny === null) throw illegalTransition('remissvar', svar.status, 'redigeraSvar');
      await this.svar.updateUppgifter(m, svar.id, uppgifter);
      const efter = await this.stored(m, svar.id);
      const fore = { ...innehallAv(svar, synpunkter), ...uppgifterAvSvar(svar) };
      const andring = describeExternAndring(fore, efter, uppgifter);
      await this.svar.insertRevision(m, svar, ny, null, revisionInnehall(efter, uppgifter), andring);
      await this.record(m, remiss, 'externt_remissvar_sparat', svar.id, { ...data, version: ny, andring });
      return this.load(m, svar.id);
    });
  }

  /** The answer as PDF as it would be sent now. */
  async preview(token: string): Promise<Filsvar> {
    const brev = await this.tillgang.withConnectionSlot(async () => {
      const { instans, remiss } = await this.tillgang.get(token, 'forhandsvisa_svar', 'svara');
      const svar = await this.draft(this.dataSource.manager, instans);
      return this.utskrift.externtBrev(this.dataSource.manager, svar, { instans, remiss });
    });
    const utskrift = await this.utskrift.render(brev);
    return pdfFil(`forhandsvisning-${utskrift.filnamn}`, utskrift.pdf, 'inline');
  }

  /** The saved versions, newest first (no user: an external answer is saved through the link). */
  revisioner(token: string, query: SidQuery): Promise<RevisionSidaResponse> {
    return this.tillgang.withConnectionSlot(async () => {
      const { instans } = await this.tillgang.get(token, 'las_historik', 'visa');
      const svar = await this.draft(this.dataSource.manager, instans);
      return {
        ...(await this.svar.revisioner(svar, query.page, query.pageSize)),
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  revision(token: string, version: number): Promise<ExternRevisionResponse> {
    return this.tillgang.withConnectionSlot(async () => {
      const { instans } = await this.tillgang.get(token, 'las_historik', 'visa');
      return toExternRevisionResponse(
        await this.svar.revision(await this.draft(this.dataSource.manager, instans), version),
      );
    });
  }

  /**
   * Sends the answer at `version`. The PDF is rendered before the transaction (Chromium takes a
   * second; no row stays locked that long) and the transaction re-checks the version. In it: the
   * PDF registered as inkommande handling of the sender, the answer sent (visible to the sender
   * from now, logged), the instans besvarad with its own dnr, the link spent, reminders cancelled,
   * the remiss' kontaktperson told, and the kvittens with the PDF queued to the instans' contact.
   */
  async send(token: string, version: number): Promise<ExternKvittensResponse> {
    const lage = await this.tillgang.withConnectionSlot(() => this.tillgang.get(token, 'skicka_svar', 'svara'));
    return this.tillgang.oneAnswerAtATime(token, async () => {
      const { brev, svar } = await this.tillgang.withConnectionSlot(async () => {
        const utkast = await this.draft(this.dataSource.manager, lage.instans);
        requireSkickbart(utkast);
        if (utkast.version !== version)
          throw new DomainError('STALE_VERSION', { vad: 'remissvar', version, nu: utkast.version });
        return { brev: await this.utskrift.externtBrev(this.dataSource.manager, utkast, lage), svar: utkast };
      });
      // Printed holding no slot and no lock; the transaction re-checks the link and the version.
      const utskrift = await this.utskrift.render(brev);
      const { kvittens, epost } = await this.tillgang.inTransaction(token, 'skicka_svar', (m, tillgang) =>
        this.performSend(m, tillgang, svar.id, version, utskrift, token),
      );
      await this.aviseringar.afterCommit({ epost });
      return kvittens;
    });
  }

  private async performSend(
    m: EntityManager,
    tillgang: Tillgang,
    id: string,
    version: number,
    utskrift: Utskrift,
    token: string,
  ): Promise<{ kvittens: ExternKvittensResponse; epost: string[] }> {
    const { atkomst, instans, remiss } = tillgang;
    const svar = await this.svar.lock(m, id);
    const skickbart = requireSkickbart(svar);
    if (svar.version !== version) throw new DomainError('STALE_VERSION', { vad: 'remissvar', underUtskrift: true });
    const now = this.clock.now();
    const [{ fil }] = await this.arkiv.registerHandling(
      m,
      { filnamn: utskrift.filnamn, mimetyp: 'application/pdf', data: utskrift.pdf },
      [
        {
          arendeId: remiss.arendeId!,
          riktning: 'inkommande',
          datum: stockholmDatum(now),
          motpart: instans.namn,
          beskrivning: `${utskrift.dokument.titel} (${instans.namn}${svar.egetDiarienummer ? `, ${svar.egetDiarienummer}` : ''})`,
          registreradAv: null,
          arkivera: { dokumenttyp: 'externt_remissvar', titel: utskrift.dokument.titel, upphov: instans.namn },
        },
      ],
    );
    const ny = await this.svar.setStatus(m, id, 'expedierat', { expedieradAt: now, slutligFilId: fil.id });
    await this.svar.insertRevision(
      m,
      svar,
      ny,
      null,
      {
        ...revisionInnehall(innehallAv(svar, await this.svar.synpunkter(m, svar)), uppgifterAvSvar(svar)),
        status: 'expedierat',
      },
      'Skickat.',
    );
    await this.instanser.update(m, instans.id, {
      status: 'besvarad',
      besvaradAt: now,
      mottagareDiarienummer: svar.egetDiarienummer,
    });
    const avsandare = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
    const data = { remissvarId: id, filId: fil.id, sha256: fil.sha256, filnamn: utskrift.filnamn, version: ny };
    const epost = await this.tillgang.finish(m, tillgang, 'externt_remissvar_mottaget', data, [
      kvittensEpost({
        remiss,
        instans,
        svar: skickbart,
        avsandare,
        mottaget: now,
        visasTill: atkomst.giltigTill,
        lank: this.lankar.externSvar(token),
        fil: { id: fil.id, filnamn: utskrift.filnamn },
      }),
    ]);
    // DESIGN.md §4: the moment the answer became visible to the sender, as for a nämnd's.
    await this.record(m, remiss, 'remissvar_synligt_for_avsandare', id, { ...data, synligFran: now.toISOString() });
    return {
      kvittens: {
        status: 'besvarad',
        mottagetAt: now,
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        instans: instans.namn,
        egetDiarienummer: svar.egetDiarienummer,
        kvittensTill: skickbart.kontaktpersonEpost,
        filnamn: utskrift.filnamn,
        visasTill: atkomst.giltigTill,
      },
      epost,
    };
  }

  /** The instans' answer being written; none yet → 404. */
  private async draft(m: EntityManager, instans: Remissinstans): Promise<Remissvar> {
    const svar = await this.svar.forInstans(m, instans.id);
    if (!svar) throw notFound('Remissvar');
    return svar;
  }

  private async load(m: EntityManager, id: string): Promise<ExternRemissvarResponse> {
    const svar = await m.findOneByOrFail(Remissvar, { id });
    return toExternRemissvarResponse(svar, await this.svar.synpunkter(m, svar));
  }

  /** The content as stored now, with the ids the synpunkter got: what a revision records. */
  private async stored(m: EntityManager, id: string): Promise<RemissvarInnehall> {
    const svar = await this.svar.lock(m, id);
    return innehallAv(svar, await this.svar.synpunkter(m, svar));
  }

  private record(
    m: EntityManager,
    remiss: Remiss,
    handelse: string,
    id: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(m, {
      organisationId: remiss.organisationId,
      anvandareId: null,
      handelse,
      objektTyp: 'remissvar',
      objektId: id,
      data,
    });
  }
}

/** A revision of an external answer keeps its dnr and contact person beside the content. */
function revisionInnehall(innehall: RemissvarInnehall, uppgifter: Uppgifter) {
  return { ...innehall, ...uppgifter, status: 'utkast' as const };
}

function uppgifterAvSvar(svar: Remissvar): Uppgifter {
  return {
    egetDiarienummer: svar.egetDiarienummer,
    kontaktpersonNamn: svar.kontaktpersonNamn,
    kontaktpersonEpost: svar.kontaktpersonEpost,
    kontaktpersonTelefon: svar.kontaktpersonTelefon,
  };
}

/** The content's change as a nämnd's history says it, and the external fields that changed, in its style. */
function describeExternAndring(
  fore: RemissvarInnehall & Uppgifter,
  efter: RemissvarInnehall,
  uppgifter: Uppgifter,
): string {
  const innehall = describeAndring(fore, efter);
  const falt = Object.keys(UPPGIFTSNAMN) as (keyof Uppgifter)[];
  const andrade = [...new Set(falt.filter((f) => fore[f] !== uppgifter[f]).map((f) => UPPGIFTSNAMN[f]))];
  if (andrade.length === 0) return innehall;
  // Compared with what the summary says of no change at all, whatever its wording.
  if (innehall === describeAndring(efter, efter)) {
    const text = andrade.join('; ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  }
  return `${innehall.replace(/\.$/, '')}; ${andrade.join('; ')}.`;
}

/** A draft with someone to send the kvittens to. */
function requireSkickbart(svar: Remissvar): Remissvar & { kontaktpersonEpost: string } {
  if (svar.status !== 'utkast') throw illegalTransition('remissvar', svar.status, 'svara');
  const saknas = [
    ...(svar.kontaktpersonNamn ? [] : ['namn' as const]),
    ...(svar.kontaktpersonEpost ? [] : ['epost' as const]),
  ];
  if (saknas.length) throw new DomainError('EXTERN_KONTAKTPERSON_SAKNAS', { saknas });
  // As a nämnd's answer takes its position before it goes for beslut, the summaries count every answer's.
  if (svar.stallning === null)
    throw invalidField(
      'stallning',
      'A remissvar is sent with its stallning',
      'Ange svarets ställning (tillstyrker, tillstyrker med ändringar, avstyrker eller inga synpunkter) innan det skickas.',
      'ställning',
    );
  return svar as Remissvar & { kontaktpersonEpost: string };
}
