export * from './utkorg-typ';
export * from './utkorg-typer.service';
export * from './utkorg-rader.repository';
export * from './utkorg-ko.service';
export * from './utkorg.service';
export * from './utkorg-avstamning.service';
export * from './utkorg.module';
