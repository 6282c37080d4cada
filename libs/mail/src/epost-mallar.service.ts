import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Mall, Mallmiljo } from '@app/core';
import { join } from 'node:path';
import { Epost } from './mailer.service';

/** The mails of templates/epost: each has a `<namn>.text.hbs` and a `<namn>.html.hbs`. */
export const EPOSTMALLAR = [
  'paminnelse',
  'remiss-utskick',
  'remiss-anstand',
  'remiss-aterkallelse',
  'externt-svar',
  'extern-kvittens',
  'remissvar',
  'konto-inbjudan',
  'konto-aterstallning',
  // Remissuppföljning (#14): a handling added to a sent remiss, and a remiss avslutad.
  'remiss-komplettering',
  'remiss-avslutad',
] as const;
export type Epostmall = (typeof EPOSTMALLAR)[number];

/** A mail whose body is a template of templates/epost with its values, rendered when it is stored. */
export interface MallEpost extends Omit<Epost, 'text' | 'html' | 'bilagor'> {
  mall: Epostmall;
  data: object;
}

/**
 * Renders e-mail bodies from templates/epost (TEMPLATES_DIR) in the templates' shared environment
 * (`Mallmiljo`): the HTML part escapes every value, so user text (an ärendemening, a skäl) can never
 * become markup; the text part prints it as written. Templates are read once, at start-up.
 */
@Injectable()
export class EpostMallar {
  private readonly mallar: Map<Epostmall, { text: Mall; html: Mall }>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.mallar = loadMallar(config.TEMPLATES_DIR);
  }

  render(epost: MallEpost): Epost {
    const { mall, data, ...rest } = epost;
    const delar = this.mallar.get(mall)!;
    // Handlebars leaves the template's last line break (and blank lines of skipped blocks at the end).
    return { ...rest, text: delar.text(data).trimEnd(), html: delar.html(data).trimEnd() };
  }
}

function loadMallar(katalog: string): Map<Epostmall, { text: Mall; html: Mall }> {
  const miljo = new Mallmiljo(katalog);
  miljo.partials(join('epost', 'partials'), 'epost-');
  return new Map(
    EPOSTMALLAR.map((namn) => [
      namn,
      {
        text: miljo.compile(join('epost', `${namn}.text.hbs`)),
        html: miljo.compile(join('epost', `${namn}.html.hbs`)),
      },
    ]),
  );
}
