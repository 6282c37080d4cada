import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export type Mall = Handlebars.TemplateDelegate;

/**
 * The one Handlebars environment of the templates under TEMPLATES_DIR, documents (libs/pdf) and
 * e-mail (libs/mail) alike: an isolated Handlebars instance, how a template file is read and
 * compiled, and the escaping rule. It lives in core because mail may not depend on pdf (which
 * brings Chromium): both build on it. A `*.html.hbs` or document template escapes every value it
 * prints; a `*.text.hbs` (a mail's plain-text part) prints values as they are, since nothing
 * interprets its markup.
 */
export class Mallmiljo {
  private readonly hb = Handlebars.create();

  constructor(readonly katalog: string) {}

  helper(namn: string, helper: Handlebars.HelperDelegate): void {
    this.hb.registerHelper(namn, helper);
  }

  partial(namn: string, kalla: string): void {
    this.hb.registerPartial(namn, kalla);
  }

  /** Every `*.hbs` in `mapp` (under TEMPLATES_DIR) as a partial named `<prefix><file name>`. */
  partials(mapp: string, prefix = ''): void {
    const katalog = join(this.katalog, mapp);
    for (const fil of readdirSync(katalog).filter((f) => f.endsWith('.hbs')))
      this.partial(`${prefix}${basename(fil, '.hbs')}`, readFileSync(join(katalog, fil), 'utf8'));
  }

  /** A template file under TEMPLATES_DIR, e.g. `dokument/remissvar.hbs` or `epost/paminnelse.text.hbs`. */
  compile(sokvag: string): Mall {
    return this.hb.compile(readFileSync(join(this.katalog, sokvag), 'utf8'), {
      strict: false,
      preventIndent: true,
      noEscape: sokvag.endsWith('.text.hbs'),
    });
  }

  /** Marks text as already safe HTML (the font CSS a document embeds), so it is printed unescaped. */
  safe(html: string): Handlebars.SafeString {
    return new Handlebars.SafeString(html);
  }
}
