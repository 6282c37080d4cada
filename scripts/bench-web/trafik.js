// autocannon's setupRequest for bench:web (loaded by path in autocannon's worker thread; plain JS).
// Each connection is one simulated user with a session of its own; each request is one page: a nämnd's
// inkorg with a random page, sort and filter, or the editor of a random answer of the user's enhet; a
// remissansvarig's remisser list with a random page, sort and filter, or the status page of a random
// sent remiss of the user's enhet — so no two concurrent requests need be identical.
const { readFileSync } = require('node:fs');
const { URLSearchParams } = require('node:url');

/**
 * Written by bench-web.ts: { sida, users: [{ token, enhet }], utkast: { [enhet]: [instansId] },
 * remisser: { [enhet]: [remissId] }, rader, ord }.
 */
const spec = JSON.parse(readFileSync(process.env.BENCH_WEB_TRAFIK, 'utf8'));
let nextUser = 0;

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const chance = (p) => Math.random() < p;

function inkorg() {
  const q = new URLSearchParams({
    sort: pick(['svarsdatum', 'utskickad', 'arendemening', 'status', 'diarienummer']),
    order: pick(['asc', 'desc']),
  });
  if (chance(0.5)) q.set('page', String(1 + Math.floor(Math.random() * Math.ceil(spec.rader / 25))));
  if (chance(0.3)) q.set('status', pick(['inbjuden', 'registrerad', 'under_beredning', 'besvarad', 'avstar']));
  if (chance(0.3)) q.set('forsenad', pick(['true', 'false']));
  if (chance(0.3)) q.set('q', pick(spec.ord));
  return `/inkorg?${q}`;
}

function remisser() {
  const q = new URLSearchParams({
    sort: pick(['svarsdatum', 'skapad', 'diarienummer', 'arendemening', 'status']),
    order: pick(['asc', 'desc']),
  });
  if (chance(0.5)) q.set('page', String(1 + Math.floor(Math.random() * Math.ceil(spec.rader / 25))));
  if (chance(0.3)) q.set('status', pick(['utkast', 'utskickad', 'avslutad', 'aterkallad']));
  if (chance(0.3)) q.set('forsenad', pick(['true', 'false']));
  if (chance(0.3)) q.set('ar', pick(['2025', '2026']));
  if (chance(0.3)) q.set('q', pick(spec.ord));
  return `/remisser?${q}`;
}

const paths = {
  inkorg: () => inkorg(),
  editor: (user) => `/inkorg/${pick(spec.utkast[user.enhet])}/svar`,
  remisser: () => remisser(),
  status: (user) => `/remisser/${pick(spec.remisser[user.enhet])}/status`,
};

module.exports = (request, context) => {
  context.user ??= spec.users[nextUser++ % spec.users.length];
  return {
    ...request,
    method: 'GET',
    path: paths[spec.sida](context.user),
    headers: { cookie: `remiss_session=${context.user.token}` },
  };
};
