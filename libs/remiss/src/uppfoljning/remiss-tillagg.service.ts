import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn, PdfGranskning, Uppladdning } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import {
  Clock,
  DomainError,
  illegalTransition,
  invalidField,
  notFound,
  PlattformsLankar,
  stockholmDatum,
} from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { ExternLankService } from '@app/lankar';
import { DataSource, EntityManager } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import {
  RemisshandlingResponse,
  RemissinstansResponse,
  toRemisshandlingResponse,
  toRemissinstansResponse,
} from '../remiss.response';
import { checkAnstand } from '../utkast/svarsdatum-regel';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { Aviseringar } from '../utskick/aviseringar.service';
import { kompletteringEpost, remissavsandare, utskickEpost } from '../utskick/remiss-epost';
import { RemissinstansRepository } from '../utskick/remissinstans.repository';
import { KompletteringDto, NyInstansDto } from './remiss-uppfoljning.dto';

/**
 * What the sender adds to a remiss already sent: a forgotten remissinstans (invited, with its
 * reminders, as if it had been on the list) and a remisshandling that corrects or supplements one
 * (a new row: the old one and every quote of it stay as they were). Each is one transaction that
 * locks the remiss row (FOR UPDATE, as sending, återkalla and avsluta do), so neither meets a
 * remiss being closed.
 */
@Injectable()
export class RemissTillaggService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly instanser: RemissinstansRepository,
    private readonly externLankar: ExternLankService,
    private readonly arkiv: ArkivService,
    private readonly granskning: PdfGranskning,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly plattform: PlattformsLankar,
  ) {}

  async addInstans(actor: Actor, remissId: string, dto: NyInstansDto): Promise<RemissinstansResponse> {
    const extern = !dto.enhetId;
    if (extern && (!dto.namn?.trim() || !dto.epost))
      throw new DomainError('VALIDATION_FAILED', {
        message: 'either enhetId or both namn and epost',
        fel: [
          ...(!dto.namn?.trim()
            ? [{ falt: 'namn', namn: 'namn', meddelande: 'Välj en enhet eller skriv den externa partens namn.' }]
            : []),
          ...(!dto.epost
            ? [{ falt: 'epost', namn: 'e-postadress', meddelande: 'Skriv den externa partens e-postadress.' }]
            : []),
        ],
      });
    const { instans, arbete } = await this.dataSource.transaction(async (m) => {
      const remiss = await this.lockUtskickad(m, actor, remissId, 'laggTillInstans');
      const idag = stockholmDatum(this.clock.now());
      const svarsdatum = dto.svarsdatum ?? remiss.svarsdatum;
      if (svarsdatum < remiss.svarsdatum)
        throw invalidField(
          'svarsdatum',
          `svarsdatum ${svarsdatum} is before the remiss' ${remiss.svarsdatum}`,
          `Svarsdatum kan inte vara tidigare än remissens, ${remiss.svarsdatum}.`,
        );
      // A working day after today, as anstånd: the remiss' own may have passed for a late addition.
      checkAnstand(svarsdatum, idag, idag);
      const befintliga = await this.remisser.instanser(m, actor, remiss);
      const rad = await this.rad(m, remiss, dto, svarsdatum);
      const dubblett = befintliga.find((i) =>
        extern ? i.externEpost === rad.externEpost : i.mottagareEnhetId === rad.mottagareEnhetId,
      );
      if (dubblett) throw new DomainError('INSTANS_FINNS', { namn: dubblett.namn, falt: extern ? 'epost' : 'enhetId' });
      const [instans] = await this.instanser.insert(m, [rad]);
      const lank = extern
        ? (
            await this.externLankar.issue(m, {
              organisationId: remiss.organisationId,
              remissinstansId: instans.id,
              svarsdatum: instans.svarsdatum,
            })
          ).url
        : this.plattform.instans(instans.id);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remissinstans_tillagd',
        objektTyp: 'remissinstans',
        objektId: instans.id,
        data: { remissId: remiss.id, namn: instans.namn, svarsdatum: instans.svarsdatum },
      });
      const paminnelser = await this.aviseringar.paminnelser.plan(m, [instans]);
      const fran = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
      const adresser = await this.instanser.adresser(m, remiss.id, [instans.id]);
      const epost = await this.aviseringar.enqueue(
        m,
        remiss.organisationId,
        adresser.map((a) => utskickEpost(remiss, a, fran, lank)),
      );
      return { instans, arbete: { paminnelser, epost } };
    });
    await this.aviseringar.afterCommit(arbete);
    return toRemissinstansResponse(instans);
  }

  /** The new instans' row: an enhet on the platform (named with its organisation when another), or an external party. */
  private async rad(
    m: EntityManager,
    remiss: Remiss,
    dto: NyInstansDto,
    svarsdatum: string,
  ): Promise<Partial<Remissinstans>> {
    const base = {
      organisationId: remiss.organisationId,
      remissId: remiss.id,
      status: 'inbjuden' as const,
      svarsdatum,
    };
    if (!dto.enhetId) return { ...base, namn: dto.namn!.trim(), externEpost: dto.epost!.toLowerCase() };
    // Chosen by the draft's rule: what the directory does not offer is refused as an unknown id.
    const [enhet] = await this.remisser.valbaraEnheter(m, remiss.organisationId, [dto.enhetId]);
    if (!enhet)
      throw invalidField('enhetId', `enhet ${dto.enhetId} cannot be a remissinstans`, 'Välj en enhet i listan.');
    const namn =
      enhet.organisationId === remiss.organisationId ? enhet.namn : `${enhet.organisation.namn}, ${enhet.namn}`;
    return { ...base, namn, mottagareOrganisationId: enhet.organisationId, mottagareEnhetId: enhet.id };
  }

  /**
   * A remisshandling added after sending. The PDF is checked before the transaction; then the
   * handling is stored with its text per page, registered as utgående in the remiss' ärende, and
   * every instans that has not answered is told by mail (those that have, too: the handling may
   * change what they said, and a new answer is theirs to send).
   */
  async addHandling(
    actor: Actor,
    remissId: string,
    fil: Uppladdning | undefined,
    dto: KompletteringDto,
  ): Promise<RemisshandlingResponse> {
    const filnamn = fil?.originalname || 'remisshandling.pdf';
    const slag = dto.typ ?? 'komplettering';
    if (slag === 'rattelse' && !dto.ersatterId)
      throw invalidField(
        'ersatterId',
        'a rattelse names the remisshandling it corrects',
        'Välj vilken handling som rättas.',
      );
    const pdf = await this.granskning.checkPdf(fil?.buffer, filnamn);
    const { handling, arbete } = await this.dataSource.transaction(async (m) => {
      const remiss = await this.lockUtskickad(m, actor, remissId, 'laggTillRemisshandling');
      const handlingar = await this.remisser.handlingar(m, remiss.id);
      const avser = dto.ersatterId ? handlingar.find((h) => h.id === dto.ersatterId) : undefined;
      if (dto.ersatterId && !avser)
        throw invalidField('ersatterId', 'not a remisshandling of this remiss', 'Välj en av remissens handlingar.');
      const titel =
        dto.titel?.trim() || (slag === 'rattelse' ? `${avser!.titel} (rättad)` : filnamn.replace(/\.pdf$/i, ''));
      const idag = stockholmDatum(this.clock.now());
      const [{ fil: sparad }] = await this.arkiv.registerHandling(
        m,
        {
          filnamn: dokumentFilnamn(remiss.diarienummer, titel),
          mimetyp: 'application/pdf',
          data: pdf.data,
          sha256: pdf.sha256,
        },
        [
          {
            arendeId: remiss.arendeId!,
            riktning: 'utgaende',
            datum: idag,
            motpart: (await this.remisser.instanser(m, actor, remiss)).map((i) => i.namn).join(', '),
            beskrivning: `${slag === 'rattelse' ? 'Rättad remisshandling' : 'Kompletterande remisshandling'}: ${titel}`,
            registreradAv: actor.anvandareId,
          },
        ],
      );
      const handling = await this.remisser.insertHandling(
        m,
        {
          organisationId: remiss.organisationId,
          remissId: remiss.id,
          titel,
          filId: sparad.id,
          sidantal: pdf.sidor.length,
          slag,
          avserId: avser?.id ?? null,
        },
        pdf.sidor,
      );
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remisshandling_tillagd_efter_utskick',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { remisshandlingId: handling.id, titel, slag, avserId: avser?.id ?? null, sha256: sparad.sha256 },
      });
      const fran = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
      const om = { id: handling.id, titel, ersatter: avser?.titel, rattelse: slag === 'rattelse' };
      const adresser = await this.instanser.adresser(m, remiss.id);
      const epost = await this.aviseringar.enqueue(
        m,
        remiss.organisationId,
        adresser.map((a) =>
          kompletteringEpost(remiss, a, fran, om, a.extern ? undefined : this.plattform.instans(a.id)),
        ),
      );
      return { handling, arbete: { epost } };
    });
    await this.aviseringar.afterCommit(arbete);
    return toRemisshandlingResponse(handling);
  }

  /** The caller's own sent remiss, locked (FOR UPDATE) for the rest of the transaction. */
  private async lockUtskickad(
    m: EntityManager,
    actor: Actor,
    remissId: string,
    atgard: 'laggTillInstans' | 'laggTillRemisshandling',
  ): Promise<Remiss> {
    const remiss = await this.remisser.getOwn(m, actor, remissId, true);
    requireAvsandare(actor, remiss);
    if (remiss.status !== 'utskickad') throw illegalTransition('remiss', remiss.status, atgard);
    if (!remiss.arendeId) throw notFound('Ärende');
    return remiss;
  }
}
