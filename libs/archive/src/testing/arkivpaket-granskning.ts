import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';

const exec = promisify(execFile);

/** An archived handling as E's archiving writes it: the handling, its PDF/A as a `fil`, its arkivhandling. */
export async function insertArkiveradHandling(
  dataSource: DataSource,
  h: {
    arendeId: string;
    riktning: 'inkommande' | 'utgaende' | 'upprattad';
    datum: string;
    motpart: string | null;
    beskrivning: string;
    pdfa: Buffer;
    sekretess?: string;
  },
): Promise<{ handlingId: string; filId: string }> {
  return dataSource.transaction(async (m) => {
    const [a]: { organisation_id: string; diarienummer: string }[] = await m.query(
      `SELECT organisation_id, diarienummer FROM arende WHERE id = $1 FOR UPDATE`,
      [h.arendeId],
    );
    const sha = createHash('sha256').update(h.pdfa).digest('hex');
    const [fil]: { id: string }[] = await m.query(
      `INSERT INTO fil (organisation_id, filnamn, mimetyp, storlek, sha256, data) VALUES ($1, $2, 'application/pdf', $3, $4, $5) RETURNING id`,
      [a.organisation_id, `${h.beskrivning}.pdf`, h.pdfa.length, sha, h.pdfa],
    );
    const [handling]: { id: string }[] = await m.query(
      `INSERT INTO handling (organisation_id, arende_id, lopnummer, riktning, datum, motpart, beskrivning, fil_id, sekretess)
       SELECT $1, $2, COALESCE(max(lopnummer), 0) + 1, $3, $4, $5, $6, $7, $8 FROM handling WHERE arende_id = $2 RETURNING id`,
      [a.organisation_id, h.arendeId, h.riktning, h.datum, h.motpart, h.beskrivning, fil.id, h.sekretess ?? null],
    );
    await m.query(
      `INSERT INTO arkivhandling (organisation_id, handling_id, fil_id, pdfa_fil_id, titel, diarienummer, sha256, pdfa_sha256, pdfa_at, metadata)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $6, now(), $7)`,
      [a.organisation_id, handling.id, fil.id, h.beskrivning, a.diarienummer, sha, {}],
    );
    return { handlingId: handling.id, filId: fil.id };
  });
}

/** One file METS lists: where, how large, its checksum. */
export interface MetsFil {
  href: string;
  storlek: number;
  checksum: string;
  checksumtyp: string;
}

/** What re-reading a package found. */
export interface Granskning {
  katalog: string;
  rot: string;
  metsFel: string;
  ermsFel: string;
  filer: MetsFil[];
  /** Files METS lists whose bytes or size do not match. */
  avvikande: string[];
  /** Files in the package that METS does not list (METS.xml itself excepted). */
  olistade: string[];
  xpath(fil: string, uttryck: string): Promise<string>;
  las(sokvag: string): Promise<Buffer>;
  stada(): Promise<void>;
}

const NS = { mets: 'http://www.loc.gov/METS/', xlink: 'http://www.w3.org/1999/xlink' };

async function allaFiler(katalog: string, bas = ''): Promise<string[]> {
  const ut: string[] = [];
  for (const e of await readdir(join(katalog, bas), { withFileTypes: true })) {
    const sokvag = bas ? `${bas}/${e.name}` : e.name;
    if (e.isDirectory()) ut.push(...(await allaFiler(katalog, sokvag)));
    else ut.push(sokvag);
  }
  return ut;
}

async function xmllint(args: string[]): Promise<string> {
  try {
    await exec('xmllint', args);
    return '';
  } catch (e) {
    return (e as { stderr?: string }).stderr ?? String(e);
  }
}

/**
 * Unzips a package and checks it as a receiving archive would: METS.xml against the package's own
 * mets.xsd with the CSIP extension (a wrapper schema imports both, so the csip: attributes are
 * checked too), ERMS.xml against the package's CITS ERMS schema, and every file METS lists by size
 * and SHA-256. `xmllint --nonet`: nothing is fetched from the network.
 */
export async function granskaPaket(zip: Buffer): Promise<Granskning> {
  const katalog = await mkdtemp(join(tmpdir(), 'remiss-paket-'));
  await writeFile(join(katalog, 'paket.zip'), zip);
  await exec('unzip', ['-q', 'paket.zip', '-d', 'ut'], { cwd: katalog });
  const [rot] = await readdir(join(katalog, 'ut'));
  const paket = join(katalog, 'ut', rot);
  const omslag = join(katalog, 'omslag.xsd');
  await writeFile(
    omslag,
    `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:granskning">
      <xs:import namespace="${NS.mets}" schemaLocation="ut/${rot}/schemas/mets.xsd"/>
      <xs:import namespace="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" schemaLocation="ut/${rot}/schemas/DILCISExtensionMETS.xsd"/>
    </xs:schema>`,
  );
  const metsFel = await xmllint(['--noout', '--nonet', '--schema', omslag, join(paket, 'METS.xml')]);
  const ermsFel = await xmllint([
    '--noout',
    '--nonet',
    '--schema',
    join(paket, 'schemas', 'CITS-ERMS-v2-1-2.xsd'),
    join(paket, 'metadata', 'descriptive', 'ERMS.xml'),
  ]);
  const xpath = async (fil: string, uttryck: string) => {
    const { stdout } = await exec('xmllint', ['--nonet', '--xpath', uttryck, join(paket, fil)]).catch(
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    return stdout.trim();
  };
  const mets = await readFile(join(paket, 'METS.xml'), 'utf8');
  const filer: MetsFil[] = [];
  for (const m of mets.matchAll(/<(?:file|mdRef)\b([^>]*)>(?:<FLocat\b([^>]*)\/>)?/g)) {
    const attr = (namn: string, text: string) => new RegExp(`\\b${namn}="([^"]*)"`).exec(text)?.[1] ?? '';
    const egna = m[1];
    const href = attr('xlink:href', m[2] ?? egna);
    filer.push({
      href,
      storlek: Number(attr('SIZE', egna)),
      checksum: attr('CHECKSUM', egna),
      checksumtyp: attr('CHECKSUMTYPE', egna),
    });
  }
  const avvikande: string[] = [];
  for (const f of filer) {
    const bytes = await readFile(join(paket, f.href)).catch(() => null);
    const sha = bytes && createHash('sha256').update(bytes).digest('hex').toUpperCase();
    if (!bytes || bytes.length !== f.storlek || sha !== f.checksum || f.checksumtyp !== 'SHA-256')
      avvikande.push(f.href);
  }
  const listade = new Set(filer.map((f) => f.href));
  const olistade = (await allaFiler(paket)).filter((f) => f !== 'METS.xml' && !listade.has(f));
  return {
    katalog,
    rot,
    metsFel,
    ermsFel,
    filer,
    avvikande,
    olistade,
    xpath,
    las: (sokvag) => readFile(join(paket, sokvag)),
    stada: () => rm(katalog, { recursive: true, force: true }),
  };
}
