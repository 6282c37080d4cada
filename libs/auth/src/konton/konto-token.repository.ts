import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, generateToken, hashToken } from '@app/core';
import { KontoTokenSyfte } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';

/** Whom a live one-time link belongs to, as its page greets them. */
export interface KontoLankAgare {
  anvandareId: string;
  organisationId: string;
  syfte: KontoTokenSyfte;
  epost: string;
  namn: string;
  organisationNamn: string;
  expiresAt: Date;
}

/**
 * One-time links that set a password (invitations, resets): the token is shown once, in the mail; the row
 * holds its SHA-256 (`hashToken`, as sessions and personal links do). A new link of a kind ends the older ones.
 */
@Injectable()
export class KontoTokenRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async issue(
    manager: EntityManager,
    anvandareId: string,
    syfte: KontoTokenSyfte,
    ttlMs: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    await manager.query(
      `UPDATE konto_token SET used_at = $3 WHERE anvandare_id = $1 AND syfte = $2 AND used_at IS NULL`,
      [anvandareId, syfte, now],
    );
    const token = generateToken();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await manager.query(
      `INSERT INTO konto_token (token_hash, anvandare_id, syfte, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [hashToken(token), anvandareId, syfte, expiresAt, now],
    );
    return { token, expiresAt };
  }

  /** The owner of a link that still works (unused, unexpired, its account active), or null. */
  async find(token: string): Promise<KontoLankAgare | null> {
    const rows: {
      anvandare_id: string;
      organisation_id: string;
      syfte: KontoTokenSyfte;
      epost: string;
      namn: string;
      organisation_namn: string;
      expires_at: Date;
    }[] = await this.dataSource.query(
      `SELECT t.anvandare_id, a.organisation_id, t.syfte, a.epost, a.namn, o.namn AS organisation_namn, t.expires_at
         FROM konto_token t
         JOIN anvandare a ON a.id = t.anvandare_id AND a.aktiv
         JOIN organisation o ON o.id = a.organisation_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2`,
      [hashToken(token), this.clock.now()],
    );
    const r = rows[0];
    return r
      ? {
          anvandareId: r.anvandare_id,
          organisationId: r.organisation_id,
          syfte: r.syfte,
          epost: r.epost,
          namn: r.namn,
          organisationNamn: r.organisation_namn,
          expiresAt: r.expires_at,
        }
      : null;
  }

  /**
   * Uses the link, once: of two requests racing with one token, the second waits for the first's row lock and
   * then finds it used. Answers whose link it was, or null.
   */
  async use(manager: EntityManager, token: string): Promise<{ anvandareId: string; syfte: KontoTokenSyfte } | null> {
    const now = this.clock.now();
    const [rows]: [{ anvandare_id: string; syfte: KontoTokenSyfte }[]] = await manager.query(
      `UPDATE konto_token t SET used_at = $2
         FROM anvandare a
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2 AND a.id = t.anvandare_id AND a.aktiv
        RETURNING t.anvandare_id, t.syfte`,
      [hashToken(token), now],
    );
    return rows[0] ? { anvandareId: rows[0].anvandare_id, syfte: rows[0].syfte } : null;
  }

  /** Ends every open link of a user (deactivated). */
  async endAll(manager: EntityManager, anvandareId: string): Promise<void> {
    await manager.query(`UPDATE konto_token SET used_at = $2 WHERE anvandare_id = $1 AND used_at IS NULL`, [
      anvandareId,
      this.clock.now(),
    ]);
  }
}
