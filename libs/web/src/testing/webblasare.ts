import { findChromium } from '@app/pdf';
import { HtmlValidate } from 'html-validate';
import { readFileSync } from 'node:fs';
import puppeteer, { Browser, Page } from 'puppeteer-core';

/** A real headless Chromium for page tests, as a user's browser: a profile of its own per context. */
export function startBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChromium(undefined),
    headless: true,
    pipe: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
    ],
  });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, the level DOS-lagen requires. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // govuk-frontend's own markup choices, which its maintainers test with assistive technology.
    'no-inline-style': 'off',
    'prefer-native-element': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    'no-redundant-role': 'off',
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    'element-required-attributes': 'error',
    'long-title': 'off',
    'heading-level': 'off',
  },
});

export interface Sidfynd {
  axe: string[];
  html: string[];
  konsol: string[];
}

/** Page errors and refused loads (a CSP violation shows here) of a page, collected from its first load. */
export function watchConsole(page: Page): string[] {
  const fel: string[] = [];
  page.on('console', (m) => {
    // A page answered 404 or 403 on purpose reports its own status as a failed load.
    if (m.type() === 'error' && m.location().url !== page.url()) fel.push(m.text());
  });
  page.on('pageerror', (e) => fel.push(String(e)));
  return fel;
}

/**
 * What a reviewer of a page's state checks: axe-core's WCAG 2.1 A/AA violations (run through the
 * DevTools protocol, which the page's CSP does not govern), the HTML's validity, and errors in
 * the console since the last check. Empty lists: the state passes.
 */
export async function inspectPage(page: Page, konsol: string[] = []): Promise<Sidfynd> {
  await page.evaluate(AXE_SOURCE);
  const resultat = await page.evaluate(
    (taggar) =>
      (
        globalThis as unknown as {
          axe: { run: (ctx: unknown, opt: unknown) => Promise<{ violations: unknown[] }> };
        }
      ).axe.run((globalThis as unknown as { document: unknown }).document, {
        runOnly: { type: 'tag', values: taggar },
      }),
    WCAG_21_AA,
  );
  const axe = (resultat.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  const report = await htmlValidate.validateString(await page.content());
  const html = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (rad ${m.line})`));
  const fynd = { axe, html, konsol: konsol.splice(0) };
  return fynd;
}

/** Asserts a page state has no finding, naming the state in the failure. */
export async function expectAccessible(page: Page, tillstand: string, konsol?: string[]): Promise<void> {
  const fynd = await inspectPage(page, konsol);
  const alla = [...fynd.axe.map((f) => `axe ${f}`), ...fynd.html.map((f) => `html ${f}`), ...fynd.konsol];
  if (alla.length) throw new Error(`${tillstand} (${page.url()}):\n  ${alla.join('\n  ')}`);
}

/** The visible text of the page's main content, as a reader sees it. */
export const mainText = (page: Page) => page.$eval('main', (m) => (m as unknown as { innerText: string }).innerText);

/** Submits a form by clicking its button with the given text, and waits for the page it leads to. */
export async function clickButton(page: Page, text: string): Promise<void> {
  const knapp = await page.waitForSelector(`::-p-xpath(//button[normalize-space()="${text}"])`);
  await Promise.all([page.waitForNavigation(), knapp!.click()]);
}

/**
 * Follows the first link with the given text (its visually hidden part included: what a screen
 * reader announces) anywhere on the page, menu and back link too, and waits for its page.
 */
export async function clickLink(page: Page, text: string): Promise<void> {
  const lank = await page.waitForSelector(`::-p-xpath(//a[normalize-space()="${text}"])`);
  await Promise.all([page.waitForNavigation(), lank!.click()]);
}

/** The notification banner's text (what the last action reports), its white space as one space. */
export const bannerText = (page: Page) =>
  page.$eval('.govuk-notification-banner', (b) =>
    (b as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim(),
  );

/** The rows of a table as a reader sees them: each row's text, its white space as one space. */
export const tableRows = (page: Page, table: string) =>
  page.$$eval(`${table} tbody tr`, (trs) =>
    trs.map((tr) => (tr as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
  );

/** Chooses a file in a file field, as a user does in the file dialog. */
export async function chooseFile(page: Page, selector: string, fil: string): Promise<void> {
  const falt = await page.$(selector);
  await (falt as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(fil);
}
