import { AppConfig, addDays, Datum, deadlineEnd } from '@app/core';

/** A personal link works until 30 days after the instans' svarsdatum (late answers are still welcome). */
export const LANK_DAGAR_EFTER_SVARSDATUM = 30;

export function lankGiltigTill(svarsdatum: Datum): Date {
  return deadlineEnd(addDays(svarsdatum, LANK_DAGAR_EFTER_SVARSDATUM));
}

export function plattformsUrl(config: AppConfig): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
}

/** The address in the invitation mail: the external API reads the token from the path. */
export function externLank(config: AppConfig, token: string): string {
  return `${plattformsUrl(config)}/api/extern/${token}`;
}
