export * from './brevhuvud.dto';
export * from './brevhuvud.module';
export * from './brevhuvud.response';
export * from './brevhuvud.service';
export * from './emblem-uppladdning.interceptor';
export * from './kontrast';
