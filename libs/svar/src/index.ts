export * from './svar.module';
export * from './remissvar.repository';
export * from './instans-svar/instans-svar.service';
export * from './instans-svar/instans-svar.view';
export * from './remissvar.dto';
export * from './remissvar.response';
