// npx ts-node -P scripts/tsconfig.json scripts/render-demo-handling.ts <seed.md>
// Prints Vadstena kommun's AI-strategi (../shared/seeds/vadstena-ai-strategi.md) once as the PDF
// the demo remiss carries (libs/demo/src/handlingar/), with its text per page as pdftotext reads
// it, so loading the demo data needs no Chromium. Run again only when the seed changes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium } from '@app/pdf';

const UT = join(__dirname, '../libs/demo/src/handlingar');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The seed's bits of markup: **bold** and <b>bold</b>. */
const inline = (s: string) =>
  escape(s)
    .replace(/&lt;b&gt;(.*?)&lt;\/b&gt;/g, '<b>$1</b>')
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>');

function sida(md: string): string {
  const html: string[] = [];
  for (const rad of md.split('\n').map((r) => r.trimEnd())) {
    if (!rad.trim()) continue;
    const rubrik = /^(#{1,4}) (.*)$/.exec(rad);
    if (rubrik) html.push(`<h${rubrik[1].length}>${inline(rubrik[2])}</h${rubrik[1].length}>`);
    else if (rad.includes('\t'))
      html.push(
        `<div class="rad">${rad
          .split('\t')
          .map((c) => `<span>${inline(c)}</span>`)
          .join('')}</div>`,
      );
    else if (/^[-*] /.test(rad)) html.push(`<p class="punkt">• ${inline(rad.slice(2))}</p>`);
    else html.push(`<p>${inline(rad)}</p>`);
  }
  return `<section><div class="huvud">VADSTENA<br>KOMMUN</div>${html.join('\n')}</section>`;
}

async function run(): Promise<void> {
  const seed = readFileSync(process.argv[2], 'utf8');
  const sidor = seed.split(/\n\s*VADSTENA\s*\n\s*KOMMUN\s*\n/).filter((s) => s.trim());
  const dokument = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>AI-strategi, Vadstena kommun</title><style>
    @page { size: A4; margin: 22mm 22mm 20mm; }
    body { font: 11pt/1.45 Georgia, serif; color: #222; }
    section { break-after: page; }
    .huvud { font: 600 9pt/1.2 Arial, sans-serif; color: #7a1f2b; margin-bottom: 10mm; }
    h1 { font: 600 26pt Arial, sans-serif; color: #7a1f2b; margin-top: 50mm; }
    h2 { font: 600 15pt Arial, sans-serif; color: #7a1f2b; } h3, h4 { font: 600 12pt Arial, sans-serif; }
    .rad { display: flex; gap: 6mm; } .rad span { flex: 1; }
  </style></head><body>${sidor.map(sida).join('\n')}</body></html>`;
  const browser = await puppeteer.launch({ executablePath: findChromium(undefined), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setContent(dokument);
    const pdf = Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    writeFileSync(join(UT, 'vadstena-ai-strategi.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(UT, 'vadstena-ai-strategi.pdf'), '-']).toString();
    const sidtexter = text
      .split('\f')
      .slice(0, -1)
      .map((s) => s.trim());
    writeFileSync(join(UT, 'vadstena-ai-strategi.sidor.json'), `${JSON.stringify(sidtexter, null, 2)}\n`);
    console.log(`${pdf.length} bytes, ${sidtexter.length} pages`);
  } finally {
    await browser.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
