import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@app/core';
import { Session } from '@app/database';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';

/** Sessions live in PostgreSQL, so they survive restarts; the cookie holds a random token, the row its hash. */
@Injectable()
export class SessionRepository {
  /** Refresh a session's expiry at most this often, so a busy user does not write on every request. */
  private static readonly TOUCH_INTERVAL_MS = 60_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  static hash(token: string): Buffer {
    return createHash('sha256').update(token).digest();
  }

  /** A new session for the user; the user's expired sessions are cleared on the way. */
  async create(manager: EntityManager, anvandareId: string, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await manager.delete(Session, { anvandareId, expiresAt: LessThan(now) });
    await manager.insert(Session, {
      tokenHash: SessionRepository.hash(token),
      anvandareId,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    });
    return token;
  }

  /** The live session for a token, sliding its expiry forward. */
  async findLive(token: string, ttlMs: number): Promise<Session | null> {
    const repo = this.dataSource.getRepository(Session);
    const session = await repo.findOneBy({ tokenHash: SessionRepository.hash(token) });
    const now = this.clock.now();
    if (!session || session.expiresAt <= now) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > SessionRepository.TOUCH_INTERVAL_MS) {
      await repo.update({ tokenHash: session.tokenHash }, { lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
    }
    return session;
  }

  async delete(manager: EntityManager, token: string): Promise<Session | null> {
    const session = await manager.findOneBy(Session, { tokenHash: SessionRepository.hash(token) });
    if (session) await manager.delete(Session, { tokenHash: session.tokenHash });
    return session;
  }
}
