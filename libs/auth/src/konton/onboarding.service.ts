import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, DiarienummerFormat, DomainError, stockholmDatum } from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../actor';
import { AnvandareRepository } from '../anvandare.repository';
import { AuditLog } from '../audit-log.service';
import { setEnhetensDiarium } from '../organisation/enhetens-diarium';
import { normaliseraOrganisationsnummer } from '../organisation/organisationsnummer';
import { AnvandareAdminRepository } from './anvandare-admin.repository';
import { KontoService } from './konto.service';
import { NyOrganisationDto } from './konton.dto';
import { DriftOrganisationResponse, OrganisationSkapadResponse } from './konton.response';

/** `Region Exempel` → `region-exempel`: the letterhead folder's name (templates/kommuner/<slug>). */
export function slugFor(namn: string): string {
  return (
    namn
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'organisation'
  );
}

interface OrganisationRad {
  id: string;
  namn: string;
  slug: string;
  typ: DriftOrganisationResponse['typ'];
  organisationsnummer: string | null;
  epost: string | null;
  adress: string | null;
  enheter: number;
  anvandare: number;
  created_at: Date;
}

const toResponse = (r: OrganisationRad): DriftOrganisationResponse => ({
  id: r.id,
  namn: r.namn,
  slug: r.slug,
  typ: r.typ,
  organisationsnummer: r.organisationsnummer,
  epost: r.epost,
  adress: r.adress,
  enheter: r.enheter,
  anvandare: r.anvandare,
  createdAt: r.created_at,
});

/**
 * Onboarding: a new organisation with its first enhet, that enhet's diarium (so it can register and send
 * at once) and first admin, who is invited by mail to set a password. The platform operator does it on
 * `/drift/organisationer/ny` or the API, a script through `npm run organisation` (no actor then; the
 * audit event says `via: kommando`).
 */
@Injectable()
export class OnboardingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly anvandare: AnvandareRepository,
    private readonly admins: AnvandareAdminRepository,
    private readonly konto: KontoService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Every tenant (not the platform's own organisation), for the operator. */
  async list(): Promise<DriftOrganisationResponse[]> {
    const rows: OrganisationRad[] = await this.dataSource.query(
      `SELECT o.id, o.namn, o.slug, o.typ, o.organisationsnummer, o.epost, o.adress, o.created_at,
              (SELECT count(*)::int FROM enhet e WHERE e.organisation_id = o.id) AS enheter,
              (SELECT count(*)::int FROM anvandare a WHERE a.organisation_id = o.id AND a.aktiv) AS anvandare
         FROM organisation o
        WHERE NOT o.plattform AND o.ansluten
        ORDER BY o.namn`,
    );
    return rows.map(toResponse);
  }

  async create(actor: Actor | null, dto: NyOrganisationDto): Promise<OrganisationSkapadResponse> {
    const organisationsnummer = normaliseraOrganisationsnummer(dto.organisationsnummer);
    if (!organisationsnummer)
      throw new DomainError('ORGANISATIONSNUMMER_INVALID', { angivet: dto.organisationsnummer.trim() });
    const adminEpost = dto.adminEpost.trim();
    const adminNamn = dto.adminNamn.trim();
    const { svar, mail } = await this.dataSource.transaction(async (m) => {
      // Two onboardings at once take turns, so the checks below see each other's organisation and admin.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('organisation-onboarding'))`);
      const [upptaget]: { namn: string }[] = await m.query(
        `SELECT namn FROM organisation WHERE organisationsnummer = $1`,
        [organisationsnummer],
      );
      if (upptaget)
        throw new DomainError('ORGANISATIONSNUMMER_TAKEN', {
          angivet: organisationsnummer,
          organisation: upptaget.namn,
        });
      if (await this.admins.epostTaken(m, adminEpost)) throw new DomainError('EPOST_TAKEN', { falt: 'adminEpost' });
      const [organisation]: { id: string }[] = await m.query(
        `INSERT INTO organisation (namn, slug, typ, organisationsnummer, epost, adress, ansluten)
         VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
        [
          dto.namn.trim(),
          await this.freeSlug(m, slugFor(dto.namn)),
          dto.typ,
          organisationsnummer,
          dto.epost.trim(),
          dto.adress.trim(),
        ],
      );
      const [enhet]: { id: string }[] = await m.query(
        `INSERT INTO enhet (organisation_id, namn, kortnamn, typ) VALUES ($1, $2, $3, 'styrelse') RETURNING id`,
        [organisation.id, dto.enhetNamn.trim(), dto.enhetKortnamn],
      );
      const diarium = await setEnhetensDiarium(
        m,
        organisation.id,
        { id: enhet.id, namn: dto.enhetNamn.trim(), kortnamn: dto.enhetKortnamn },
        'eget',
      );
      const adminId = await this.anvandare.create(m, {
        organisationId: organisation.id,
        epost: adminEpost,
        namn: adminNamn,
        losenordHash: null,
        roller: [{ enhetId: enhet.id, roll: 'admin' }],
      });
      const inbjudan = await this.konto.enqueueInvitation(
        m,
        { anvandareId: adminId, organisationId: organisation.id, epost: adminEpost, namn: adminNamn },
        {
          organisation: dto.namn.trim(),
          inbjudare: actor ? `${actor.namn} (Remissplattformen)` : 'Remissplattformen',
          roll: `administratör vid ${dto.enhetNamn.trim()}`,
        },
      );
      await this.audit.record(m, {
        organisationId: organisation.id,
        anvandareId: actor?.anvandareId ?? null,
        handelse: 'organisation_skapad',
        objektTyp: 'organisation',
        objektId: organisation.id,
        data: {
          organisationsnummer,
          enhetId: enhet.id,
          diariumId: diarium.id,
          adminId,
          adminEpost,
          via: actor ? 'drift' : 'kommando',
        },
      });
      const [rad]: OrganisationRad[] = await m.query(
        `SELECT o.id, o.namn, o.slug, o.typ, o.organisationsnummer, o.epost, o.adress, o.created_at,
                1 AS enheter, 1 AS anvandare
           FROM organisation o WHERE o.id = $1`,
        [organisation.id],
      );
      return {
        svar: {
          organisation: toResponse(rad),
          enhetId: enhet.id,
          enhetNamn: dto.enhetNamn.trim(),
          diarium: {
            id: diarium.id,
            namn: diarium.namn,
            exempel: new DiarienummerFormat(diarium.format, diarium.prefix).render({
              year: Number(stockholmDatum(this.clock.now()).slice(0, 4)),
              seq: 1,
            }),
          },
          adminId,
          adminEpost,
          inbjudanGiltigTill: inbjudan.giltigTill,
        },
        mail: inbjudan.mail,
      };
    });
    await this.konto.dispatch([mail]);
    return svar;
  }

  /** The slug, or with -2, -3 … when another organisation has it. */
  private async freeSlug(m: EntityManager, slug: string): Promise<string> {
    const rows: { slug: string }[] = await m.query(`SELECT slug FROM organisation WHERE slug ~ $1`, [
      `^${slug}(-[0-9]+)?$`,
    ]);
    const tagna = new Set(rows.map((r) => r.slug));
    let kandidat = slug;
    for (let n = 2; tagna.has(kandidat); n++) kandidat = `${slug}-${n}`;
    return kandidat;
  }
}
