// autocannon's setupRequest for bench:api's varied traffic, loaded by path in autocannon's worker
// thread (functions cannot cross threads; plain JS, since the worker has no ts-node). Each
// connection is one simulated user with a session of its own; each request picks a random page,
// sort and filter (or a random remiss, for the status view), so no two concurrent requests need be
// identical and no read can ride on another's execution or cached page.
const { readFileSync } = require('node:fs');
const { URLSearchParams } = require('node:url');

/** Written by bench-api.ts: { endpoint, users: [{ token, enhet? }], remisser: [id], rader, ord: [text] }. */
const spec = JSON.parse(readFileSync(process.env.BENCH_API_TRAFIK, 'utf8'));
let nextUser = 0;

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const chance = (p) => Math.random() < p;

/** Half the requests are a first page; the others any page an unfiltered list has (filtered ones may be past its end). */
function page(pageSize) {
  return chance(0.5) ? 1 : 1 + Math.floor(Math.random() * Math.ceil(spec.rader / pageSize));
}

function listQuery(sorts, statusar, extra) {
  const pageSize = pick([20, 50, 100]);
  const q = new URLSearchParams({
    sort: pick(sorts),
    order: pick(['asc', 'desc']),
    page: String(page(pageSize)),
    pageSize: String(pageSize),
  });
  if (chance(0.3)) q.set('status', pick(statusar));
  if (chance(0.3)) q.set('forsenad', pick(['true', 'false']));
  if (chance(0.3)) q.set('q', pick(spec.ord));
  extra(q);
  return q.toString();
}

const paths = {
  inkorg: (user) =>
    `/api/enheter/${user.enhet}/inkorg?${listQuery(
      ['svarsdatum', 'utskickad', 'arendemening', 'status', 'diarienummer'],
      ['inbjuden', 'registrerad', 'under_beredning', 'besvarad', 'avstar'],
      () => undefined,
    )}`,
  list: () =>
    `/api/remisser?${listQuery(
      ['svarsdatum', 'skapad', 'diarienummer', 'arendemening', 'status'],
      ['utkast', 'utskickad', 'avslutad', 'aterkallad'],
      (q) => {
        if (!chance(0.2)) return;
        const fran = new Date(Date.UTC(2025, 0, 2) + Math.floor(Math.random() * 700) * 86_400_000);
        q.set('svarsdatumFran', fran.toISOString().slice(0, 10));
        q.set('svarsdatumTill', new Date(fran.getTime() + 60 * 86_400_000).toISOString().slice(0, 10));
      },
    )}`,
  status: () => `/api/remisser/${pick(spec.remisser)}/status`,
};

module.exports = (request, context) => {
  context.user ??= spec.users[nextUser++ % spec.users.length];
  return {
    ...request,
    path: paths[spec.endpoint](context.user),
    headers: { ...request.headers, cookie: `remiss_session=${context.user.token}` },
  };
};
