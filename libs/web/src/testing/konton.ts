import type { AppConfig } from '@app/core';
import { kontoLank, mailTill } from '@app/mail/testing/konto-lankar';
import type { SmtpSink } from '@app/mail/testing/smtp-sink';
import { createOrganisation } from '@app/runtime';
import type { Page } from 'puppeteer-core';
import { clickButton } from './webblasare';

/** Region Exempel as the onboarding story creates it (organisationsnummer with its control digit). */
export const REGION_EXEMPEL = {
  namn: 'Region Exempel',
  orgnr: '232100-0016',
  adminNamn: 'Anna Admin',
  adminEpost: 'admin@region-exempel.se',
};

/** Onboards Region Exempel through the command (`npm run organisation`); answers the admin's invitation link. */
export async function onboardRegionExempel(
  config: AppConfig,
  location: { databaseUrl: string; redisUrl: string },
  sink: SmtpSink,
): Promise<{ rader: string[]; inbjudan: string }> {
  const rader = await createOrganisation(config, location, [
    `--namn=${REGION_EXEMPEL.namn}`,
    `--orgnr=${REGION_EXEMPEL.orgnr}`,
    '--typ=region',
    '--epost=region@exempel.se',
    '--adress=Box 1, 123 45 Exempelstad',
    `--admin-namn=${REGION_EXEMPEL.adminNamn}`,
    `--admin-epost=${REGION_EXEMPEL.adminEpost}`,
  ]);
  const mail = await mailTill(sink, REGION_EXEMPEL.adminEpost);
  return { rader, inbjudan: kontoLank(mail.text, 'inbjudan').path };
}

/** Chooses a password on a one-time link's page (`/inbjudan/…`, `/aterstall/…`). */
export async function choosePassword(page: Page, url: string, losenord: string): Promise<void> {
  await page.goto(url);
  await page.type('#losenord', losenord);
  await clickButton(page, 'Spara lösenordet');
}

/** Signs in on the sign-in page in a page of its own browser context. */
export async function signIn(page: Page, baseUrl: string, epost: string, losenord: string): Promise<void> {
  await page.goto(`${baseUrl}/logga-in`);
  await page.type('#epost', epost);
  await page.type('#losenord', losenord);
  await clickButton(page, 'Logga in');
}
