export * from './utkorg-typ';
export * from './utkorg-typer';
export * from './utkorg-rader.repository';
export * from './utkorg-ko';
export * from './utkorg.service';
export * from './utkorg-avstamning.service';
export * from './utkorg.module';
