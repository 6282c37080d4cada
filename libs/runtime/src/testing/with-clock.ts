import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, ClockModule } from '@app/core';

@Module({})
class TestKlockaModule {}

type AppModul = (config: AppConfig, location: { databaseUrl: string; redisUrl: string }) => DynamicModule;

/**
 * The same app with `clock` as its Clock, for startTestApp: the global ClockModule is swapped for
 * one providing `clock`, so hours pass in a test without sleeping or rewriting rows.
 */
export function withClock(modul: AppModul, clock: Clock): AppModul {
  const klocka: DynamicModule = {
    module: TestKlockaModule,
    global: true,
    providers: [{ provide: Clock, useValue: clock }],
    exports: [Clock],
  };
  return (config, location) => {
    const m = modul(config, location);
    return { ...m, imports: (m.imports ?? []).map((i) => (i === ClockModule ? klocka : i)) };
  };
}
