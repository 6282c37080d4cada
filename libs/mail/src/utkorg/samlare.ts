/**
 * Gathers the calls made within a few milliseconds into one batch call: fifty jobs running at
 * once become one SQL statement instead of fifty. `batch` answers in key order.
 */
export class Samlare<K, V> {
  private vantande: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  private planerad = false;

  constructor(
    private readonly batch: (keys: K[]) => Promise<V[]>,
    private readonly max = 500,
    /** How long the first call waits for company; jobs reach a worker one Redis round trip apart. */
    private readonly fonsterMs = 3,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.vantande.push({ key, resolve, reject });
      if (this.vantande.length >= this.max) this.tom();
      else if (!this.planerad) {
        this.planerad = true;
        setTimeout(() => this.tom(), this.fonsterMs);
      }
    });
  }

  private tom(): void {
    this.planerad = false;
    const anrop = this.vantande.splice(0);
    if (!anrop.length) return;
    this.batch(anrop.map((a) => a.key)).then(
      (values) => anrop.forEach((a, i) => a.resolve(values[i])),
      (error: unknown) => anrop.forEach((a) => a.reject(error)),
    );
  }
}
