export * from './lankar.module';
export * from './extern-lank.service';
export * from './extern-atkomst.repository';
