export * from './remiss.module';
export * from './remiss.repository';
