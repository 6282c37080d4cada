export * from './entities';
export * from './data-source';
export * from './infrastructure';
export * from './storage.module';
export * from './redis/redis';
export * from './transaction';
export * from './health/health.module';
