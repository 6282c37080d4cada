import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, generateToken, hashToken } from '@app/core';
import { preparedRead, Session } from '@app/database';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Actor, RollVidEnhet } from './actor';

interface ActorRow {
  id: string;
  organisation_id: string;
  namn: string;
  epost: string;
  last_seen_at: Date;
  created_at: Date;
  roller: RollVidEnhet[];
  csrf_token: string;
  operator: boolean;
}

/** A live session: who is signed in, and the CSRF token their unsafe requests must carry. */
export interface LiveSession {
  actor: Actor;
  csrfToken: string;
}

/** Sessions live in PostgreSQL, so they survive restarts; the cookie holds a random token, the row its hash. */
@Injectable()
export class SessionRepository {
  /** Refresh a session's expiry at most this often, so a busy user does not write on every request. */
  private static readonly TOUCH_INTERVAL_MS = 60_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A new session for the user (its cookie token and CSRF token); the user's expired sessions are cleared on the way. */
  async create(
    manager: EntityManager,
    anvandareId: string,
    ttlMs: number,
  ): Promise<{ token: string; csrfToken: string }> {
    const token = generateToken();
    const csrfToken = generateToken(24);
    const now = this.clock.now();
    await manager.delete(Session, { anvandareId, expiresAt: LessThan(now) });
    await manager.insert(Session, {
      tokenHash: hashToken(token),
      anvandareId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    });
    return { token, csrfToken };
  }

  /**
   * The signed-in user behind a live session token, with its roles and the session's CSRF token,
   * in one round trip (this runs on every request); the session's expiry slides forward at most
   * once a minute, but never past `maxMs` after login: a session in constant use still ends, and
   * its user signs in again.
   */
  async findActor(token: string, ttlMs: number, maxMs: number): Promise<LiveSession | null> {
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const rows = await preparedRead<ActorRow>(
      this.dataSource,
      `SELECT a.id, a.organisation_id, a.namn, a.epost, a.operator, s.last_seen_at, s.created_at, s.csrf_token,
              COALESCE(json_agg(json_build_object('enhetId', r.enhet_id, 'roll', r.roll)) FILTER (WHERE r.roll IS NOT NULL), '[]') AS roller
         FROM session s
         JOIN anvandare a ON a.id = s.anvandare_id AND a.aktiv
         LEFT JOIN anvandarroll r ON r.anvandare_id = a.id
        WHERE s.token_hash = decode($1, 'hex') AND s.expires_at > $2 AND s.created_at > $3
        GROUP BY a.id, s.token_hash`,
      [tokenHash.toString('hex'), now, new Date(now.getTime() - maxMs)],
      'generic',
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > SessionRepository.TOUCH_INTERVAL_MS) {
      const expiresAt = Math.min(now.getTime() + ttlMs, new Date(row.created_at).getTime() + maxMs);
      await this.dataSource
        .getRepository(Session)
        .update({ tokenHash }, { lastSeenAt: now, expiresAt: new Date(expiresAt) });
    }
    return {
      actor: new Actor(row.id, row.organisation_id, row.namn, row.epost, row.roller, row.operator),
      csrfToken: row.csrf_token,
    };
  }

  /** Ends every session of a user (deactivated, or a new password), but `behall`'s: the one the change was made in. */
  async deleteForUser(manager: EntityManager, anvandareId: string, behall?: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(Session)
      .where('anvandare_id = :anvandareId', { anvandareId })
      .andWhere(behall ? 'token_hash <> :behall' : 'true', behall ? { behall: hashToken(behall) } : {})
      .execute();
    return result.affected ?? 0;
  }

  async delete(manager: EntityManager, token: string): Promise<Session | null> {
    const session = await manager.findOneBy(Session, { tokenHash: hashToken(token) });
    if (session) await manager.delete(Session, { tokenHash: session.tokenHash });
    return session;
  }
}
