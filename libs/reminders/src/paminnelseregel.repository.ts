import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Paminnelseregel, preparedQuery } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { Regel, reglerEllerStandard, STANDARDREGLER } from './schema/paminnelseschema';

/** The rules that apply to an organisation, as read at one version of them. */
export interface LastaRegler {
  regler: readonly Regel[];
  /** `organisation.paminnelseregler_version` when they were read: every save raises it. */
  version: number;
  /** Equal for equal rules, whichever organisation's (the planner's calendars are shared by it). */
  nyckel: string;
}

/** Each organisation's reminder rules; the defaults apply until an admin saves rules of its own. */
@Injectable()
export class PaminnelseregelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rules that apply to an organisation, read in the caller's transaction. */
  getVersioned(manager: EntityManager, organisationId: string): Promise<LastaRegler> {
    return this.read(manager, organisationId);
  }

  async get(organisationId: string): Promise<{ regler: Regel[]; standard: boolean }> {
    const { regler } = await this.read(this.dataSource, organisationId);
    return { regler: sortRegler(regler), standard: regler === STANDARDREGLER };
  }

  /** A prepared statement: in a transaction given its manager, on its own given the DataSource. */
  private async read(db: EntityManager | DataSource, organisationId: string): Promise<LastaRegler> {
    const [{ version, egna }] = await preparedQuery<{ version: number; egna: Regel[] | null }>(
      db,
      `SELECT o.paminnelseregler_version AS version,
              (SELECT json_agg(json_build_object('typ', g.typ, 'arbetsdagar', g.arbetsdagar, 'aktiv', g.aktiv) ORDER BY g.typ, g.arbetsdagar)
                 FROM paminnelseregel g WHERE g.organisation_id = o.id) AS egna
         FROM organisation o WHERE o.id = $1`,
      [organisationId],
    );
    const regler = reglerEllerStandard(egna);
    return { regler, version, nyckel: regler === STANDARDREGLER ? 'standard' : JSON.stringify(regler) };
  }

  /**
   * Replaces the organisation's rules, in the caller's transaction, and raises their version. Rows
   * already planned keep their times. Saves of one organisation queue on its row (the UPDATE takes
   * NO KEY UPDATE, which inserts referencing it do not wait for): two identical saves at once would
   * otherwise both delete nothing and insert the same rules.
   */
  async replace(manager: EntityManager, organisationId: string, regler: Regel[]): Promise<void> {
    await manager.query(
      'UPDATE organisation SET paminnelseregler_version = paminnelseregler_version + 1 WHERE id = $1',
      [organisationId],
    );
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
function sortRegler(regler: readonly Regel[]): Regel[] {
  return [...regler].sort(
    (a, b) =>
      ORDNING[a.typ] - ORDNING[b.typ] ||
      (a.typ === 'fore' ? b.arbetsdagar - a.arbetsdagar : a.arbetsdagar - b.arbetsdagar),
  );
}
