import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Datum, enhetMedOrganisation, PlattformsLankar, stockholmDatum } from '@app/core';
import { preparedQuery } from '@app/database';
import { ExternLankService } from '@app/lankar';
import { Epost, EpostMallar, Mailer, messageIdFor, sendAsUtfall } from '@app/mail';
import { UtkorgJobb, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { paminnelsebrev } from './brev/paminnelsebrev';
import { PaminnelseRepository } from './paminnelse.repository';
import { PaminnelseregelRepository } from './paminnelseregel.repository';
import { isForsenad, nastaVeckopaminnelse, Regel } from './schema/paminnelseschema';

/** Why a reminder is not sent: cancelled, or failed for good. */
type Inte = Extract<UtkorgUtfall, { utfall: 'avbruten' | 'misslyckad' }>;

/** What is made of a claimed reminder: its mail, or why it is not sent. */
type Forfattat = { epost: Epost } | Inte;

interface Underlag {
  id: string;
  typ: string;
  svarsdatum: Datum;
  due_at: Date;
  organisation_id: string;
  remissinstans_id: string;
  instans_status: string;
  instans_svarsdatum: Datum;
  instans_namn: string;
  extern_epost: string | null;
  /** The sender revoked the external instans' link (and has not issued a new one). */
  lank_aterkallad: boolean;
  /** A later reminder of the instans for the same svarsdatum is due too (the worker was down, or Redis lost the jobs). */
  senare_forfallen: boolean;
  mottagare_enhet_id: string | null;
  mottagare_diarienummer: string | null;
  remiss_status: string;
  diarienummer: string;
  arendemening: string;
  kontaktperson_namn: string | null;
  kontaktperson_epost: string | null;
  kontaktperson_telefon: string | null;
  avsandare_enhet: string | null;
  avsandare_organisation: string;
  avsandare_funktionsbrevlada: string | null;
  funktionsbrevlada: string | null;
  handlaggare_epost: string | null;
  organisation_epost: string | null;
}

/** Reminders as a kind of the outbox: who gets one, what it says, sending it, and the weekly chain. */
@Injectable()
export class PaminnelseKind implements UtkorgTyp, OnModuleInit {
  readonly namn = 'paminnelse';
  readonly tabell = 'paminnelse' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly typer: UtkorgTyper,
    private readonly paminnelser: PaminnelseRepository,
    private readonly regler: PaminnelseregelRepository,
    private readonly externLankar: ExternLankService,
    private readonly plattform: PlattformsLankar,
    private readonly mailer: Mailer,
    private readonly mallar: EpostMallar,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.typer.register(this);
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const brev = await this.compose(ids);
    const utfall = await Promise.all(
      [...brev].map(async ([id, b]): Promise<[string, UtkorgUtfall]> => [
        id,
        'epost' in b ? await sendAsUtfall(this.mailer, b.epost) : b,
      ]),
    );
    return new Map(utfall);
  }

  /** The mails of claimed reminders, or why a reminder is not sent. */
  private async compose(ids: string[]): Promise<Map<string, Forfattat>> {
    const underlag = await preparedQuery<Underlag>(
      this.dataSource,
      `SELECT p.id, p.typ, p.svarsdatum::text AS svarsdatum, p.due_at, p.organisation_id, p.remissinstans_id,
              i.status AS instans_status, i.svarsdatum::text AS instans_svarsdatum, i.namn AS instans_namn, i.extern_epost, i.lank_aterkallad_at IS NOT NULL AS lank_aterkallad,
              EXISTS (SELECT 1 FROM paminnelse q WHERE q.remissinstans_id = p.remissinstans_id AND q.svarsdatum = p.svarsdatum
                         AND q.due_at > p.due_at AND q.due_at <= $2) AS senare_forfallen, i.mottagare_enhet_id, i.mottagare_diarienummer,
              r.status AS remiss_status, r.diarienummer, r.arendemening, r.kontaktperson_namn, r.kontaktperson_epost, r.kontaktperson_telefon,
              ae.namn AS avsandare_enhet, o.namn AS avsandare_organisation, ae.funktionsbrevlada AS avsandare_funktionsbrevlada, me.funktionsbrevlada, h.epost AS handlaggare_epost, mo.epost AS organisation_epost
         FROM paminnelse p
         JOIN remissinstans i ON i.id = p.remissinstans_id
         JOIN remiss r ON r.id = i.remiss_id
         JOIN organisation o ON o.id = r.organisation_id
         LEFT JOIN enhet ae ON ae.id = r.avsandare_enhet_id
         LEFT JOIN enhet me ON me.id = i.mottagare_enhet_id
         LEFT JOIN anvandare h ON h.id = i.handlaggare_id AND h.aktiv
         LEFT JOIN organisation mo ON mo.id = i.mottagare_organisation_id AND i.mottagare_enhet_id IS NULL
        WHERE p.id = ANY($1::uuid[])`,
      [ids, this.clock.now()],
    );
    const beslut = new Map(underlag.map((u) => [u.id, this.mottagare(u)]));
    // A revoked link stays revoked: no fresh one for that instans (issueForReminders re-checks it, and the address, under lock).
    const externa = underlag.filter((u) => {
      const b = beslut.get(u.id)!;
      return 'till' in b && b.extern && !u.lank_aterkallad;
    });
    const lankar = await this.externLankar.issueForReminders(
      this.dataSource.manager,
      externa.map((u) => ({
        organisationId: u.organisation_id,
        remissinstansId: u.remissinstans_id,
        svarsdatum: u.svarsdatum,
        epost: u.extern_epost!,
      })),
    );
    const externLank = new Map(externa.map((u, i) => [u.id, lankar[i]]));
    return new Map(
      underlag.map((u): [string, Forfattat] => {
        const b = beslut.get(u.id)!;
        if (!('till' in b)) return [u.id, b];
        const lank = b.extern ? (externLank.get(u.id) ?? null) : this.plattform.instans(u.remissinstans_id);
        return [u.id, this.brev(u, stockholmDatum(u.due_at), b.till, lank, b.extern)];
      }),
    );
  }

  /** Whether the reminder still goes out, and to whom: the nämnd's mailbox and handläggare, or the external address. */
  private mottagare(u: Underlag): { till: string[]; extern: boolean } | Inte {
    if (u.instans_status === 'besvarad' || u.instans_status === 'avstar')
      return {
        utfall: 'avbruten',
        orsak: `remissinstansen har ${u.instans_status === 'besvarad' ? 'svarat' : 'avstått'}`,
      };
    if (u.remiss_status !== 'utskickad') return { utfall: 'avbruten', orsak: `remissen är ${u.remiss_status}` };
    if (u.svarsdatum !== u.instans_svarsdatum)
      return { utfall: 'avbruten', orsak: `svarsdatum är ändrat till ${u.instans_svarsdatum}` };
    // After an outage only the latest reminder that fell due goes out: "10 arbetsdagar kvar" would
    // otherwise arrive, with three more, after the svarsdatum it counts down to.
    if (u.senare_forfallen) return { utfall: 'avbruten', orsak: 'en senare påminnelse har redan förfallit' };
    const extern = !!u.extern_epost && !u.mottagare_enhet_id;
    const till = unika(extern ? [u.extern_epost] : [u.funktionsbrevlada ?? u.organisation_epost, u.handlaggare_epost]);
    return till.length ? { till, extern } : { utfall: 'misslyckad', orsak: 'mottagaren saknar e-postadress' };
  }

  private brev(u: Underlag, datum: Datum, till: string[], lank: string | null, personligLank: boolean): Forfattat {
    const avsandare = enhetMedOrganisation(u.avsandare_enhet, u.avsandare_organisation);
    const brev = paminnelsebrev({
      typ: u.typ,
      datum,
      svarsdatum: u.svarsdatum,
      arendemening: u.arendemening,
      diarienummer: u.diarienummer,
      avsandare,
      instans: u.instans_namn,
      egetDiarienummer: u.mottagare_diarienummer,
      lank,
      personligLank,
      kontaktperson: { namn: u.kontaktperson_namn, epost: u.kontaktperson_epost, telefon: u.kontaktperson_telefon },
    });
    const kopia = isForsenad(u.typ) ? unika([u.kontaktperson_epost]).filter((k) => !till.includes(k)) : [];
    return {
      epost: this.mallar.render({
        to: till,
        cc: kopia.length ? kopia : undefined,
        avsandarnamn: avsandare,
        // Questions about the remiss go to its kontaktperson, as the mail says.
        replyTo: u.kontaktperson_epost ?? u.avsandare_funktionsbrevlada ?? undefined,
        ...brev,
        messageId: messageIdFor('paminnelse', u.id),
      }),
    };
  }

  /** After a försenad or weekly reminder is sent, the next weekly one is planned in the same transaction. */
  async afterPerformed(m: EntityManager, ids: string[]): Promise<UtkorgJobb[]> {
    const sanda = await preparedQuery<{
      typ: string;
      svarsdatum: Datum;
      due_at: Date;
      organisation_id: string;
      remissinstans_id: string;
    }>(
      m,
      `SELECT p.typ, p.svarsdatum::text AS svarsdatum, p.due_at, p.organisation_id, p.remissinstans_id FROM paminnelse p
         JOIN remissinstans i ON i.id = p.remissinstans_id JOIN remiss r ON r.id = i.remiss_id
        WHERE p.id = ANY($1::uuid[]) AND p.typ ~ '^(efter|vecka)_' AND i.status NOT IN ('besvarad', 'avstar') AND r.status = 'utskickad'`,
      [ids],
    );
    if (!sanda.length) return [];
    const regler = new Map<string, readonly Regel[]>();
    for (const org of new Set(sanda.map((s) => s.organisation_id)))
      regler.set(org, (await this.regler.getVersioned(m, org)).regler);
    const nasta = sanda.flatMap((s) => {
      const t = nastaVeckopaminnelse(s.svarsdatum, regler.get(s.organisation_id)!, s.typ, s.due_at);
      return t
        ? [
            {
              id: randomUUID(),
              organisationId: s.organisation_id,
              remissinstansId: s.remissinstans_id,
              typ: t.typ,
              svarsdatum: s.svarsdatum,
              dueAt: t.dueAt,
            },
          ]
        : [];
    });
    const nya = await this.paminnelser.upsert(m, nasta);
    return nya.map((t) => ({ typ: this.namn, id: t.id, at: t.due_at }));
  }
}

const unika = (adresser: (string | null)[]): string[] => [
  ...new Set(adresser.filter((a): a is string => !!a).map((a) => a.toLowerCase())),
];
