import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn, PdfGranskning, Uppladdning } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import { Clock, illegalTransition, invalidField, stockholmDatum } from '@app/core';
import { ExternAtkomstRepository } from '@app/lankar';
import { DataSource } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { RemissinstansResponse, toRemissinstansResponse } from '../remiss.response';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { Aviseringar } from '../utskick/aviseringar.service';
import { RemissinstansRepository } from '../utskick/remissinstans.repository';
import { MottagetSvarDto } from './remiss-uppfoljning.dto';

/**
 * An answer (or a letter declining) that came to the sender by e-mail or post: the sender
 * registers its PDF with the date it came in. In one transaction the PDF becomes an inkommande
 * handling of the remiss' ärende (ArkivService.registerHandling, dated the day it came in) and is
 * archived as an answer through the link is, the
 * instans becomes besvarad or avstår, its reminders are cancelled and an external party's links
 * close (its answer is in).
 */
@Injectable()
export class MottagetSvarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly instanser: RemissinstansRepository,
    private readonly lankar: ExternAtkomstRepository,
    private readonly arkiv: ArkivService,
    private readonly granskning: PdfGranskning,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async registerMottagetSvar(
    actor: Actor,
    remissId: string,
    instansId: string,
    fil: Uppladdning | undefined,
    dto: MottagetSvarDto,
  ): Promise<RemissinstansResponse> {
    const now = this.clock.now();
    const idag = stockholmDatum(now);
    if (dto.inkom > idag)
      throw invalidField(
        'inkom',
        `inkom ${dto.inkom} is in the future`,
        `Datumet då svaret kom in kan inte ligga efter i dag (${idag}).`,
      );
    // Checked and read before the transaction: a bad file stores nothing and locks nothing.
    const pdf = await this.granskning.checkPdf(fil?.buffer, fil?.originalname || 'remissvar.pdf');
    const instans = await this.dataSource.transaction(async (m) => {
      // The platform's lock order: remissinstans (FOR UPDATE) before remiss (FOR SHARE).
      requireAvsandare(actor, await this.remisser.getOwn(m, actor, remissId));
      const fore = await this.instanser.get(m, remissId, instansId, true);
      const remiss = await this.remisser.getOwn(m, actor, remissId, 'share');
      if (remiss.status !== 'utskickad') throw illegalTransition('remiss', remiss.status, 'registreraMottagetSvar');
      if (fore.status === 'besvarad' || fore.status === 'avstar' || fore.status === 'stangd')
        throw illegalTransition('remissinstans', fore.status, 'registreraMottagetSvar');
      const utskickad = stockholmDatum(remiss.utskickadAt!);
      if (dto.inkom < utskickad)
        throw invalidField(
          'inkom',
          `inkom ${dto.inkom} is before the remiss was sent (${utskickad})`,
          `Datumet då svaret kom in kan inte ligga före utskicket (${utskickad}).`,
        );
      const avstar = dto.typ === 'avstar';
      const beskrivning = avstar ? `${fore.namn} avstår från att yttra sig` : `Remissvar från ${fore.namn}`;
      const [{ fil: sparad }] = await this.arkiv.registerHandling(
        m,
        {
          filnamn: dokumentFilnamn(remiss.diarienummer, fore.namn),
          mimetyp: 'application/pdf',
          data: pdf.data,
          sha256: pdf.sha256,
        },
        [
          {
            arendeId: remiss.arendeId!,
            riktning: 'inkommande',
            datum: dto.inkom,
            motpart: fore.namn,
            beskrivning,
            registreradAv: actor.anvandareId,
            arkivera: { dokumenttyp: 'externt_remissvar', titel: beskrivning, upphov: fore.namn },
          },
        ],
      );
      const instans = await this.instanser.update(m, fore.id, {
        ...(avstar ? { status: 'avstar', avstodAt: now } : { status: 'besvarad', besvaradAt: now }),
        svarInkomDatum: dto.inkom,
        externSvarFilId: sparad.id,
        // Its links close below; marked on the instans as a revocation is, the status page says so.
        ...(fore.externEpost && !fore.lankAterkalladAt ? { lankAterkalladAt: now } : {}),
      });
      await this.aviseringar.paminnelser.cancelForInstans(m, instans.id);
      if (instans.externEpost) await this.lankar.revokeForInstans(m, instans.id, now);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: avstar ? 'avstaende_mottaget' : 'remissvar_mottaget',
        objektTyp: 'remissinstans',
        objektId: instans.id,
        data: { fran: fore.status, inkom: dto.inkom, filId: sparad.id, sha256: sparad.sha256 },
      });
      return instans;
    });
    return toRemissinstansResponse(instans);
  }
}
