import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a flash waits for the browser's next request before it is purged. */
const PURGE_AFTER = '1 hour';

/**
 * Flashes: what one request of a browser leaves for its next one (see the migration webb-flash),
 * keyed by a random id that only that browser holds. Not tied to a session: an external instans
 * answering through its personal link has none.
 */
@Injectable()
export class FlashRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a flash and returns its id; purges the unread ones of more than an hour in the same statement. */
  async insert(data: Record<string, unknown>): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH purged AS (DELETE FROM webb_flash WHERE created_at < now() - interval '${PURGE_AFTER}')
       INSERT INTO webb_flash (data) VALUES ($1) RETURNING id`,
      [JSON.stringify(data)],
    );
    return rows[0].id;
  }

  /** The flash, once: reading it deletes it. */
  async take(id: string): Promise<Record<string, unknown> | null> {
    // TypeORM answers a DELETE … RETURNING as [rows, count].
    const [rows]: [{ data: Record<string, unknown> }[], number] = await this.dataSource.query(
      `DELETE FROM webb_flash WHERE id = $1 AND created_at >= now() - interval '${PURGE_AFTER}' RETURNING data`,
      [id],
    );
    return rows[0]?.data ?? null;
  }
}
