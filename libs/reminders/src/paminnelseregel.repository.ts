import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Paminnelseregel, preparedQuery } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { Regel, reglerEllerStandard, STANDARDREGLER } from './schema/paminnelseschema';

/**
 * An organisation's own rules as PostgreSQL writes them (null while it has none), for a statement
 * whose parameter `organisation` is its id: planning checks the rules it remembers against this.
 */
export const reglerText = (organisation: string) =>
  `(SELECT json_agg(json_build_object('typ', g.typ, 'arbetsdagar', g.arbetsdagar, 'aktiv', g.aktiv) ORDER BY g.typ, g.arbetsdagar)::text
      FROM paminnelseregel g WHERE g.organisation_id = ${organisation})`;

/** The rules that apply to an organisation, with the text they were read as. */
export interface LastaRegler {
  regler: readonly Regel[];
  text: string | null;
}

/** Each organisation's reminder rules; the defaults apply until an admin saves rules of its own. */
@Injectable()
export class PaminnelseregelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rules that apply to an organisation, read in the caller's transaction or, given the DataSource, on their own. */
  async las(db: EntityManager | DataSource, organisationId: string): Promise<LastaRegler> {
    const [{ text }] = await preparedQuery<{ text: string | null }>(db, `SELECT ${reglerText('$1::uuid')} AS text`, [
      organisationId,
    ]);
    return { text, regler: reglerEllerStandard(text === null ? null : (JSON.parse(text) as Regel[])) };
  }

  async hamta(organisationId: string): Promise<{ regler: Regel[]; standard: boolean }> {
    const { regler } = await this.las(this.dataSource, organisationId);
    return { regler: sortera(regler), standard: regler === STANDARDREGLER };
  }

  /**
   * Replaces the organisation's rules, in the caller's transaction. Rows already planned keep their times.
   * Saves of one organisation queue on its row (NO KEY UPDATE, which inserts referencing it do not
   * wait for): two identical saves at once would otherwise both delete nothing and insert the same rules.
   */
  async ersatt(manager: EntityManager, organisationId: string, regler: Regel[]): Promise<void> {
    await manager.query('SELECT 1 FROM organisation WHERE id = $1 FOR NO KEY UPDATE', [organisationId]);
    await manager.delete(Paminnelseregel, { organisationId });
    if (regler.length)
      await manager.insert(
        Paminnelseregel,
        regler.map((r) => ({ ...r, organisationId })),
      );
  }
}

const ORDNING = { fore: 0, pa_dagen: 1, efter: 2, veckovis: 3 };

/** In the order they fire: before (most days first), on the day, after, weekly. */
function sortera(regler: readonly Regel[]): Regel[] {
  return [...regler].sort(
    (a, b) =>
      ORDNING[a.typ] - ORDNING[b.typ] ||
      (a.typ === 'fore' ? b.arbetsdagar - a.arbetsdagar : a.arbetsdagar - b.arbetsdagar),
  );
}
