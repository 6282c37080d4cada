import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { KontonModule, NyOrganisationDto, OnboardingService } from '@app/auth';
import { apiValidationPipe, AppConfig, devMailSink, DomainError, formatTidpunkt, loadConfig } from '@app/core';
import { provideInfrastructure, runMigrations } from '@app/database';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commonModules } from './common-modules';

/** The options of `npm run organisation -- …`, each a field of the operator's form. */
const FLAGGOR = {
  namn: 'namn',
  orgnr: 'organisationsnummer',
  typ: 'typ',
  epost: 'epost',
  adress: 'adress',
  enhet: 'enhetNamn',
  kortnamn: 'enhetKortnamn',
  'admin-namn': 'adminNamn',
  'admin-epost': 'adminEpost',
} as const satisfies Record<string, keyof NyOrganisationDto>;

/** The first enhet when none is named: the organisation's styrelse. */
const STYRELSE: Record<string, [string, string]> = {
  kommun: ['Kommunstyrelsen', 'KS'],
  region: ['Regionstyrelsen', 'RS'],
  myndighet: ['Ledningen', 'LED'],
  forening: ['Styrelsen', 'STY'],
};

export const ORGANISATION_USAGE = `npm run organisation -- --namn "Region Exempel" --orgnr 232100-0016 --typ region \\
  --epost region@exempel.se --adress "Box 1, 123 45 Exempelstad" --admin-namn "Anna Admin" --admin-epost admin@exempel.se \\
  [--enhet Regionstyrelsen --kortnamn RS]`;

@Module({})
class OrganisationCommandModule {
  static forRoot(config: AppConfig, location: { databaseUrl: string; redisUrl: string }): DynamicModule {
    return { module: OrganisationCommandModule, imports: [...commonModules(config, location), KontonModule] };
  }
}

/**
 * Creates an organisation, its first enhet and admin as the operator's page does (OnboardingService), and
 * prints what it made. The invitation mail is stored in the outbox; a running platform (its reminder-worker)
 * sends it. Answers the lines to print; a refusal is a DomainError with its Swedish text.
 */
export async function createOrganisation(
  config: AppConfig,
  location: { databaseUrl: string; redisUrl: string },
  argv: string[],
): Promise<string[]> {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.keys(FLAGGOR).map((k) => [k, { type: 'string' as const }])),
    strict: true,
  });
  const [enhetNamn, kortnamn] = STYRELSE[values.typ ?? ''] ?? ['Styrelsen', 'STY'];
  const body: Record<string, string | undefined> = { enhetNamn, enhetKortnamn: kortnamn };
  for (const [flagga, falt] of Object.entries(FLAGGOR)) if (values[flagga] !== undefined) body[falt] = values[flagga];
  const dto = (await apiValidationPipe().transform(body, {
    type: 'body',
    metatype: NyOrganisationDto,
  })) as NyOrganisationDto;
  // The command only stores the mail; it must not take the development mail sink's port from a running platform.
  const egen = devMailSink(config) ? { ...config, DEV_SMTP_PORT: 0 } : config;
  const app = await NestFactory.createApplicationContext(OrganisationCommandModule.forRoot(egen, location), {
    logger: ['error', 'warn'],
  });
  try {
    const skapad = await app.get(OnboardingService).create(null, dto);
    const o = skapad.organisation;
    return [
      `Organisationen ${o.namn} är skapad (${o.typ}, organisationsnummer ${o.organisationsnummer}, id ${o.id}).`,
      `Första enheten: ${skapad.enhetNamn} (id ${skapad.enhetId}).`,
      `Diarium: ${skapad.diarium.namn}, första diarienumret ${skapad.diarium.exempel}.`,
      brevhuvudRad(config, o.slug),
      `Administratör: ${skapad.adminEpost} (id ${skapad.adminId}), inbjuden med en länk som gäller till ${formatTidpunkt(skapad.inbjudanGiltigTill)}.`,
      'Inbjudan ligger i utkorgen och skickas av plattformens reminder-worker.',
    ];
  } finally {
    await app.close();
  }
}

/** Which letterhead the organisation's documents print until its admin saves one on /admin/brevhuvud. */
function brevhuvudRad(config: AppConfig, slug: string): string {
  const mapp = join(config.TEMPLATES_DIR, 'kommuner', slug);
  return existsSync(mapp)
    ? `Brevhuvud: mallen i ${mapp}/ tills administratören sparar ett eget på /admin/brevhuvud.`
    : 'Brevhuvud: det allmänna, med organisationens namn, adress och organisationsnummer och utan emblem, tills administratören sparar ett eget och laddar upp emblemet på /admin/brevhuvud.';
}

/** `node main.js organisation --namn … `: the command of `npm run organisation`; exits 1 with the Swedish reason. */
export async function runOrganisationCommand(argv: string[]): Promise<void> {
  const config = loadConfig(process.env);
  const infrastructure = await provideInfrastructure(config);
  try {
    if (config.MIGRATE_ON_START) await runMigrations(infrastructure.databaseUrl);
    for (const rad of await createOrganisation(config, infrastructure, argv)) console.log(rad);
  } catch (e) {
    if (e instanceof DomainError) {
      const falt = e.fel?.map((f) => `  ${f.falt}: ${f.meddelande}`) ?? [];
      console.error([e.svenska, ...falt, '', `Så här: ${ORGANISATION_USAGE}`].join('\n'));
      process.exitCode = 1;
    } else if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${e.message}\n\nSå här: ${ORGANISATION_USAGE}`);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await infrastructure.stop();
  }
}
