import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  FootnoteReferenceRun,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  NoBreakHyphen,
  PageNumber,
  Tab,
  Paragraph,
  type ParagraphChild,
  type IParagraphOptions,
  TabStopType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Brevhuvud, RemissvarDokument } from '../dokument';
import { Kommun, sidfot as sidfotsrader } from '../mallar/kommun';
import { remissvarMetadata, RemissvarVy, remissvarVy } from '../vy/remissvar-vy';
import { SynpunktVy } from '../vy/synpunkt-vy';
import { Stycke, textdelar } from '../vy/text';

/*
 * The answer as an editable Word document, from the same view as the PDF (remissvarVy: footnote
 * numbers, paragraphs, the ställning sentence, the beslut), so the two never say different things.
 * Fonts are ones every Word installation has: the PDF's bundled fonts are not on the recipient's
 * machine, and a substituted font reflows the letter anyway.
 */
const BRODTEXT = 'Georgia';
const RUBRIK = 'Arial';
const GRA = '555555';
const TEXTBREDD_MM = 210 - 25 - 20;

const mm = convertMillimetersToTwip;
const pt = (punkter: number) => Math.round(punkter * 2);
const hex = (farg: string) => farg.replace('#', '').toUpperCase();

/** The Word document of an answer on `kommun`'s letterhead; `Packer` turns it into bytes. */
export function remissvarDocx(doc: RemissvarDokument, kommun: Kommun): Document {
  const vy = remissvarVy(doc);
  const meta = remissvarMetadata(doc);
  const fotnoter = new Fotnoter(vy);
  const text: Paragraph[] = [
    ...(vy.avstar ? [stycke([new TextRun(`${vy.enhet} avstår från att yttra sig över remissen.`)])] : []),
    ...vy.inledning.map((s) => stycke(fotnoter.runs(s))),
    ...(vy.stallning ? [stycke([new TextRun({ text: vy.stallning, bold: true })])] : []),
    ...fragesvar(vy, fotnoter),
    ...vy.synpunkter.flatMap((s) => synpunkt(s, fotnoter)),
    ...vy.avslutning.map((s) => stycke(fotnoter.runs(s))),
  ];
  // A footnote no text refers to is still part of what was decided: Word shows a footnote only
  // at a reference, so those get theirs at the end of the text.
  const ovriga = fotnoter.unreferenced();
  if (ovriga.length) text.push(stycke(ovriga.map((n) => new FootnoteReferenceRun(n))));

  return new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(', '),
    description: meta.subject,
    styles: stilar(kommun),
    numbering: {
      config: [
        {
          reference: 'bilagor',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    footnotes: Object.fromEntries(
      vy.fotnoter.map((f) => [f.nummer, { children: [new Paragraph({ children: datumRuns(f.text) })] }]),
    ),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            margin: { top: mm(30), right: mm(20), bottom: mm(32), left: mm(25), header: mm(12), footer: mm(10) },
          },
        },
        headers: { first: forstaSidhuvud(), default: sidhuvud(vy, kommun) },
        footers: { first: sidfot(kommun), default: sidfot(kommun) },
        children: [
          brevhuvud(vy, doc.brevhuvud, kommun),
          new Paragraph({ text: vy.titel, heading: HeadingLevel.HEADING_1, spacing: { before: mm(14) } }),
          ...text,
          ...beslut(vy),
          ...underskrifter(vy),
          ...bilagor(vy),
        ],
      },
    ],
  });
}

/** Numbers come from the view; this keeps track of which ones the text has referred to. */
class Fotnoter {
  private readonly refererade = new Set<number>();
  constructor(private readonly vy: RemissvarVy) {}

  runs(stycke: Stycke): ParagraphChild[] {
    return stycke.flatMap((del) => {
      if (del.fotnot !== undefined) {
        this.refererade.add(del.fotnot);
        return [new FootnoteReferenceRun(del.fotnot)];
      }
      return del.datum ? [datum(del.text)] : [new TextRun(del.text)];
    });
  }

  unreferenced(): number[] {
    return this.vy.fotnoter.map((f) => f.nummer).filter((n) => !this.refererade.has(n));
  }
}

/** A date whose hyphens are Word's non-breaking ones, so it never breaks over two lines. */
function datum(text: string, options: { color?: string; size?: number } = {}): TextRun {
  const delar = text.split('-');
  return new TextRun({ ...options, children: delar.flatMap((d, i) => (i === 0 ? [d] : [new NoBreakHyphen(), d])) });
}

/** Plain text with every date in it kept on one line (the dates found as the PDF finds them). */
function datumRuns(text: string): TextRun[] {
  return textdelar(text).map((del) => (del.datum ? datum(del.text!) : new TextRun(del.text!)));
}

function stycke(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...options, children });
}

function fragesvar(vy: RemissvarVy, fotnoter: Fotnoter): Paragraph[] {
  if (!vy.fragesvar.length) return [];
  return [
    new Paragraph({ text: 'Svar på remissens frågor', heading: HeadingLevel.HEADING_2 }),
    ...vy.fragesvar.flatMap((f) => [
      new Paragraph({ text: f.rubrik, heading: HeadingLevel.HEADING_3 }),
      ...f.stycken.map((s) => stycke(fotnoter.runs(s))),
    ]),
  ];
}

function synpunkt(s: SynpunktVy, fotnoter: Fotnoter): Paragraph[] {
  const delar: Paragraph[] = [];
  if (s.rubrik) delar.push(new Paragraph({ text: s.rubrik, heading: HeadingLevel.HEADING_2 }));
  if (s.citat) {
    if (s.citatinledning)
      delar.push(stycke([new TextRun(s.citatinledning)], { keepNext: true, spacing: { after: 60 } }));
    delar.push(
      stycke([new TextRun({ text: `”${s.citat.text}” `, italics: true }), new TextRun(s.citat.sidhanvisning)], {
        style: 'Citat',
        keepNext: true,
      }),
    );
  }
  delar.push(...s.stycken.map((p) => stycke(fotnoter.runs(p))));
  if (s.stryk) {
    // Formatting rather than tracked changes (w:del/w:ins): the proposal is to change the
    // remisshandling, not this letter, and "accept all changes" in Word would erase it from the answer.
    const etikett = (text: string) =>
      stycke([new TextRun({ text, color: GRA, font: RUBRIK, size: pt(9.5) })], {
        style: 'Andringsforslag',
        keepNext: true,
      });
    delar.push(
      etikett(s.ersattMed ? 'Förslag: ersätt' : 'Förslag: stryk'),
      stycke([new TextRun({ text: s.stryk, strike: true })], {
        style: 'Andringsforslag',
        keepNext: s.ersattMed !== undefined,
      }),
    );
    if (s.ersattMed)
      delar.push(
        etikett('med'),
        stycke([new TextRun({ text: s.ersattMed, underline: {} })], { style: 'Andringsforslag' }),
      );
  }
  return delar;
}

function beslut(vy: RemissvarVy): Paragraph[] {
  if (!vy.beslut) return [];
  const n = vy.beslut.namndbeslut;
  const d = vy.beslut.delegationsbeslut;
  const sats = n
    ? [
        new TextRun(`${n.namnd} beslutade vid sammanträde `),
        datum(n.datum),
        new TextRun(`, ${n.paragraf}, att avge detta yttrande.`),
      ]
    : [
        new TextRun(`Detta yttrande har beslutats på delegation av ${d!.delegat}${d!.titel ? `, ${d!.titel}` : ''}, `),
        datum(d!.datum),
        new TextRun('.'),
      ];
  return [
    new Paragraph({ text: 'Beslut', heading: HeadingLevel.HEADING_2, keepNext: true }),
    stycke(sats, { keepNext: true }),
  ];
}

/** Side by side, each with room above the name for the hand signature. */
function underskrifter(vy: RemissvarVy): (Paragraph | Table)[] {
  if (!vy.underskrifter.length) return [];
  const bredd = Math.floor(mm(TEXTBREDD_MM) / Math.max(vy.underskrifter.length, 2));
  return [
    new Paragraph({ text: '', keepNext: true }),
    new Table({
      borders: TableBorders.NONE,
      columnWidths: vy.underskrifter.map(() => bredd),
      rows: [
        new TableRow({
          cantSplit: true,
          children: vy.underskrifter.map(
            (u) =>
              new TableCell({
                width: { size: bredd, type: WidthType.DXA },
                children: [
                  new Paragraph({ text: '', spacing: { before: mm(12) } }),
                  new Paragraph({ children: [new TextRun({ text: u.namn })], spacing: { after: 0 } }),
                  new Paragraph({ children: [new TextRun({ text: u.titel, color: GRA })] }),
                ],
              }),
          ),
        }),
      ],
    }),
  ];
}

function bilagor(vy: RemissvarVy): Paragraph[] {
  if (!vy.bilagor.length) return [];
  return [
    new Paragraph({ text: 'Bilagor', heading: HeadingLevel.HEADING_2 }),
    ...vy.bilagor.map((b) => new Paragraph({ children: datumRuns(b), numbering: { reference: 'bilagor', level: 0 } })),
  ];
}

/** Page 1's letterhead is text in the document, as in the PDF: the sender left, the header fields right. */
function brevhuvud(vy: RemissvarVy, avsandare: Brevhuvud, kommun: Kommun): Table {
  const hoger = mm(64);
  const vanster = mm(TEXTBREDD_MM) - hoger;
  const rad = (etikett: string, varde: ParagraphChild) =>
    new Paragraph({
      tabStops: [{ type: TabStopType.LEFT, position: mm(28) }],
      spacing: { after: 0 },
      children: [
        new TextRun({ text: etikett, color: GRA, font: RUBRIK, size: pt(9.5) }),
        new TextRun({ children: [new Tab()] }),
        varde,
      ],
    });
  const sans = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
    new TextRun({ text, font: RUBRIK, size: pt(9.5), ...options });
  return new Table({
    borders: TableBorders.NONE,
    columnWidths: [vanster, hoger],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: vanster, type: WidthType.DXA },
            children: [
              new Paragraph({
                spacing: { after: 40 },
                children: [sans(kommun.namn, { bold: true, size: pt(15), color: hex(kommun.farger.primar) })],
              }),
              new Paragraph({ spacing: { after: 0 }, children: [sans(vy.enhet, { bold: true, size: pt(10.5) })] }),
              ...(avsandare.forvaltning
                ? [
                    new Paragraph({
                      spacing: { after: 0 },
                      children: [sans(avsandare.forvaltning, { color: '444444' })],
                    }),
                  ]
                : []),
            ],
          }),
          new TableCell({
            width: { size: hoger, type: WidthType.DXA },
            children: [
              new Paragraph({
                spacing: { after: 80 },
                children: [sans(vy.sida.dokumenttyp, { bold: true, size: pt(13), color: hex(kommun.farger.primar) })],
              }),
              rad('Datum', datum(vy.sida.datum, { size: pt(9.5) })),
              rad(kommun.etiketter.vartDnr, sans(vy.vartDnr)),
              rad(kommun.etiketter.ertDnr, sans(vy.ertDnr)),
              new Paragraph({ spacing: { before: 200, after: 0 }, children: [new TextRun({ text: vy.mottagare })] }),
            ],
          }),
        ],
      }),
    ],
  });
}

const sidnummer = () => new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] });

function forstaSidhuvud(): Header {
  return new Header({
    children: [new Paragraph({ style: 'Sidhuvud', alignment: AlignmentType.RIGHT, children: [sidnummer()] })],
  });
}

/** Pages 2 onwards: who writes, what, when and the dnr, as the PDF's running header. */
function sidhuvud(vy: RemissvarVy, kommun: Kommun): Header {
  const hogerkant = [{ type: TabStopType.RIGHT, position: mm(TEXTBREDD_MM) }];
  return new Header({
    children: [
      new Paragraph({
        style: 'Sidhuvud',
        tabStops: hogerkant,
        children: [
          new TextRun({ children: [kommun.namn, new Tab(), `${vy.sida.dokumenttyp}  `] }),
          datum(vy.sida.datum),
        ],
      }),
      new Paragraph({
        style: 'Sidhuvud',
        tabStops: hogerkant,
        children: [new TextRun({ children: [vy.enhet, new Tab(), `${vy.sida.dnr}   `] }), sidnummer()],
      }),
    ],
  });
}

/** The kommun's addresses under a rule in its colour, in three columns as in the PDF. */
function sidfot(kommun: Kommun): Footer {
  const { vanster, mitten, hoger } = sidfotsrader(kommun);
  const bredd = Math.floor(mm(TEXTBREDD_MM) / 3);
  const kolumn = (rader: string[]) =>
    new TableCell({
      width: { size: bredd, type: WidthType.DXA },
      borders: { top: { style: BorderStyle.SINGLE, size: 8, color: hex(kommun.farger.primar) } },
      children: rader.map((r) => new Paragraph({ style: 'Sidfot', children: [new TextRun(r)] })),
    });
  return new Footer({
    children: [
      new Table({
        borders: TableBorders.NONE,
        columnWidths: [bredd, bredd, bredd],
        rows: [
          new TableRow({
            children: [kolumn(vanster), kolumn(mitten), kolumn(hoger)],
          }),
        ],
      }),
    ],
  });
}

function stilar(kommun: Kommun) {
  const sprak = { value: 'sv-SE' };
  const rubrik = (storlek: number, fore: number) => ({
    run: { font: RUBRIK, size: pt(storlek), bold: true, color: '1C1C1C', language: sprak },
    paragraph: { spacing: { before: fore, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: BRODTEXT, size: pt(11), language: sprak, color: '1C1C1C' },
        paragraph: { spacing: { after: 160, line: 300 }, widowControl: true },
      },
      heading1: rubrik(16, 0),
      heading2: rubrik(12.5, 280),
      heading3: rubrik(11, 200),
    },
    paragraphStyles: [
      {
        id: 'Citat',
        name: 'Citat',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          indent: { left: mm(8) },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: hex(kommun.farger.accent), space: 8 } },
        },
      },
      {
        id: 'Andringsforslag',
        name: 'Ändringsförslag',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          indent: { left: mm(4), right: mm(4) },
          spacing: { after: 60 },
          shading: { fill: 'F4F1EA' },
        },
      },
      {
        id: 'Sidhuvud',
        name: 'Sidhuvud',
        basedOn: 'Normal',
        run: { font: RUBRIK, size: pt(8.5), color: '3B3B3B' },
        paragraph: { spacing: { after: 0, line: 240 } },
      },
      {
        id: 'Sidfot',
        name: 'Sidfot',
        basedOn: 'Normal',
        run: { font: RUBRIK, size: pt(7.5), color: '3B3B3B' },
        paragraph: { spacing: { after: 0, line: 240 } },
      },
    ],
  };
}
