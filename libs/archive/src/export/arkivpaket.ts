import { dokumentFilnamn } from '../fil/filnamn';

/**
 * The contents of an arkivpaket in FGS Paketstruktur 2.0 (E-ARK CSIP 2.1.0 + SIP 2.1.0): pure
 * functions from what the diarium holds to `metadata/descriptive/ERMS.xml` (FGS Ärendehantering 2.0,
 * the CITS ERMS 2.1.2 schema) and the package's `METS.xml`. Building the zip and reading the bytes is
 * the export kind's job; here only names, texts and checksums.
 */

/** The software version the package's METS names as its creator (CSIP15). */
export const PLATTFORMSVERSION = '1.0';

/** The one representation of an export: the PDF/A renditions of the archived handlingar. */
export const REPRESENTATION = 'rep1';

/** The schemas every package carries in `schemas/` (CSIPSTR15), from TEMPLATES_DIR/earkiv/schemas. */
export const PAKETSCHEMAN = ['mets.xsd', 'xlink.xsd', 'DILCISExtensionMETS.xsd', 'CITS-ERMS-v2-1-2.xsd'] as const;

/** One archived handling of the package, as the diarium and the archive describe it. */
export interface PaketHandling {
  handlingId: string;
  lopnummer: number;
  riktning: 'inkommande' | 'utgaende' | 'upprattad';
  /** The handling's date (`YYYY-MM-DD`): received, sent or drawn up. */
  datum: string;
  motpart: string | null;
  beskrivning: string;
  /** The OSL paragraph when the handling is marked secret ("OSL 21 kap. 7 §"). */
  sekretess: string | null;
  /** The PDF/A rendition's file: its SHA-256 (hex, as stored) and size. */
  pdfaFilId: string;
  sha256: string;
  storlek: number;
  arkiveradAt: Date;
}

/** One ärende of the package, with its archived handlingar in löpnummer order. */
export interface PaketArende {
  arendeId: string;
  diarienummer: string;
  arendemening: string;
  skapadAt: Date;
  handlingar: PaketHandling[];
}

/** Who the package is from. */
export interface PaketAvsandare {
  organisation: string;
  /** The enhet whose diarium the ärenden are in (the creator of the records). */
  enhet: string;
}

/** A file of the package with what METS says of it. */
export interface PaketFil {
  /** Path inside the package's root folder, e.g. `representations/rep1/data/KS2025-118-2.pdf`. */
  sokvag: string;
  mimetyp: string;
  storlek: number;
  /** SHA-256, hex. */
  sha256: string;
  skapad: Date;
}

/** Where a handling's PDF/A lies in the package. */
export function dataSokvag(arende: Pick<PaketArende, 'diarienummer'>, handling: Pick<PaketHandling, 'lopnummer'>) {
  return `representations/${REPRESENTATION}/data/${dokumentFilnamn(arende.diarienummer, String(handling.lopnummer))}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text and attribute values, escaped; characters XML 1.0 cannot carry are dropped. */
export function xml(text: string | number): string {
  return (
    String(text)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c])
  );
}

/** An xs:ID from a path or uuid (an NCName: no leading digit, no '/' or '.'). */
const id = (text: string) => `ID-${text.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const RIKTNING: Record<PaketHandling['riktning'], string> = {
  inkommande: 'incoming',
  utgaende: 'outgoing',
  upprattad: 'internal_memo_without_follow-up',
};

/** The date type of a handling's own date in ERMS: received, sent, or drawn up. */
const DATUMTYP: Record<PaketHandling['riktning'], string> = {
  inkommande: 'received',
  utgaende: 'sent',
  upprattad: 'created',
};

const agent = (typ: 'sender' | 'receiver' | 'creator', namn: string, organisation?: string) =>
  `<agent agentType="${typ}"><name>${xml(namn)}</name>${organisation ? `<organisation>${xml(organisation)}</organisation>` : ''}</agent>`;

/**
 * The record's sender and receiver: the motpart on the far side, the enhet on ours (incoming: the
 * motpart sent it to us; outgoing: we sent it to the motpart); an upprättad handling has its creator.
 */
function agenter(h: PaketHandling, fran: PaketAvsandare): string {
  const vi = agent(
    h.riktning === 'upprattad' ? 'creator' : h.riktning === 'inkommande' ? 'receiver' : 'sender',
    fran.enhet,
    fran.organisation,
  );
  if (h.riktning === 'upprattad' || !h.motpart) return `<agents>${vi}</agents>`;
  const de = agent(h.riktning === 'inkommande' ? 'sender' : 'receiver', h.motpart);
  return `<agents>${h.riktning === 'inkommande' ? de + vi : vi + de}</agents>`;
}

function record(a: PaketArende, h: PaketHandling, fran: PaketAvsandare): string {
  const sokvag = dataSokvag(a, h);
  return [
    `<record systemIdentifier="${xml(h.handlingId)}" recordType="handling">`,
    `<objectId>${xml(`${a.diarienummer}:${h.lopnummer}`)}</objectId>`,
    `<title>${xml(h.beskrivning)}</title>`,
    `<runningNumber>${h.lopnummer}</runningNumber>`,
    h.sekretess
      ? `<restriction restrictionType="confidential"><explanatoryText>Sekretessmarkerad handling</explanatoryText><regulation>${xml(h.sekretess)}</regulation></restriction>`
      : '',
    `<direction directionDefinition="${RIKTNING[h.riktning]}"/>`,
    agenter(h, fran),
    `<dates><date dateType="${DATUMTYP[h.riktning]}">${h.datum}T00:00:00</date><date dateType="archived">${h.arkiveradAt.toISOString()}</date></dates>`,
    `<additionalInformation><appendix name="${xml(sokvag.split('/').pop()!)}" path="${xml(sokvag)}" fileFormat="application/pdf" description="PDF/A"/></additionalInformation>`,
    `</record>`,
  ].join('');
}

/**
 * FGS Ärendehantering 2.0 (CITS ERMS 2.1.2): one caseFile aggregation per ärende (dnr, ärendemening)
 * with a record per archived handling: riktning → direction, motpart and enhet → sender/receiver,
 * the handling's date → received/sent/created, sekretess → a confidential restriction naming the
 * OSL paragraph, and its PDF/A as an appendix with its path in the package.
 */
export function ermsXml(arenden: PaketArende[], fran: PaketAvsandare, objid: string, skapad: Date): string {
  const aggregationer = arenden.map((a) =>
    [
      `<aggregation systemIdentifier="${xml(a.arendeId)}" aggregationType="caseFile">`,
      `<objectId>${xml(a.diarienummer)}</objectId>`,
      `<title>${xml(a.arendemening)}</title>`,
      `<agents>${agent('creator', fran.enhet, fran.organisation)}</agents>`,
      `<dates><date dateType="opened">${a.skapadAt.toISOString()}</date></dates>`,
      ...a.handlingar.map((h) => record(a, h, fran)),
      `</aggregation>`,
    ].join(''),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<erms xmlns="https://DILCIS.eu/XML/ERMS" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="https://DILCIS.eu/XML/ERMS ../../schemas/CITS-ERMS-v2-1-2.xsd">`,
    `<control>`,
    `<identification identificationType="arkivpaket">${xml(objid)}</identification>`,
    `<maintenanceInformation>`,
    `<maintenanceStatus value="new"/>`,
    `<maintenanceAgency><agencyName>${xml(fran.organisation)}</agencyName></maintenanceAgency>`,
    `<maintenanceHistory><maintenanceEvent><eventType value="created"/><eventDateTime>${skapad.toISOString()}</eventDateTime>`,
    `<agent agentType="creator"><name>Remissplattformen</name></agent></maintenanceEvent></maintenanceHistory>`,
    `</maintenanceInformation>`,
    `</control>`,
    `<aggregations>${aggregationer.join('')}</aggregations>`,
    `</erms>`,
    '',
  ].join('\n');
}

const filElement = (f: PaketFil) =>
  `<file ID="${id(f.sokvag)}" MIMETYPE="${xml(f.mimetyp)}" SIZE="${f.storlek}" CREATED="${f.skapad.toISOString()}" CHECKSUM="${f.sha256.toUpperCase()}" CHECKSUMTYPE="SHA-256">` +
  `<FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${xml(f.sokvag)}"/></file>`;

/**
 * The package's METS.xml (CSIP 2.1.0, E-ARK SIP 2.1.0): header with the creating software and the
 * submitting organisation, one dmdSec referring to the ERMS file, a fileSec with the schemas and the
 * representation's data files (SHA-256 each), and the CSIP structMap. The representation has no METS
 * of its own: its files are listed here (CSIP114 allows pointers to the content itself).
 */
export function metsXml(p: {
  objid: string;
  rubrik: string;
  skapad: Date;
  fran: PaketAvsandare;
  erms: PaketFil;
  scheman: PaketFil[];
  data: PaketFil[];
}): string {
  const rep = `Representations/${REPRESENTATION}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
    `  xsi:schemaLocation="http://www.loc.gov/METS/ schemas/mets.xsd http://www.w3.org/1999/xlink schemas/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS schemas/DILCISExtensionMETS.xsd"`,
    `  OBJID="${xml(p.objid)}" LABEL="${xml(p.rubrik)}" TYPE="ERMS" csip:CONTENTINFORMATIONTYPE="citserms_v2_1" PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml">`,
    `<metsHdr CREATEDATE="${p.skapad.toISOString()}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">`,
    `<agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE"><name>Remissplattformen</name><note csip:NOTETYPE="SOFTWARE VERSION">${PLATTFORMSVERSION}</note></agent>`,
    `<agent ROLE="ARCHIVIST" TYPE="ORGANIZATION"><name>${xml(p.fran.organisation)}</name></agent>`,
    `</metsHdr>`,
    `<dmdSec ID="ID-dmd-erms" CREATED="${p.erms.skapad.toISOString()}" STATUS="CURRENT">`,
    `<mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="${xml(p.erms.sokvag)}" MDTYPE="OTHER" OTHERMDTYPE="ERMS" MIMETYPE="${p.erms.mimetyp}" SIZE="${p.erms.storlek}" CREATED="${p.erms.skapad.toISOString()}" CHECKSUM="${p.erms.sha256.toUpperCase()}" CHECKSUMTYPE="SHA-256"/>`,
    `</dmdSec>`,
    `<fileSec ID="ID-filesec">`,
    `<fileGrp ID="ID-filegrp-schemas" USE="Schemas">${p.scheman.map(filElement).join('')}</fileGrp>`,
    `<fileGrp ID="ID-filegrp-${REPRESENTATION}" USE="${rep}" csip:CONTENTINFORMATIONTYPE="citserms_v2_1">${p.data.map(filElement).join('')}</fileGrp>`,
    `</fileSec>`,
    `<structMap ID="ID-structmap" TYPE="PHYSICAL" LABEL="CSIP">`,
    `<div ID="ID-structmap-root" LABEL="${xml(p.objid)}">`,
    `<div ID="ID-structmap-metadata" LABEL="Metadata" DMDID="ID-dmd-erms"/>`,
    `<div ID="ID-structmap-schemas" LABEL="Schemas"><fptr FILEID="ID-filegrp-schemas"/></div>`,
    `<div ID="ID-structmap-${REPRESENTATION}" LABEL="${rep}"><fptr FILEID="ID-filegrp-${REPRESENTATION}"/></div>`,
    `</div>`,
    `</structMap>`,
    `</mets>`,
    '',
  ].join('\n');
}
