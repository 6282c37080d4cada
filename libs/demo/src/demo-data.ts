import { Logger } from '@nestjs/common';
import { hashPassword } from '@app/auth';
import { stockholmInstant } from '@app/core';
import {
  Anvandare,
  Anvandarroll,
  Arende,
  AuditEvent,
  Diarium,
  Enhet,
  EnhetTyp,
  Handling,
  Organisation,
  Remiss,
  Remissinstans,
  Roll,
} from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

/** The one password of every demo account; printed at start, never used outside demo data. */
export const DEMO_PASSWORD = 'remiss-demo-2025';

interface EnhetSeed {
  kortnamn: string;
  namn: string;
  typ: EnhetTyp;
  diarieformat?: string;
}

interface DemoUser {
  epost: string;
  namn: string;
  roller: [kortnamn: string, roll: Roll][];
}

const ENKOPING_ENHETER: EnhetSeed[] = [
  { kortnamn: 'KS', namn: 'Kommunstyrelsen', typ: 'styrelse' },
  { kortnamn: 'UN', namn: 'Utbildningsnämnden', typ: 'namnd' },
  { kortnamn: 'SN', namn: 'Socialnämnden', typ: 'namnd' },
  { kortnamn: 'TN', namn: 'Tekniska nämnden', typ: 'namnd' },
  { kortnamn: 'KFN', namn: 'Kultur- och fritidsnämnden', typ: 'namnd' },
  { kortnamn: 'BMN', namn: 'Bygg- och miljönämnden', typ: 'namnd' },
];

const VADSTENA_ENHETER: EnhetSeed[] = [
  { kortnamn: 'KS', namn: 'Kommunstyrelsen', typ: 'styrelse', diarieformat: '{prefix} {year}/{seq:4}' },
  { kortnamn: 'BUN', namn: 'Barn- och utbildningsnämnden', typ: 'namnd', diarieformat: '{prefix} {year}/{seq:4}' },
];

const ENKOPING_USERS: DemoUser[] = [
  { epost: 'remissansvarig@enkoping.demo', namn: 'Karin Lind', roller: [['KS', 'remissansvarig']] },
  { epost: 'un.sekreterare@enkoping.demo', namn: 'Anna Berg', roller: [['UN', 'namndsekreterare']] },
  { epost: 'un.handlaggare@enkoping.demo', namn: 'Erik Holm', roller: [['UN', 'handlaggare']] },
  { epost: 'sn.sekreterare@enkoping.demo', namn: 'Maria Ek', roller: [['SN', 'namndsekreterare']] },
  {
    epost: 'registrator@enkoping.demo',
    namn: 'Lars Strand',
    roller: ['KS', 'UN', 'SN', 'TN', 'KFN', 'BMN'].map((k) => [k, 'registrator'] as [string, Roll]),
  },
  { epost: 'admin@enkoping.demo', namn: 'Sara Nord', roller: [['KS', 'admin']] },
];

const VADSTENA_USERS: DemoUser[] = [
  { epost: 'remissansvarig@vadstena.demo', namn: 'Olof Vik', roller: [['KS', 'remissansvarig']] },
];

/** The platform operator (of the platform's own organisation, no enhet): creates organisations at /drift. */
export const DEMO_OPERATOR = { epost: 'drift@remissplattformen.demo', namn: 'Dana Drift' };

export const DEMO_LOGINS = [
  ...[...ENKOPING_USERS, ...VADSTENA_USERS].map((u) => ({
    epost: u.epost,
    roller: u.roller.map(([k, r]) => `${r} (${k})`).join(', '),
  })),
  { epost: DEMO_OPERATOR.epost, roller: 'plattformens operatör' },
];

/** Loads the demo tenants once; a database that already has them is left as it is. */
export async function loadDemoData(dataSource: DataSource): Promise<boolean> {
  const loaded = await dataSource.getRepository(Organisation).existsBy({ slug: 'enkoping' });
  if (loaded) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (m) => {
    const enkoping = await organisation(m, 'Enköpings kommun', 'enkoping', '212000-0290');
    const enkopingEnheter = await enheter(m, enkoping, ENKOPING_ENHETER, 'enkoping.se');
    await users(m, enkoping, enkopingEnheter, ENKOPING_USERS, passwordHash);
    const vadstena = await organisation(m, 'Vadstena kommun', 'vadstena', '212000-0530');
    const vadstenaEnheter = await enheter(m, vadstena, VADSTENA_ENHETER, 'vadstena.se');
    await users(m, vadstena, vadstenaEnheter, VADSTENA_USERS, passwordHash);
    await policyRemiss(m, enkoping, enkopingEnheter);
    await operator(m, passwordHash);
    await m.insert(AuditEvent, {
      organisationId: null,
      anvandareId: null,
      handelse: 'demodata_laddad',
      data: { organisationer: ['enkoping', 'vadstena'] },
    });
  });
  new Logger('DemoData').log('demo data loaded: Enköpings kommun and Vadstena kommun');
  return true;
}

/** The platform's own organisation (not a tenant: no enheter, not ansluten) and its operator. */
async function operator(m: EntityManager, passwordHash: string): Promise<void> {
  const { identifiers } = await m.insert(Organisation, {
    namn: 'Remissplattformen',
    slug: 'remissplattformen',
    typ: 'myndighet',
    organisationsnummer: null,
    epost: null,
    ansluten: false,
    plattform: true,
  });
  await m.insert(Anvandare, {
    organisationId: identifiers[0].id as string,
    epost: DEMO_OPERATOR.epost,
    namn: DEMO_OPERATOR.namn,
    losenordHash: passwordHash,
    aktiv: true,
    operator: true,
  });
}

async function organisation(
  m: EntityManager,
  namn: string,
  slug: string,
  organisationsnummer: string,
): Promise<Organisation> {
  const { identifiers } = await m.insert(Organisation, {
    namn,
    slug,
    typ: 'kommun',
    organisationsnummer,
    epost: `kommun@${slug}.se`,
    ansluten: true,
  });
  return m.findOneByOrFail(Organisation, { id: identifiers[0].id as string });
}

async function enheter(
  m: EntityManager,
  org: Organisation,
  seeds: EnhetSeed[],
  domain: string,
): Promise<Map<string, { enhet: Enhet; diarium: Diarium }>> {
  const byKortnamn = new Map<string, { enhet: Enhet; diarium: Diarium }>();
  for (const seed of seeds) {
    const enhet = await m.save(
      m.create(Enhet, {
        organisationId: org.id,
        namn: seed.namn,
        kortnamn: seed.kortnamn,
        typ: seed.typ,
        funktionsbrevlada: `${seed.kortnamn.toLowerCase()}@${domain}`,
      }),
    );
    const diarium = await m.save(
      m.create(Diarium, {
        organisationId: org.id,
        namn: `${seed.namn}s diarium`,
        prefix: seed.kortnamn,
        format: seed.diarieformat ?? '{prefix}{year}/{seq}',
      }),
    );
    // Enköping and Vadstena keep one diarium per enhet.
    await m.update(Enhet, { id: enhet.id }, { diariumId: diarium.id });
    enhet.diariumId = diarium.id;
    byKortnamn.set(seed.kortnamn, { enhet, diarium });
  }
  return byKortnamn;
}

async function users(
  m: EntityManager,
  org: Organisation,
  enheter: Map<string, { enhet: Enhet }>,
  seeds: DemoUser[],
  losenordHash: string,
): Promise<void> {
  for (const seed of seeds) {
    const user = await m.save(
      m.create(Anvandare, { organisationId: org.id, epost: seed.epost, namn: seed.namn, losenordHash, aktiv: true }),
    );
    await m.insert(
      Anvandarroll,
      seed.roller.map(([kortnamn, roll]) => ({ anvandareId: user.id, enhetId: enheter.get(kortnamn)!.enhet.id, roll })),
    );
  }
}

/** KS2025/118, sent 2025-03-20 to the five nämnder with svarsdatum 2025-05-15. */
async function policyRemiss(
  m: EntityManager,
  org: Organisation,
  enheter: Map<string, { enhet: Enhet; diarium: Diarium }>,
): Promise<void> {
  const ks = enheter.get('KS')!;
  const arendemening = 'Förslag till policy för digital omställning';
  const arende = await m.save(
    m.create(Arende, {
      organisationId: org.id,
      diariumId: ks.diarium.id,
      enhetId: ks.enhet.id,
      diarienummer: 'KS2025/118',
      ar: 2025,
      lopnummer: 118,
      arendemening,
      createdBy: null,
    }),
  );
  const sent = stockholmInstant('2025-03-20', 9);
  const remiss = await m.save(
    m.create(Remiss, {
      organisationId: org.id,
      avsandareEnhetId: ks.enhet.id,
      arendeId: arende.id,
      diarienummer: arende.diarienummer,
      arendemening,
      missiv:
        'Kommunstyrelsen har tagit fram ett förslag till policy för digital omställning och önskar synpunkter från nämnderna.',
      svarsdatum: '2025-05-15',
      kontaktpersonNamn: 'Karin Lind',
      kontaktpersonEpost: 'remissansvarig@enkoping.demo',
      kontaktpersonTelefon: '0171-62 50 00',
      fragor: [],
      status: 'utskickad',
      utskickadAt: sent,
      version: 1,
    }),
  );
  for (const kortnamn of ['UN', 'SN', 'TN', 'KFN', 'BMN']) {
    const { enhet } = enheter.get(kortnamn)!;
    await m.insert(Remissinstans, {
      organisationId: org.id,
      remissId: remiss.id,
      namn: enhet.namn,
      mottagareOrganisationId: org.id,
      mottagareEnhetId: enhet.id,
      status: 'inbjuden',
      svarsdatum: remiss.svarsdatum,
      version: 1,
    });
  }
  await m.insert(Handling, {
    organisationId: org.id,
    arendeId: arende.id,
    lopnummer: 1,
    riktning: 'utgaende',
    datum: '2025-03-20',
    motpart: 'UN, SN, TN, KFN, BMN',
    beskrivning: `Remiss: ${arendemening}`,
    registreradAv: null,
  });
}
