import { join } from 'node:path';

/** What paced users waited for their pages: latency from sending to the last byte. */
export interface TaktMatning {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

/** An autocannon setupRequest module (bench-api/trafik.js, bench-web/trafik.js): the next request of one user. */
type Trafik = (request: object, context: object) => { path: string; headers: Record<string, string> };

/**
 * Traffic as people make it: each of `users` asks a page, reads it for an exponentially distributed
 * while (`perSekund` requests a second on average) and asks the next, for `seconds`. The pages are
 * those the saturation measurement asks (the same trafik.js, whose file its environment variable
 * names). Not autocannon's connectionRate, which fires every connection's request in the same
 * millisecond, a burst of 50 no one makes. The load is light, so the loop runs on the app's own
 * event loop. It starts once the requests a saturation run left in flight have been answered (a second
 * later; those are not people's), and then calls `onStart`.
 */
export async function paced(
  base: string,
  trafikFile: string,
  users: number,
  perSekund: number,
  seconds: number,
  onStart?: () => void,
): Promise<TaktMatning> {
  const path = join(__dirname, '..', trafikFile);
  // trafik.js reads the current measurement's file when it loads (a plain JS module shared with autocannon's worker).
  delete require.cache[require.resolve(path)];
  const trafik = require(path) as Trafik;
  const latencies: number[] = [];
  let errors = 0;
  await new Promise((r) => setTimeout(r, 1000));
  onStart?.();
  const end = Date.now() + seconds * 1000;
  const user = async () => {
    const context = {};
    for (;;) {
      await new Promise((r) => setTimeout(r, (-Math.log(1 - Math.random()) * 1000) / perSekund));
      if (Date.now() >= end) return;
      const { path: url, headers } = trafik({ headers: {} }, context);
      const sent = performance.now();
      try {
        const response = await fetch(`${base}${url}`, { headers });
        await response.arrayBuffer();
        if (!response.ok) errors++;
        latencies.push(performance.now() - sent);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { p50: at(0.5), p99: at(0.99), rps: Math.round(latencies.length / seconds), errors };
}
