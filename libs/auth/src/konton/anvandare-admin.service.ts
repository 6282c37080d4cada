import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, notFound } from '@app/core';
import type { Roll } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../actor';
import { AnvandareRepository } from '../anvandare.repository';
import { AuditLog } from '../audit-log.service';
import { SessionRepository } from '../session.repository';
import { AnvandareAdminRepository, EnhetVal } from './anvandare-admin.repository';
import { KontoService } from './konto.service';
import { KontoTokenRepository } from './konto-token.repository';
import { InbjudanDto, RollDto } from './konton.dto';
import { AnvandareResponse, InbjudanResponse } from './konton.response';

/** What a role is called in a mail ("som nämndsekreterare"). */
const ROLLNAMN: Record<Roll, string> = {
  remissansvarig: 'remissansvarig',
  namndsekreterare: 'nämndsekreterare',
  handlaggare: 'handläggare',
  registrator: 'registrator',
  admin: 'administratör',
};

/**
 * The organisation admin's users (the routes need the role admin): invite, deactivate, roles per enhet,
 * a reset link by mail. Another organisation's user is a 404. Nobody removes or deactivates the last admin
 * who can sign in: those changes lock the organisation's admins first (lockAdmins) and then count.
 */
@Injectable()
export class AnvandareAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: AnvandareAdminRepository,
    private readonly anvandare: AnvandareRepository,
    private readonly konto: KontoService,
    private readonly tokens: KontoTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
  ) {}

  list(actor: Actor): Promise<AnvandareResponse[]> {
    return this.repo.list(actor.organisationId);
  }

  async get(actor: Actor, id: string): Promise<AnvandareResponse> {
    return this.find(this.dataSource.manager, actor, id);
  }

  /** A user with the organisation's enheter, for the page where roles are given and taken. */
  async getWithEnheter(actor: Actor, id: string): Promise<{ anvandare: AnvandareResponse; enheter: EnhetVal[] }> {
    const [anvandare, enheter] = await Promise.all([this.get(actor, id), this.enheter(actor)]);
    return { anvandare, enheter };
  }

  /** The organisation's enheter, to choose a role's enhet from. */
  enheter(actor: Actor): Promise<EnhetVal[]> {
    return this.repo.enheter(actor.organisationId);
  }

  async invite(actor: Actor, dto: InbjudanDto): Promise<InbjudanResponse> {
    const epost = dto.epost.trim();
    const { svar, mail } = await this.dataSource.transaction(async (m) => {
      const enhet = await this.repo.enhetName(m, actor.organisationId, dto.enhetId);
      if (!enhet) throw notFound('Enhet');
      if (await this.repo.epostTaken(m, epost)) throw new DomainError('EPOST_TAKEN', { falt: 'epost' });
      const id = await this.anvandare.create(m, {
        organisationId: actor.organisationId,
        epost,
        namn: dto.namn.trim(),
        losenordHash: null,
        roller: [{ enhetId: dto.enhetId, roll: dto.roll }],
      });
      const inbjudan = await this.konto.enqueueInvitation(
        m,
        { anvandareId: id, organisationId: actor.organisationId, epost, namn: dto.namn.trim() },
        {
          organisation: await this.repo.organisationName(m, actor.organisationId),
          inbjudare: actor.namn,
          roll: `${ROLLNAMN[dto.roll]} vid ${enhet}`,
        },
      );
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'anvandare_inbjuden',
        objektTyp: 'anvandare',
        objektId: id,
        data: { epost, enhetId: dto.enhetId, roll: dto.roll },
      });
      const anvandare = await this.find(m, actor, id);
      return { svar: { anvandare, giltigTill: inbjudan.giltigTill }, mail: inbjudan.mail };
    });
    await this.konto.dispatch([mail]);
    return svar;
  }

  /** Deactivates a user: their sessions and open links end at once; the last admin is refused (409). */
  async deactivate(actor: Actor, id: string): Promise<AnvandareResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.repo.lockAdmins(m, actor.organisationId);
      const fore = await this.find(m, actor, id);
      if (fore.status === 'inaktiverad') return fore;
      if ((await this.repo.isAdmin(m, id)) && (await this.repo.otherAdmins(m, actor.organisationId, id)) === 0)
        throw new DomainError('LAST_ADMIN', { atgard: 'inaktivera' });
      await this.repo.deactivate(m, id);
      const sessioner = await this.sessions.deleteForUser(m, id);
      await this.tokens.endAll(m, id);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'anvandare_inaktiverad',
        objektTyp: 'anvandare',
        objektId: id,
        data: { sessionerAvslutade: sessioner },
      });
      return this.find(m, actor, id);
    });
  }

  async addRole(actor: Actor, id: string, dto: RollDto): Promise<AnvandareResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.find(m, actor, id);
      if (!(await this.repo.enhetName(m, actor.organisationId, dto.enhetId))) throw notFound('Enhet');
      if (await this.repo.addRole(m, id, dto.enhetId, dto.roll))
        await this.audit.record(m, {
          organisationId: actor.organisationId,
          anvandareId: actor.anvandareId,
          handelse: 'roll_tillagd',
          objektTyp: 'anvandare',
          objektId: id,
          data: { enhetId: dto.enhetId, roll: dto.roll },
        });
      return this.find(m, actor, id);
    });
  }

  async removeRole(actor: Actor, id: string, dto: RollDto): Promise<AnvandareResponse> {
    return this.dataSource.transaction(async (m) => {
      if (dto.roll === 'admin') await this.repo.lockAdmins(m, actor.organisationId);
      const fore = await this.find(m, actor, id);
      const adminSomRakas = fore.status === 'aktiv' && dto.roll === 'admin';
      if (adminSomRakas && (await this.repo.otherAdmins(m, actor.organisationId, id, dto.enhetId)) === 0)
        throw new DomainError('LAST_ADMIN', { atgard: 'taBortRoll' });
      if (await this.repo.removeRole(m, id, dto.enhetId, dto.roll))
        await this.audit.record(m, {
          organisationId: actor.organisationId,
          anvandareId: actor.anvandareId,
          handelse: 'roll_borttagen',
          objektTyp: 'anvandare',
          objektId: id,
          data: { enhetId: dto.enhetId, roll: dto.roll },
        });
      return this.find(m, actor, id);
    });
  }

  /** Sends the user a reset link (an invited user who lost the invitation gets a link the same way). */
  async sendReset(actor: Actor, id: string): Promise<AnvandareResponse> {
    const { anvandare, mail } = await this.dataSource.transaction(async (m) => {
      const anvandare = await this.find(m, actor, id);
      if (anvandare.status === 'inaktiverad') throw notFound('Anvandare');
      const mail = await this.konto.enqueueReset(m, {
        anvandareId: id,
        organisationId: actor.organisationId,
        epost: anvandare.epost,
        namn: anvandare.namn,
      });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'losenord_aterstallning_skickad',
        objektTyp: 'anvandare',
        objektId: id,
      });
      return { anvandare, mail };
    });
    await this.konto.dispatch([mail]);
    return anvandare;
  }

  private async find(m: EntityManager, actor: Actor, id: string): Promise<AnvandareResponse> {
    const anvandare = await this.repo.get(m, actor.organisationId, id);
    if (!anvandare) throw notFound('Anvandare');
    return anvandare;
  }
}
