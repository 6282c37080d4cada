export * from './web.module';
export * from './grund/web-grund.module';
export * from './grund/sida';
export * from './grund/web-controller.decorator';
export * from './grund/webb-kontext';
export * from './grund/flash.service';
export * from './grund/sidmallar.service';
