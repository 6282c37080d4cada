export * from './svar.module';
export * from './remissvar.repository';
export * from './extern/extern.module';
export * from './extern/okanda-lankar.service';
// The external link's services and views, for its web pages.
export * from './extern/extern.service';
export * from './extern/extern-remissvar.service';
export * from './extern/extern.response';
export * from './extern/extern.dto';
export * from './inkorg/inkorg.dto';
export * from './inkorg/inkorg.service';
export * from './inkorg/inkorg.view';
export * from './instans/namnd-instans.service';
export * from './instans/namnd-instans.view';
export * from './instans/registrering.service';
export * from './expediering/expediering.service';
export { NamndAvstaDto, RegistreraDto } from './remissvar.dto';
