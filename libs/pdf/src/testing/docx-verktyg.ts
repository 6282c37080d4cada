import { strFromU8, unzipSync } from 'fflate';

/** A Word file read back the way Word reads it: its parts unzipped, its XML as text. */
export interface LastDocx {
  /** Every part of the package by its path, e.g. `word/document.xml`. */
  delar: Record<string, string>;
  /** word/document.xml as text: a line per paragraph, `[^n]` at a footnote reference. */
  text: string;
  /** word/footnotes.xml as text, the real footnotes only (not Word's separators), `n: text` each. */
  fotnoter: string[];
  /** header*.xml and footer*.xml as text. */
  sidhuvuden: string;
  sidfotter: string;
  /** The text of the runs formatted with `w:strike` (struck through) and with `w:u` (underlined). */
  genomstruket: string[];
  understruket: string[];
}

function entities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Paragraph text: a non-breaking hyphen reads as the hyphen it is, a tab as a tab. */
export function xmlText(xml: string): string {
  return entities(
    xml
      .replace(/<w:noBreakHyphen\/>/g, '-')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:footnoteReference w:id="(\d+)"\/>/g, '[^$1]')
      .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

function runsMed(xml: string, egenskap: RegExp): string[] {
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)]
    .filter(([run]) => egenskap.test(/<w:rPr>(.*?)<\/w:rPr>/s.exec(run)?.[1] ?? ''))
    .map(([run]) => xmlText(run));
}

export function readDocx(docx: Buffer): LastDocx {
  const filer = unzipSync(new Uint8Array(docx));
  const delar = Object.fromEntries(Object.entries(filer).map(([namn, data]) => [namn, strFromU8(data)]));
  const dokument = delar['word/document.xml'] ?? '';
  const delarSom = (monster: RegExp) =>
    Object.keys(delar)
      .filter((namn) => monster.test(namn))
      .sort()
      .map((namn) => xmlText(delar[namn]))
      .join('\n');
  return {
    delar,
    text: xmlText(dokument),
    fotnoter: [...(delar['word/footnotes.xml'] ?? '').matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)]
      .filter(([, id]) => Number(id) > 0)
      .map(([, id, xml]) => `${id}: ${xmlText(xml).trim()}`),
    sidhuvuden: delarSom(/^word\/header\d*\.xml$/),
    sidfotter: delarSom(/^word\/footer\d*\.xml$/),
    genomstruket: runsMed(dokument, /<w:strike\/>|<w:strike w:val="(true|1|on)"\/>/),
    understruket: runsMed(dokument, /<w:u w:val="(?!none)[^"]*"\/>|<w:u\/>/),
  };
}
