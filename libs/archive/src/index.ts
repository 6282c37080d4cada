export * from './archive.module';
export * from './diarium/diarium.repository';
export * from './diarium/diarium.service';
export * from './fil/fil.repository';
export * from './arkiv/arkiv.service';
export * from './fil/filnamn';
