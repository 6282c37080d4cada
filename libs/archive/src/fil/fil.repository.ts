import { Injectable } from '@nestjs/common';
import { Fil } from '@app/database';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface NyFil {
  organisationId: string;
  filnamn: string;
  mimetyp: string;
  data: Buffer;
  /** The bytes' SHA-256 (hex) when it was computed already, off the event loop (`PdfGranskning`). */
  sha256?: string;
}

/** Stored bytes with their SHA-256; the database refuses to change a row once written. */
@Injectable()
export class FilRepository {
  async insert(manager: EntityManager, fil: NyFil): Promise<Fil> {
    const sha256 = fil.sha256 ?? createHash('sha256').update(fil.data).digest('hex');
    const { identifiers } = await manager.insert(Fil, { ...fil, storlek: fil.data.length, sha256 });
    return manager.findOneByOrFail(Fil, { id: identifiers[0].id as string });
  }

  /** A stored file's description, without its bytes. */
  get(manager: EntityManager, id: string): Promise<Fil> {
    return manager.findOneByOrFail(Fil, { id });
  }

  /** The editable rendition registered beside a stored document (an answer's DOCX beside its PDF), if any. */
  async redigerbar(manager: EntityManager, dokumentFilId: string): Promise<string | null> {
    const [rad]: { id: string }[] = await manager.query(
      `SELECT redigerbar_fil_id AS id FROM handling WHERE fil_id = $1 AND redigerbar_fil_id IS NOT NULL LIMIT 1`,
      [dokumentFilId],
    );
    return rad?.id ?? null;
  }

  /** The bytes of a file the caller has already been allowed to see (callers check tenancy first). */
  async data(manager: EntityManager, id: string): Promise<{ fil: Fil; data: Buffer }> {
    const fil = await manager
      .createQueryBuilder(Fil, 'f')
      .addSelect('f.data')
      .where('f.id = :id', { id })
      .getOneOrFail();
    return { fil, data: fil.data };
  }
}
