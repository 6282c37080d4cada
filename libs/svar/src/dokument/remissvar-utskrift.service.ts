import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dokumentFilnamn } from '@app/archive';
import { Actor } from '@app/auth';
import { BrevhuvudService } from '@app/brevhuvud';
import { Clock, stockholmDatum } from '@app/core';
import { Beslut, Remiss, Remissinstans, Remissvar, Synpunkt } from '@app/database';
import { NEUTRALT_BREVHUVUD, PdfRenderare, type RemissvarDokument } from '@app/pdf';
import { RemissRepository } from '@app/remiss';
import { DataSource, EntityManager } from 'typeorm';
import { requireRoll, LASA_UTKAST } from '../behorighet';
import { InstansMedRemiss, NamndInstansRepository } from '../instans/namnd-instans.repository';
import { RemissvarRepository } from '../remissvar.repository';
import { remissvarDokument } from './remissvar-dokument';

export type Brev = Pick<
  Remissvar,
  'organisationId' | 'typ' | 'titel' | 'inledning' | 'avslutning' | 'fotnoter' | 'stallning' | 'fragesvar'
>;

export interface Utskrift {
  dokument: RemissvarDokument;
  pdf: Buffer;
  filnamn: string;
}

/** Renders a remissvar as the letter it is: a preview of a draft at any time, or the final document. */
@Injectable()
export class RemissvarUtskrift {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly svar: RemissvarRepository,
    private readonly instanser: NamndInstansRepository,
    private readonly remisser: RemissRepository,
    private readonly pdf: PdfRenderare,
    private readonly brevhuvud: BrevhuvudService,
    private readonly clock: Clock,
  ) {}

  /** The PDF as it would look if sent now; only for those who may see the answer. */
  async preview(actor: Actor, id: string): Promise<Utskrift> {
    const svar = await this.svar.get(this.dataSource.manager, actor, id);
    requireRoll(actor, svar.enhetId, LASA_UTKAST, 'A preview');
    return this.print(this.dataSource.manager, svar, await this.instanser.forSvar(this.dataSource.manager, svar));
  }

  /** A stored answer, read with `manager` (the caller's transaction, when sending). */
  async print(
    manager: EntityManager,
    svar: Remissvar,
    lage: InstansMedRemiss,
    expedierasAv?: string,
  ): Promise<Utskrift> {
    return this.printBrev(
      manager,
      svar,
      await this.svar.synpunkter(manager, svar),
      await this.svar.beslut(manager, svar),
      lage,
      expedierasAv,
    );
  }

  /** Any letter of the instans, also one not stored yet (the declining letter is rendered before its row exists). */
  async printBrev(
    manager: EntityManager,
    svar: Brev,
    synpunkter: Synpunkt[],
    beslut: Beslut | null,
    { instans, remiss }: InstansMedRemiss,
    expedierasAv?: string,
  ): Promise<Utskrift> {
    const [organisation, enhet, handlingar, mottagare, uppgifter] = await Promise.all([
      this.instanser.organisation(manager, svar.organisationId),
      this.instanser.enhet(manager, instans.mottagareEnhetId),
      this.remisser.handlingar(manager, remiss.id),
      this.instanser.avsandare(manager, remiss, svar.organisationId),
      this.brevhuvud.forDokument(manager, svar.organisationId),
    ]);
    const dokument = remissvarDokument({
      kommun: organisation.slug,
      uppgifter,
      enhet: enhet.namn,
      datum: stockholmDatum(this.clock.now()),
      vartDnr: instans.mottagareDiarienummer ?? '',
      ertDnr: remiss.diarienummer,
      mottagare,
      svar,
      fragor: remiss.fragor,
      synpunkter,
      handlingar,
      beslut,
      expedierasAv,
    });
    return {
      dokument,
      pdf: await this.pdf.renderRemissvar(dokument),
      filnamn: dokumentFilnamn(remiss.diarienummer, instans.namn),
    };
  }

  /**
   * An external instans' answer, as the letter to render (`render`): read here, printed apart, so a
   * link request's connection slot is not held while Chromium prints. The platform keeps no
   * letterhead for the instans, and the sender's would say the sender wrote it: a neutral
   * letterhead with the instans' name, its own dnr, signed by its contact person.
   */
  async externtBrev(
    manager: EntityManager,
    svar: Remissvar,
    { instans, remiss }: { instans: Remissinstans; remiss: Remiss },
  ): Promise<Omit<Utskrift, 'pdf'>> {
    const [synpunkter, handlingar, mottagare] = await Promise.all([
      this.svar.synpunkter(manager, svar),
      this.remisser.handlingar(manager, remiss.id),
      // As an outsider names the sender (no organisation of the platform is the reader): organisation and enhet.
      this.instanser.avsandare(manager, remiss, ''),
    ]);
    const dokument = remissvarDokument({
      kommun: NEUTRALT_BREVHUVUD,
      enhet: instans.namn,
      datum: stockholmDatum(this.clock.now()),
      vartDnr: svar.egetDiarienummer ?? '',
      ertDnr: remiss.diarienummer,
      mottagare,
      svar,
      fragor: remiss.fragor,
      synpunkter,
      handlingar,
      beslut: null,
      ...(svar.kontaktpersonNamn ? { undertecknare: { namn: svar.kontaktpersonNamn, titel: instans.namn } } : {}),
    });
    return { dokument, filnamn: dokumentFilnamn(remiss.diarienummer, instans.namn) };
  }

  async render(brev: Omit<Utskrift, 'pdf'>): Promise<Utskrift> {
    return { ...brev, pdf: await this.pdf.renderRemissvar(brev.dokument) };
  }
}
