import { Injectable } from '@nestjs/common';
import { UtkorgTyp } from './utkorg-typ';

/** The kinds of work the outbox knows; each kind's module registers itself at start-up. */
@Injectable()
export class UtkorgTyper {
  private readonly typer = new Map<string, UtkorgTyp>();

  register(typ: UtkorgTyp): void {
    // The table name is interpolated into SQL (it cannot be a bound parameter): only a plain identifier passes.
    if (!/^[a-z][a-z0-9_-]*$/.test(typ.namn) || !/^[a-z][a-z0-9_]*$/.test(typ.tabell) || this.typer.has(typ.namn))
      throw new Error(`outbox kind "${typ.namn}" (table "${typ.tabell}") is invalid or registered twice`);
    this.typer.set(typ.namn, typ);
  }

  get(namn: string): UtkorgTyp {
    const typ = this.typer.get(namn);
    if (!typ) throw new Error(`unknown outbox kind "${namn}"`);
    return typ;
  }

  list(): UtkorgTyp[] {
    return [...this.typer.values()];
  }
}
