import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import {
  Clock,
  DomainError,
  illegalTransition,
  invalidField,
  isDatum,
  PlattformsLankar,
  stockholmDatum,
} from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { ExternAtkomstRepository, ExternLankService } from '@app/lankar';
import { DataSource, EntityManager } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { SammanstallningArkiveringKind } from '../sammanstallning/sammanstallning-arkivering.kind';
import { SammanstallningService } from '../sammanstallning/sammanstallning.service';
import { RemissinstansResponse, RemissResponse, toRemissinstansResponse, toRemissResponse } from '../remiss.response';
import { checkAnstand } from '../utkast/svarsdatum-regel';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { Aviseringar } from '../utskick/aviseringar.service';
import {
  anstandEpost,
  aterkallelseEpost,
  avslutadEpost,
  EpostMottagare,
  remissavsandare,
  utskickEpost,
} from '../utskick/remiss-epost';
import { RemissinstansRepository } from '../utskick/remissinstans.repository';
import { AnstandDto } from './remiss-uppfoljning.dto';
import { LankarAterkalladeResponse, PaminnelseSkickadResponse } from './remiss-uppfoljning.response';

/** The sender's changes to a sent remiss: anstånd, återkallelse and avslut. */
@Injectable()
export class RemissUppfoljningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly instanser: RemissinstansRepository,
    private readonly lankar: ExternAtkomstRepository,
    private readonly externLankar: ExternLankService,
    private readonly aviseringar: Aviseringar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly plattform: PlattformsLankar,
    private readonly sammanstallning: SammanstallningService,
    private readonly arkivering: SammanstallningArkiveringKind,
  ) {}

  private today(): string {
    return stockholmDatum(this.clock.now());
  }

  /** The page a nämnd's mail links to; an external party has its personal link from the invitation (its token is not kept). */
  private sida(mottagare: EpostMottagare): string | undefined {
    return mottagare.extern ? undefined : this.plattform.instans(mottagare.id);
  }

  async grantAnstand(
    actor: Actor,
    remissId: string,
    instansId: string,
    dto: AnstandDto,
  ): Promise<RemissinstansResponse> {
    const { instans, arbete } = await this.dataSource.transaction(async (m) => {
      // The platform's lock order: remissinstans (FOR UPDATE) before remiss (FOR SHARE), as the nämnd side does.
      requireAvsandare(actor, await this.remisser.getOwn(m, actor, remissId));
      const fore = await this.instanser.get(m, remissId, instansId, true);
      const remiss = await this.remisser.getOwn(m, actor, remissId, 'share');
      if (remiss.status !== 'utskickad') throw illegalTransition('remiss', remiss.status, 'bevilja');
      if (fore.status === 'besvarad' || fore.status === 'avstar')
        throw illegalTransition('remissinstans', fore.status, 'bevilja');
      if (!isDatum(dto.svarsdatum))
        throw invalidField(
          'svarsdatum',
          `svarsdatum ${dto.svarsdatum} is not a calendar date`,
          `Svarsdatum ${dto.svarsdatum} är inget giltigt datum.`,
        );
      checkAnstand(dto.svarsdatum, fore.svarsdatum, this.today());
      const instans = await this.instanser.update(m, fore.id, { svarsdatum: dto.svarsdatum, anstandOrsak: dto.orsak });
      await this.externLankar.extend(m, instans.id, instans.svarsdatum);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'anstand_beviljat',
        objektTyp: 'remissinstans',
        objektId: instans.id,
        data: { fran: fore.svarsdatum, till: instans.svarsdatum, orsak: dto.orsak },
      });
      const paminnelser = await this.aviseringar.paminnelser.replan(m, instans);
      const fran = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
      const adresser = await this.instanser.adresser(m, remiss.id, [instans.id]);
      const epost = await this.aviseringar.enqueue(
        m,
        remiss.organisationId,
        adresser.map((a) => anstandEpost(remiss, a, fran, dto.orsak, this.sida(a))),
      );
      return { instans, arbete: { paminnelser, epost } };
    });
    await this.aviseringar.afterCommit(arbete);
    return toRemissinstansResponse(instans);
  }

  /** Återkalla an utkast or a sent remiss: reminders stop, links close, instanser are told; their drafts stay, frozen. */
  async withdraw(actor: Actor, remissId: string, orsak: string): Promise<RemissResponse> {
    const { remiss, arbete } = await this.dataSource.transaction(async (m) => {
      const fore = await this.remisser.getOwn(m, actor, remissId, true);
      requireAvsandare(actor, fore);
      if (fore.status !== 'utkast' && fore.status !== 'utskickad')
        throw illegalTransition('remiss', fore.status, 'aterkalla');
      const now = this.clock.now();
      const remiss = await this.remisser.update(m, fore.id, {
        status: 'aterkallad',
        aterkalladAt: now,
        aterkalladOrsak: orsak,
      });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remiss_aterkallad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { fran: fore.status, orsak },
      });
      if (fore.status === 'utkast') return { remiss, arbete: { epost: [] } };
      await this.aviseringar.paminnelser.cancelForRemiss(m, remiss.id);
      await this.lankar.revokeForRemiss(m, remiss.id, now);
      const oppna = (await this.remisser.instanser(m, actor, remiss))
        .filter((i) => i.status !== 'besvarad' && i.status !== 'avstar')
        .map((i) => i.id);
      const adresser = oppna.length ? await this.instanser.adresser(m, remiss.id, oppna) : [];
      const fran = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
      const epost = await this.aviseringar.enqueue(
        m,
        remiss.organisationId,
        adresser.map((a) => aterkallelseEpost(remiss, a, fran, orsak, this.sida(a))),
      );
      return { remiss, arbete: { epost } };
    });
    await this.aviseringar.afterCommit(arbete);
    return toRemissResponse(remiss, true);
  }

  /**
   * Avsluta a sent remiss: no more answers are expected, reminders stop, external links close, and
   * the instanser still working are closed without an answer (`stangd`) and told so. Those are locked
   * before the remiss row (the platform's lock order: instans, then remiss). The sammanställning's
   * archive copy is ordered in the same transaction and printed and archived by the outbox.
   */
  async close(actor: Actor, remissId: string): Promise<RemissResponse> {
    const { remiss, arbete, arkivkopia } = await this.dataSource.transaction(async (m) => {
      requireAvsandare(actor, await this.remisser.getOwn(m, actor, remissId));
      const oppna = await this.instanser.lockOppna(m, remissId);
      const fore = await this.remisser.getOwn(m, actor, remissId, true);
      if (fore.status !== 'utskickad') throw illegalTransition('remiss', fore.status, 'avsluta');
      const now = this.clock.now();
      const remiss = await this.remisser.update(m, fore.id, { status: 'avslutad', avslutadAt: now });
      await this.aviseringar.paminnelser.cancelForRemiss(m, remiss.id);
      await this.lankar.revokeForRemiss(m, remiss.id, now);
      await this.instanser.close(m, oppna, now);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remiss_avslutad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { stangda: oppna },
      });
      const adresser = oppna.length ? await this.instanser.adresser(m, remiss.id, oppna) : [];
      const fran = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
      const epost = await this.aviseringar.enqueue(
        m,
        remiss.organisationId,
        adresser.map((a) => avslutadEpost(remiss, a, fran, undefined, this.sida(a))),
      );
      const arkivkopia = await this.sammanstallning.orderArchive(m, actor, remiss);
      return { remiss, arbete: { epost }, arkivkopia };
    });
    await this.aviseringar.afterCommit(arbete);
    if (arkivkopia) await this.arkivering.dispatch([arkivkopia]);
    return toRemissResponse(remiss, true);
  }

  /**
   * "Skicka påminnelse nu": one reminder to an instans that has not answered, sent by the outbox at
   * once with the text its svarsdatum calls for (an external party's with a fresh link, unless revoked).
   */
  async remind(actor: Actor, remissId: string, instansId: string): Promise<PaminnelseSkickadResponse> {
    const arbete = await this.dataSource.transaction(async (m) => {
      requireAvsandare(actor, await this.remisser.getOwn(m, actor, remissId));
      const instans = await this.instanser.get(m, remissId, instansId, true);
      const remiss = await this.remisser.getOwn(m, actor, remissId, 'share');
      if (remiss.status !== 'utskickad') throw illegalTransition('remiss', remiss.status, 'paminna');
      if (instans.status === 'besvarad' || instans.status === 'avstar' || instans.status === 'stangd')
        throw illegalTransition('remissinstans', instans.status, 'paminna');
      const paminnelser = await this.aviseringar.paminnelser.sendNow(m, instans);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'paminnelse_skickad_manuellt',
        objektTyp: 'remissinstans',
        objektId: instans.id,
        data: { paminnelseId: paminnelser.ids[0] },
      });
      return { paminnelser, epost: [] };
    });
    await this.aviseringar.afterCommit(arbete);
    return { paminnelseId: arbete.paminnelser.ids[0] };
  }

  /**
   * Closes the personal link(s) of an external instans; any later use is refused (410) and audited.
   * The instans stays revoked until the sender issues a new link: its reminders carry none.
   */
  async revokeLank(actor: Actor, remissId: string, instansId: string): Promise<LankarAterkalladeResponse> {
    return this.dataSource.transaction(async (m) => {
      const { instans } = await this.getExternInstans(m, actor, remissId, instansId);
      const now = this.clock.now();
      const aterkallade = await this.lankar.revokeForInstans(m, instans.id, now);
      if (!instans.lankAterkalladAt) await this.instanser.update(m, instans.id, { lankAterkalladAt: now });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'extern_lank_aterkallad',
        objektTyp: 'remissinstans',
        objektId: instans.id,
        data: { aterkallade },
      });
      return { aterkallade };
    });
  }

  /**
   * A new personal link (the old ones revoked), mailed to the external instans: for a lost or leaked
   * mail, or after a revocation, optionally to a corrected address. Reminders carry links again.
   */
  async reissueLank(
    actor: Actor,
    remissId: string,
    instansId: string,
    rattadEpost?: string,
  ): Promise<LankarAterkalladeResponse> {
    const { aterkallade, arbete } = await this.dataSource.transaction(async (m) => {
      const { remiss, instans: fore } = await this.getExternInstans(m, actor, remissId, instansId);
      if (remiss.status !== 'utskickad') throw illegalTransition('remiss', remiss.status, 'nyLank');
      // Under beredning: the instans has started its answer through the link; the new link continues it.
      if (fore.status !== 'inbjuden' && fore.status !== 'under_beredning')
        throw illegalTransition('remissinstans', fore.status, 'nyLank');
      const adress = rattadEpost?.toLowerCase() ?? fore.externEpost!;
      const aterkallade = await this.lankar.revokeForInstans(m, fore.id, this.clock.now());
      const instans =
        adress !== fore.externEpost || fore.lankAterkalladAt
          ? await this.instanser.update(m, fore.id, { externEpost: adress, lankAterkalladAt: null })
          : fore;
      const lank = await this.externLankar.issue(m, {
        organisationId: remiss.organisationId,
        remissinstansId: instans.id,
        svarsdatum: instans.svarsdatum,
      });
      const andradAdress = adress !== fore.externEpost ? { epost: { fran: fore.externEpost, till: adress } } : {};
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'extern_lank_ny',
        objektTyp: 'remissinstans',
        objektId: instans.id,
        data: { atkomstId: lank.id, aterkallade, ...andradAdress },
      });
      const fran = remissavsandare(remiss, await this.remisser.avsandare(m, remiss));
      const adresser = await this.instanser.adresser(m, remiss.id, [instans.id]);
      const epost = await this.aviseringar.enqueue(
        m,
        remiss.organisationId,
        adresser.map((a) => utskickEpost(remiss, a, fran, lank.url, lank.id)),
      );
      return { aterkallade, arbete: { epost } };
    });
    await this.aviseringar.afterCommit(arbete);
    return { aterkallade };
  }

  /**
   * An external instans of a remiss the caller sends, locked in the platform's order: the instans
   * (FOR UPDATE, which a reminder minting a link waits for) before the remiss (FOR SHARE, so an
   * återkalla or avslut waits), as anstånd and the external answers do.
   */
  private async getExternInstans(
    m: EntityManager,
    actor: Actor,
    remissId: string,
    instansId: string,
  ): Promise<{ remiss: Remiss; instans: Remissinstans }> {
    requireAvsandare(actor, await this.remisser.getOwn(m, actor, remissId));
    const instans = await this.instanser.get(m, remissId, instansId, true);
    const remiss = await this.remisser.getOwn(m, actor, remissId, 'share');
    if (!instans.externEpost) throw new DomainError('NOT_EXTERNAL');
    return { remiss, instans };
  }
}
