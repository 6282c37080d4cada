import { Logger } from '@nestjs/common';
import { hashPassword } from '@app/auth';
import { addDays, stockholmDatum, stockholmInstant, workingDayOnOrAfter } from '@app/core';
import { createHash } from 'node:crypto';
import {
  Anvandare,
  Anvandarroll,
  Arende,
  AuditEvent,
  Diarium,
  Enhet,
  EnhetTyp,
  Fil,
  Handling,
  Organisation,
  Organisationskoppling,
  Remiss,
  Remisshandling,
  RemisshandlingSida,
  Remissinstans,
  Roll,
} from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { AI_STRATEGI_PDF, AI_STRATEGI_SIDOR } from './handlingar/vadstena-ai-strategi';

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
  // A nämndsekreterare for every other nämnd, so each inkorg can be tried.
  { epost: 'tn.sekreterare@enkoping.demo', namn: 'Johan Ström', roller: [['TN', 'namndsekreterare']] },
  { epost: 'kfn.sekreterare@enkoping.demo', namn: 'Lena Åberg', roller: [['KFN', 'namndsekreterare']] },
  { epost: 'bmn.sekreterare@enkoping.demo', namn: 'Per Sjö', roller: [['BMN', 'namndsekreterare']] },
];

const VADSTENA_USERS: DemoUser[] = [
  { epost: 'remissansvarig@vadstena.demo', namn: 'Olof Vik', roller: [['KS', 'remissansvarig']] },
  { epost: 'bun.sekreterare@vadstena.demo', namn: 'Ida Falk', roller: [['BUN', 'namndsekreterare']] },
  { epost: 'admin@vadstena.demo', namn: 'Nils Dahl', roller: [['KS', 'admin']] },
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
    const enkoping = await organisation(m, 'Enköpings kommun', 'enkoping', '212000-0274');
    const enkopingEnheter = await enheter(m, enkoping, ENKOPING_ENHETER, 'enkoping.se');
    await users(m, enkoping, enkopingEnheter, ENKOPING_USERS, passwordHash);
    const vadstena = await organisation(m, 'Vadstena kommun', 'vadstena', '212000-0522');
    const vadstenaEnheter = await enheter(m, vadstena, VADSTENA_ENHETER, 'vadstena.se');
    await users(m, vadstena, vadstenaEnheter, VADSTENA_USERS, passwordHash);
    await policyRemiss(m, enkoping, enkopingEnheter);
    await operator(m, passwordHash);
    // Enköping takes remisser from Vadstena (its admin's page /admin/kopplingar shows it).
    await m.insert(Organisationskoppling, {
      avsandareOrganisationId: vadstena.id,
      mottagareOrganisationId: enkoping.id,
    });
    await aiStrategiRemiss(m, vadstena, vadstenaEnheter, enkoping, enkopingEnheter);
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

/**
 * Vadstena's AI-strategi på remiss, sent the day the demo is loaded with a svarsdatum six weeks on:
 * to its own Barn- och utbildningsnämnd and to three of Enköping's nämnder (UN and SN keep only
 * KS2025/118, which the tests count on). The remisshandling is the real document (a PDF made once
 * from ../shared/seeds/vadstena-ai-strategi.md) with its text per page, so quotes can be checked.
 */
async function aiStrategiRemiss(
  m: EntityManager,
  org: Organisation,
  enheter: Map<string, { enhet: Enhet; diarium: Diarium }>,
  mottagare: Organisation,
  mottagarEnheter: Map<string, { enhet: Enhet }>,
): Promise<void> {
  const ks = enheter.get('KS')!;
  const now = new Date();
  const idag = stockholmDatum(now);
  const ar = Number(idag.slice(0, 4));
  const arendemening = 'Remiss av AI-strategi för Vadstena kommun';
  const arende = await m.save(
    m.create(Arende, {
      organisationId: org.id,
      diariumId: ks.diarium.id,
      enhetId: ks.enhet.id,
      diarienummer: `KS ${ar}/0042`,
      ar,
      lopnummer: 42,
      arendemening,
      createdBy: null,
    }),
  );
  const remiss = await m.save(
    m.create(Remiss, {
      organisationId: org.id,
      avsandareEnhetId: ks.enhet.id,
      arendeId: arende.id,
      diarienummer: arende.diarienummer,
      arendemening,
      missiv:
        'Kommunstyrelsen i Vadstena kommun har tagit fram ett förslag till AI-strategi och skickar det på remiss.\n\nVi vill särskilt veta hur strategins styrprinciper passar er verksamhet, och vilka risker ni ser med AI i myndighetsutövning. Synpunkter på samverkan med grannkommuner är också välkomna.',
      svarsdatum: workingDayOnOrAfter(addDays(idag, 42)),
      kontaktpersonNamn: 'Olof Vik',
      kontaktpersonEpost: 'remissansvarig@vadstena.demo',
      kontaktpersonTelefon: '0143-150 00',
      fragor: [
        { nummer: 1, text: 'Ger styrprinciperna tillräcklig vägledning för er verksamhets arbete med AI?' },
        { nummer: 2, text: 'Vilka risker ser ni med AI i myndighetsutövning, och hur bör strategin möta dem?' },
      ],
      status: 'utskickad',
      utskickadAt: now,
      version: 1,
    }),
  );
  const { identifiers } = await m.insert(Fil, {
    organisationId: org.id,
    filnamn: 'AI-strategi-Vadstena-kommun.pdf',
    mimetyp: 'application/pdf',
    storlek: AI_STRATEGI_PDF.length,
    sha256: createHash('sha256').update(AI_STRATEGI_PDF).digest('hex'),
    data: AI_STRATEGI_PDF,
  });
  const handling = await m.save(
    m.create(Remisshandling, {
      organisationId: org.id,
      remissId: remiss.id,
      titel: 'AI-strategi för Vadstena kommun',
      filId: identifiers[0].id as string,
      sidantal: AI_STRATEGI_SIDOR.length,
      ordning: 1,
    }),
  );
  await m.insert(
    RemisshandlingSida,
    AI_STRATEGI_SIDOR.map((text, i) => ({ remisshandlingId: handling.id, sidnummer: i + 1, text })),
  );
  const instanser = [
    { namn: enheter.get('BUN')!.enhet.namn, organisation: org, enhet: enheter.get('BUN')!.enhet },
    ...['TN', 'KFN', 'BMN'].map((k) => {
      const enhet = mottagarEnheter.get(k)!.enhet;
      return { namn: `${mottagare.namn}, ${enhet.namn}`, organisation: mottagare, enhet };
    }),
  ];
  for (const i of instanser)
    await m.insert(Remissinstans, {
      organisationId: org.id,
      remissId: remiss.id,
      namn: i.namn,
      mottagareOrganisationId: i.organisation.id,
      mottagareEnhetId: i.enhet.id,
      status: 'inbjuden',
      svarsdatum: remiss.svarsdatum,
      version: 1,
    });
  await m.insert(Handling, {
    organisationId: org.id,
    arendeId: arende.id,
    lopnummer: 1,
    riktning: 'utgaende',
    datum: idag,
    motpart: instanser.map((i) => i.namn).join('; '),
    beskrivning: `Remiss: ${arendemening}`,
    registreradAv: null,
  });
}
