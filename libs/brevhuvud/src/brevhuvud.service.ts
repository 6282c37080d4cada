import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { APP_CONFIG, AppConfig, Clock, DomainError, Filsvar, notFound, pdfFil, stockholmDatum } from '@app/core';
import { Brevhuvud, Enhet, Organisation } from '@app/database';
import { ALLMANNA_FARGER, BrevhuvudUppgifter, findKommun, Kommun, PdfRenderare } from '@app/pdf';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { BrevhuvudDto } from './brevhuvud.dto';
import { BrevhuvudFalt, BrevhuvudRepository } from './brevhuvud.repository';
import { BrevhuvudAdminResponse } from './brevhuvud.response';
import { checkEmblem, Emblem, emblemDataUrl } from './emblem';
import { kontrastMotVitt, svenskKvot, TEXTKONTRAST_MIN } from './kontrast';

const FALT: (keyof BrevhuvudFalt)[] = [
  'namn',
  'besoksadress',
  'postadress',
  'telefon',
  'epost',
  'webb',
  'organisationsnummer',
  'primarfarg',
  'accentfarg',
  'vartDnrEtikett',
  'ertDnrEtikett',
];

/** Where a letterhead's defaults come from before its first save. */
type Standard = BrevhuvudUppgifter & { fran: 'mall' | 'organisation' };

/**
 * An organisation's letterhead: its own row in `brevhuvud`, or until the first save the defaults
 * of its folder under templates/kommuner/ (the design source; the layout, brevhuvud.hbs, stays
 * there), or for an organisation onboarded without a folder its own row's name, address, e-mail and
 * organisationsnummer, in the general layout and without an emblem. Every document the platform
 * prints for the organisation carries what this returns (`forDokument`), so a change made on the
 * admin page is on the next letter, without a deploy.
 */
@Injectable()
export class BrevhuvudService {
  /** Letterhead folders, read once per process as the renderers read them: every document asks. */
  private readonly mappar = new Map<string, Kommun | undefined>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly brevhuvuden: BrevhuvudRepository,
    private readonly pdf: PdfRenderare,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<BrevhuvudAdminResponse> {
    const m = this.dataSource.manager;
    const [rad, organisation] = await Promise.all([
      this.brevhuvuden.get(m, actor.organisationId),
      this.organisation(m, actor.organisationId),
    ]);
    return toResponse(rad, this.standard(organisation));
  }

  /** Replaces the letterhead's fields (the emblem stays); a text colour below 4.5:1 on white is refused. */
  async update(actor: Actor, dto: BrevhuvudDto): Promise<BrevhuvudAdminResponse> {
    const falt = normalise(dto);
    checkKontrast(falt.primarfarg);
    await this.dataSource.transaction(async (m) => {
      const [rad, organisation] = await Promise.all([
        this.brevhuvuden.lock(m, actor.organisationId),
        this.organisation(m, actor.organisationId),
      ]);
      const fore = rad ?? fromStandard(actor.organisationId, this.standard(organisation));
      await this.brevhuvuden.save(m, { ...fore, ...falt, organisationId: actor.organisationId });
      const andrade = FALT.filter((f) => fore[f] !== falt[f]);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'brevhuvud_andrat',
        objektTyp: 'organisation',
        objektId: actor.organisationId,
        data: { andrade: Object.fromEntries(andrade.map((f) => [f, { fore: fore[f], efter: falt[f] }])) },
      });
    });
    return this.get(actor);
  }

  /** A new emblem, checked (SVG: no script, events, or outside references; PNG: its signature, its size). */
  async replaceEmblem(actor: Actor, data: Buffer | undefined): Promise<BrevhuvudAdminResponse> {
    const emblem: Emblem = checkEmblem(data ?? Buffer.alloc(0));
    await this.dataSource.transaction(async (m) => {
      const [rad, organisation] = await Promise.all([
        this.brevhuvuden.lock(m, actor.organisationId),
        this.organisation(m, actor.organisationId),
      ]);
      const fore = rad ?? fromStandard(actor.organisationId, this.standard(organisation));
      await this.brevhuvuden.save(m, { ...fore, emblem: emblem.data, emblemTyp: emblem.typ });
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'brevhuvud_emblem_bytt',
        objektTyp: 'organisation',
        objektId: actor.organisationId,
        data: {
          typ: emblem.typ,
          bytes: emblem.data.length,
          sha256: createHash('sha256').update(emblem.data).digest('hex'),
        },
      });
    });
    return this.get(actor);
  }

  /** A short letter on the letterhead as it is saved, printed by the same renderer as every answer. */
  async preview(actor: Actor): Promise<Filsvar> {
    const m = this.dataSource.manager;
    const [organisation, uppgifter, enhet] = await Promise.all([
      this.organisation(m, actor.organisationId),
      this.forDokument(m, actor.organisationId),
      m.findOneBy(Enhet, { id: actor.enheter('admin')[0] ?? actor.enheter()[0], organisationId: actor.organisationId }),
    ]);
    const pdf = await this.pdf.renderRemissvar({
      brevhuvud: {
        kommun: organisation.slug,
        enhet: enhet?.namn ?? organisation.namn,
        uppgifter,
      },
      datum: stockholmDatum(this.clock.now()),
      vartDnr: 'KS2025/1',
      ertDnr: 'KS2025/2',
      mottagare: 'Mottagaren',
      titel: 'Förhandsvisning av brevhuvudet',
      inledning:
        'Så här ser organisationens brevhuvud ut i de brev som plattformen skriver: svar på remiss, missiv och remissammanställningar. Namn, adresser, organisationsnummer, färger och emblem kommer från administrationssidan för brevhuvudet.',
      synpunkter: [],
      avslutning: '',
      fotnoter: [],
      underskrifter: [],
      bilagor: [],
    });
    return pdfFil('forhandsvisning-brevhuvud.pdf', pdf, 'inline');
  }

  /**
   * What a document of the organisation prints in its letterhead: its saved row, or before the first
   * save the defaults (its folder's or its organisation row's), read with the caller's manager.
   */
  async forDokument(manager: EntityManager, organisationId: string): Promise<BrevhuvudUppgifter> {
    const rad = await this.brevhuvuden.get(manager, organisationId);
    if (rad?.emblem) return uppgifter(rad, undefined);
    const standard = this.standard(await this.organisation(manager, organisationId));
    return rad ? uppgifter(rad, standard) : uppgifter(fromStandard(organisationId, standard) as Brevhuvud, standard);
  }

  private async organisation(manager: EntityManager, id: string): Promise<Organisation> {
    const organisation = await manager.findOneBy(Organisation, { id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  /**
   * Where a letterhead starts from: the folder's kommun.json and emblem.svg, or for an organisation
   * without a folder what it was onboarded with (its adress is a postal address), no emblem.
   */
  private standard(organisation: Organisation): Standard {
    const slug = organisation.slug;
    if (!this.mappar.has(slug)) this.mappar.set(slug, findKommun(join(this.config.TEMPLATES_DIR, 'kommuner'), slug));
    const mapp = this.mappar.get(slug);
    if (mapp) return { ...mapp, fran: 'mall' };
    return {
      namn: organisation.namn,
      besoksadress: '',
      postadress: organisation.adress ?? '',
      telefon: '',
      epost: organisation.epost ?? '',
      webb: '',
      organisationsnummer: organisation.organisationsnummer ?? '',
      farger: ALLMANNA_FARGER,
      etiketter: { vartDnr: 'Vårt dnr', ertDnr: 'Ert dnr' },
      emblem: '',
      fran: 'organisation',
    };
  }
}

function normalise(dto: BrevhuvudDto): BrevhuvudFalt {
  const falt = Object.fromEntries(FALT.map((f) => [f, dto[f].trim()])) as BrevhuvudFalt;
  return { ...falt, primarfarg: falt.primarfarg.toLowerCase(), accentfarg: falt.accentfarg.toLowerCase() };
}

function checkKontrast(farg: string): void {
  const kvot = kontrastMotVitt(farg);
  if (kvot < TEXTKONTRAST_MIN)
    throw new DomainError('BREVHUVUD_KONTRAST', {
      falt: 'primarfarg',
      farg,
      kvot: svenskKvot(kvot),
      min: svenskKvot(TEXTKONTRAST_MIN),
    });
}

function fromStandard(organisationId: string, k: Standard): Omit<Brevhuvud, 'version' | 'updatedAt'> {
  return {
    organisationId,
    namn: k.namn,
    besoksadress: k.besoksadress,
    postadress: k.postadress,
    telefon: k.telefon,
    epost: k.epost,
    webb: k.webb,
    organisationsnummer: k.organisationsnummer,
    primarfarg: k.farger.primar.toLowerCase(),
    accentfarg: k.farger.accent.toLowerCase(),
    vartDnrEtikett: k.etiketter.vartDnr,
    ertDnrEtikett: k.etiketter.ertDnr,
    emblem: null,
    emblemTyp: null,
  };
}

/** The row's fields as documents take them; the default's emblem (the folder's, or none) where the row has none. */
function uppgifter(rad: Brevhuvud, standard: Standard | undefined): BrevhuvudUppgifter {
  return {
    namn: rad.namn,
    besoksadress: rad.besoksadress,
    postadress: rad.postadress,
    telefon: rad.telefon,
    epost: rad.epost,
    webb: rad.webb,
    organisationsnummer: rad.organisationsnummer,
    farger: { primar: rad.primarfarg, accent: rad.accentfarg },
    etiketter: { vartDnr: rad.vartDnrEtikett, ertDnr: rad.ertDnrEtikett },
    emblem: rad.emblem && rad.emblemTyp ? emblemDataUrl({ typ: rad.emblemTyp, data: rad.emblem }) : standard!.emblem,
  };
}

function toResponse(rad: Brevhuvud | null, standard: Standard): BrevhuvudAdminResponse {
  const u = uppgifter(rad ?? (fromStandard('', standard) as Brevhuvud), standard);
  return {
    namn: u.namn,
    besoksadress: u.besoksadress,
    postadress: u.postadress,
    telefon: u.telefon,
    epost: u.epost,
    webb: u.webb,
    organisationsnummer: u.organisationsnummer,
    primarfarg: u.farger.primar,
    accentfarg: u.farger.accent,
    vartDnrEtikett: u.etiketter.vartDnr,
    ertDnrEtikett: u.etiketter.ertDnr,
    emblem: u.emblem,
    sparat: rad !== null,
    standardFran: standard.fran,
    version: rad?.version ?? 0,
    primarKontrast: Math.round(kontrastMotVitt(u.farger.primar) * 100) / 100,
  };
}
