import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, statusnamn, stockholmDatum, stockholmWallClock, Tillstandsmaskin } from '@app/core';
import nunjucks from 'nunjucks';
import { dirname, join, resolve } from 'node:path';

/** govuk-frontend's Nunjucks macros (`govuk/components/…/macro.njk`) live in its dist folder. */
const GOVUK_FRONTEND = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/** The roles as the pages name them. */
const ROLLNAMN: Record<string, string> = {
  remissansvarig: 'remissansvarig',
  namndsekreterare: 'nämndsekreterare',
  handlaggare: 'handläggare',
  registrator: 'registrator',
  admin: 'administratör',
};

const tvaSiffror = (n: number) => String(n).padStart(2, '0');

/** "2025-05-15 kl. 23.59" in Stockholm's time, as Swedish authorities write a moment. */
export function datumOchTid(instant: Date | string): string {
  const t = stockholmWallClock(new Date(instant));
  const datum = t.toISOString().slice(0, 10);
  return `${datum} kl. ${tvaSiffror(t.getUTCHours())}.${tvaSiffror(t.getUTCMinutes())}`;
}

/** A form field's id from its path in the request (`synpunkter.0.text` → `synpunkter-0-text`): error summaries link to it. */
export const faltId = (falt: string) => falt.replace(/[^A-Za-z0-9_-]+/g, '-');

/**
 * The pages' template engine: Nunjucks, because govuk-frontend's components are Nunjucks macros
 * (header, error summary, tables, date inputs…) and using them as they are keeps their markup and
 * accessibility fixes current with the design system; Handlebars stays the engine of documents and
 * mails (docs/architecture.md). Templates under TEMPLATES_DIR/webb; every value is escaped.
 */
@Injectable()
export class Sidmallar {
  private readonly env: nunjucks.Environment;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Compiled once per process: recompiling govuk-frontend's macros on every page cost ~0.5 s of CPU.
    const loader = new nunjucks.FileSystemLoader([resolve(config.TEMPLATES_DIR, 'webb'), GOVUK_FRONTEND]);
    this.env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
    this.env.addFilter('datumtid', (v: Date | string | null | undefined) => (v ? datumOchTid(v) : ''));
    this.env.addFilter('datum', (v: Date | string | null | undefined) => (v ? stockholmDatum(new Date(v)) : ''));
    // `status | statusnamn('remissinstans')` → "under beredning": the display names of libs/core, never the raw value.
    this.env.addFilter('statusnamn', (status: string, maskin: Tillstandsmaskin) => statusnamn(maskin, status as never));
    this.env.addFilter('faltId', (v: string) => faltId(v));
    this.env.addFilter('rollnamn', (roller: string[]) => roller.map((r) => ROLLNAMN[r] ?? r).join(', '));
  }

  render(mall: string, data: Record<string, unknown>): string {
    return this.env.render(mall, data);
  }
}
