export * from './svar.module';
export * from './remissvar.repository';
export * from './extern/extern.module';
export * from './extern/okanda-lankar.service';
// The external link's services and views, for its web pages.
export * from './extern/extern.service';
export * from './extern/extern-remissvar.service';
export * from './extern/extern.response';
export * from './extern/extern.dto';
// The content's DTOs, which the pages' forms extend.
export * from './remissvar.dto';
