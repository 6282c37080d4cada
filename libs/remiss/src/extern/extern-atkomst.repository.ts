import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExternAtkomst } from '@app/database';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Personal links of external remissinstanser. Only the SHA-256 of a token is ever stored. */
@Injectable()
export class ExternAtkomstRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates a link and returns its id and token: 256 random bits, base64url, shown once (in the e-mail). */
  async skapa(
    m: EntityManager,
    organisationId: string,
    remissinstansId: string,
    giltigTill: Date,
  ): Promise<{ id: string; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const { identifiers } = await m.insert(ExternAtkomst, {
      organisationId,
      remissinstansId,
      tokenHash: tokenHash(token),
      giltigTill,
    });
    return { id: identifiers[0].id as string, token };
  }

  hitta(token: string, m: EntityManager = this.dataSource.manager): Promise<ExternAtkomst | null> {
    return m.findOneBy(ExternAtkomst, { tokenHash: tokenHash(token) });
  }

  async forInstans(m: EntityManager, remissinstansId: string): Promise<ExternAtkomst[]> {
    return m.find(ExternAtkomst, { where: { remissinstansId }, order: { createdAt: 'ASC' } });
  }

  async markeraAnvand(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(ExternAtkomst, { id }, { anvandAt: at });
  }

  /** Revokes the live links of one instans; returns how many. */
  async aterkallaForInstans(m: EntityManager, remissinstansId: string, at: Date): Promise<number> {
    const result = await m.update(ExternAtkomst, { remissinstansId, aterkalladAt: IsNull() }, { aterkalladAt: at });
    return result.affected ?? 0;
  }

  async aterkallaForRemiss(m: EntityManager, remissId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE extern_atkomst SET aterkallad_at = $2 WHERE aterkallad_at IS NULL AND remissinstans_id IN (SELECT id FROM remissinstans WHERE remiss_id = $1)`,
      [remissId, at],
    );
  }

  /** Anstånd moves the link's end with the new svarsdatum. */
  async forlang(m: EntityManager, remissinstansId: string, giltigTill: Date): Promise<void> {
    await m.update(ExternAtkomst, { remissinstansId, aterkalladAt: IsNull(), anvandAt: IsNull() }, { giltigTill });
  }
}
