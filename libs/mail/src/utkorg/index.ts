export * from './utkorg-typ';
export * from './utkorg-typer';
export * from './utkorg-rader';
export * from './utkorg-ko';
export * from './utkorg';
export * from './utkorg-avstamning';
export * from './utkorg.module';
