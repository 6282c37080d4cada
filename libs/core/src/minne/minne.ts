/**
 * Answers of a pure computation by key, at most `max` of them; when full, all are forgotten at
 * once, since the keys of a burst repeat and an LRU would not pay for itself. The answers are
 * shared between callers, so they must not be changed.
 */
export class Minne<R> {
  private readonly svar = new Map<string, R>();

  constructor(private readonly max = 1000) {}

  get(nyckel: string, berakna: () => R): R {
    let svar = this.svar.get(nyckel);
    if (svar === undefined) {
      if (this.svar.size >= this.max) this.svar.clear();
      this.svar.set(nyckel, (svar = berakna()));
    }
    return svar;
  }
}
