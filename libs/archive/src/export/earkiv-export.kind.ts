import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock } from '@app/core';
import { Utkorg, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createHash, Hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { dataSokvag, ermsXml, metsXml, PAKETSCHEMAN, PaketFil } from './arkivpaket';
import { DELSTORLEK, EarkivExportRad, EarkivExportRepository } from './earkiv-export.repository';

/** A stored PDF/A whose bytes no longer match their SHA-256: the package would carry a broken file. */
class Skadad extends Error {}

/** The build was taken from this worker (its lease expired): it stops without writing more. */
class Overtagen extends Error {}

/**
 * The package's zip, written to `earkiv_export_del` in parts of ≤ DELSTORLEK as fflate produces it,
 * with its SHA-256 counted on the way: one handling's bytes and one part are in memory at a time.
 */
class Paketskrivare {
  private readonly zip: Zip;
  private vantande: Buffer[] = [];
  private vantandeStorlek = 0;
  private ordning = 0;
  private storlek = 0;
  private readonly hash: Hash = createHash('sha256');
  private fel: Error | null = null;
  private slut = false;

  constructor(
    private readonly exportId: string,
    private readonly repo: EarkivExportRepository,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((err, data, final) => {
      if (err) this.fel = err;
      else {
        this.vantande.push(Buffer.from(data));
        this.vantandeStorlek += data.length;
        this.hash.update(data);
        this.storlek += data.length;
        if (final) this.slut = true;
      }
    });
  }

  /** Adds a file (stored as is for PDFs, which are compressed already; deflated otherwise). */
  async add(sokvag: string, data: Buffer, komprimera: boolean): Promise<void> {
    const fil = komprimera ? new ZipDeflate(sokvag, { level: 6 }) : new ZipPassThrough(sokvag);
    fil.mtime = this.mtime;
    this.zip.add(fil);
    fil.push(data, true);
    await this.flush(false);
  }

  async end(): Promise<{ storlek: number; sha256: string }> {
    this.zip.end();
    if (!this.slut) throw new Error('the zip did not end');
    await this.flush(true);
    return { storlek: this.storlek, sha256: this.hash.digest('hex') };
  }

  private async flush(allt: boolean): Promise<void> {
    if (this.fel) throw this.fel;
    while (this.vantandeStorlek >= DELSTORLEK || (allt && this.vantandeStorlek > 0)) {
      const samlat = Buffer.concat(this.vantande);
      const del = samlat.subarray(0, DELSTORLEK);
      const rest = samlat.subarray(del.length);
      this.vantande = rest.length ? [rest] : [];
      this.vantandeStorlek = rest.length;
      if (this.ordning === 0) await this.repo.deleteParts(this.exportId);
      await this.repo.insertPart(this.exportId, this.ordning++, del);
    }
  }
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * The e-arkiv export as a kind of the outbox (`earkiv_export`): a worker builds the ordered package
 * (FGS Paketstruktur 2.0) from the archived PDF/A renditions and stores it in parts, reporting its
 * progress (x of y handlingar) and renewing its lease as it goes. A worker killed mid-build leaves the
 * row `skickar`; once its lease has run out another worker takes it over and builds it again from the
 * start (what the dead one wrote is dropped with its first part).
 */
@Injectable()
export class EarkivExportKind implements UtkorgTyp, OnModuleInit {
  readonly namn = 'earkiv-export';
  readonly tabell = 'earkiv_export';
  private readonly logger = new Logger('EarkivExport');

  constructor(
    private readonly typer: UtkorgTyper,
    private readonly utkorg: Utkorg,
    private readonly repo: EarkivExportRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.typer.register(this);
  }

  dispatch(ids: string[]): Promise<void> {
    return this.utkorg.enqueue(this, ids);
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const utfall = new Map<string, UtkorgUtfall>();
    // One package at a time: each already keeps a connection and the disk of PostgreSQL busy.
    for (const id of ids) utfall.set(id, await this.performOne(id));
    return utfall;
  }

  private async performOne(id: string): Promise<UtkorgUtfall> {
    const rad = await this.repo.get(this.repo.dataSource.manager, null, id);
    if (!rad) return { utfall: 'avbruten', orsak: 'exporten finns inte längre' };
    try {
      return { utfall: 'utford', kvitto: await this.build(rad) };
    } catch (e) {
      if (e instanceof Overtagen) return { utfall: 'avbruten', orsak: e.message };
      if (e instanceof Skadad) return { utfall: 'misslyckad', orsak: e.message };
      this.logger.warn(`export ${id} failed, to be tried again: ${(e as Error).message}`);
      return { utfall: 'fel', fel: (e as Error).message };
    }
  }

  /** Builds the package of one export; returns its SHA-256. */
  private async build(rad: EarkivExportRad): Promise<string> {
    const nu = this.clock.now();
    const arenden = await this.repo.urval(rad);
    const fran = await this.repo.avsandare(rad.diariumId);
    const antal = arenden.reduce((n, a) => n + a.handlingar.length, 0);
    const rot = rad.objid;
    const skrivare = new Paketskrivare(rad.id, this.repo, nu);
    const progress = async (klara: number) => {
      const lease = new Date(this.clock.now().getTime() + this.config.OUTBOX_LEASE_MS);
      if (!(await this.repo.reportProgress(rad.id, antal, klara, lease)))
        throw new Overtagen('exporten byggs av en annan worker');
    };
    await progress(0);

    const data: PaketFil[] = [];
    let klara = 0;
    for (const arende of arenden)
      for (const h of arende.handlingar) {
        const bytes = await this.repo.filData(h.pdfaFilId);
        if (sha256(bytes) !== h.sha256)
          throw new Skadad(`PDF/A-filen för ${arende.diarienummer}:${h.lopnummer} stämmer inte med sin SHA-256`);
        const sokvag = dataSokvag(arende, h);
        await skrivare.add(`${rot}/${sokvag}`, bytes, false);
        data.push({
          sokvag,
          mimetyp: 'application/pdf',
          storlek: bytes.length,
          sha256: h.sha256,
          skapad: h.arkiveradAt,
        });
        await progress(++klara);
      }

    const scheman: PaketFil[] = [];
    for (const namn of PAKETSCHEMAN) {
      const bytes = await readFile(resolve(this.config.TEMPLATES_DIR, 'earkiv', 'schemas', namn));
      const sokvag = `schemas/${namn}`;
      await skrivare.add(`${rot}/${sokvag}`, bytes, true);
      scheman.push({ sokvag, mimetyp: 'application/xml', storlek: bytes.length, sha256: sha256(bytes), skapad: nu });
    }

    const erms = Buffer.from(ermsXml(arenden, fran, rad.objid, nu), 'utf8');
    const ermsFil: PaketFil = {
      sokvag: 'metadata/descriptive/ERMS.xml',
      mimetyp: 'application/xml',
      storlek: erms.length,
      sha256: sha256(erms),
      skapad: nu,
    };
    await skrivare.add(`${rot}/${ermsFil.sokvag}`, erms, true);
    const rubrik = rad.diarienummer ?? `${rad.diariumNamn} ${rad.fran} – ${rad.till}`;
    const mets = metsXml({ objid: rad.objid, rubrik, skapad: nu, fran, erms: ermsFil, scheman, data });
    await skrivare.add(`${rot}/METS.xml`, Buffer.from(mets, 'utf8'), true);

    const paket = await skrivare.end();
    await this.repo.markBuilt(rad.id, paket.storlek, paket.sha256);
    return paket.sha256;
  }
}
