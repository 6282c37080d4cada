export * from './svar.module';
export * from './remissvar.repository';
export * from './extern/extern.module';
export * from './extern/okanda-lankar.service';
