export * from './svar.module';
export * from './remissvar.repository';
