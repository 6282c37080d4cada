import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction, or inside the caller's when one is given: a state change,
 * its audit event and its outbox rows commit together or not at all.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  outer: EntityManager | undefined,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return outer ? work(outer) : dataSource.transaction(work);
}
