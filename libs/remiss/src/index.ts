export * from './remiss.module';
export * from './remiss-karna.module';
export * from './remiss.repository';
export * from './handlingar/pdf-granskning.service';
export * from './extern/extern.module';
export * from './extern/okanda-lankar.service';
export * from './utkast/svarsdatum-regel';
export { RemissinstansResponse, toRemissinstansResponse } from './remiss.response';
