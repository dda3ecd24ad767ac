import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, call, login, type Session } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { type GeneratedData, generateSyntheticData, SCALES, SYNTHETIC_END } from './synthetic-data';

/**
 * Query counts: the main screens — chart, census, dose ledger, roster and week calendar —
 * issue the same number of SQL statements on a small network (1 site, 8 patients, 2 weeks) and a larger one
 * (60 patients a site, 8 weeks, a patient with 60 extra attendances). A count that grows with the rows is
 * an N+1. The data comes from the benchmark generator (synthetic-data.ts), so the two agree on "realistic".
 */
const s = withTestApp();
const networks: { data: GeneratedData; session: Session }[] = [];
const lastWeek = SYNTHETIC_END.subtract({ weeks: 1 }).toString();

beforeAll(async () => {
  for (const [label, scale] of [
    ['qcsmall', SCALES.tiny],
    ['qclarge', SCALES.medium],
  ] as const) {
    const data = await generateSyntheticData(s.t.db, scale, { seed: 11, label });
    networks.push({ data, session: await login(s.t.app, data.directorEmail) });
  }
}, 180_000);

type Probe = { name: string; method: 'GET' | 'PUT'; path: (d: GeneratedData) => string; body?: unknown };

const probes: Probe[] = [
  { name: 'chart', method: 'GET', path: (d) => `/api/patients/${d.typicalPatientId}` },
  { name: 'chart episodes', method: 'GET', path: (d) => `/api/patients/${d.typicalPatientId}/episodes` },
  { name: 'census', method: 'GET', path: (d) => `/api/sites/${d.sites[0]!.id}/patients?pageSize=25` },
  {
    name: 'census page 2',
    method: 'GET',
    path: (d) => `/api/sites/${d.sites[0]!.id}/patients?pageSize=5&page=2`,
  },
  { name: 'episode census', method: 'GET', path: (d) => `/api/sites/${d.sites[0]!.id}/episodes?pageSize=25` },
  {
    name: 'dose ledger',
    method: 'GET',
    path: (d) => `/api/patients/${d.typicalPatientId}/dose?week=${lastWeek}`,
  },
  {
    name: 'at-risk ledger',
    method: 'GET',
    path: (d) => `/api/sites/${d.sites[0]!.id}/programs/${d.sites[0]!.programId}/at-risk?week=${lastWeek}`,
  },
  {
    name: 'week calendar',
    method: 'GET',
    path: (d) =>
      `/api/sites/${d.sites[0]!.id}/programs/${d.sites[0]!.programId}/sessions?from=${lastWeek}&to=${SYNTHETIC_END.toString()}`,
  },
  {
    name: 'roster',
    method: 'GET',
    path: (d) => `/api/sites/${d.busySessionSiteId}/sessions/${d.busySessionId}/attendance`,
  },
];

async function statements(
  network: (typeof networks)[number],
  probe: Probe,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const before = s.t.db.queryCount();
  const res = await call(s.t.app, probe.method, probe.path(network.data), {
    session: network.session,
    body,
    headers,
  });
  expect(res.status, `${probe.name}: ${res.text.slice(0, 300)}`).toBe(200);
  return { count: s.t.db.queryCount() - before, body: res.body, headers: res.headers };
}

/** The roster probe's body, in the shape the contract gives a session's attendance (the probes' addresses are plain strings). */
type RosterAnswer = ApiResponse<`/api/sites/${string}/sessions/${string}/attendance`, 'GET'> & {
  status: 200;
};
const rosterOf = (answer: { body: unknown }) => answer.body as RosterAnswer['body'];

describe('statements per request do not grow with the data', () => {
  it('chart, census, dose ledger, at-risk, week calendar and roster: same count on small and larger data', async () => {
    const [small, large] = networks as [(typeof networks)[0], (typeof networks)[0]];
    const counts: Record<string, [number, number]> = {};
    for (const probe of probes) {
      const a = await statements(small, probe);
      const b = await statements(large, probe);
      counts[probe.name] = [a.count, b.count];
    }
    console.info(`query counts (${s.t.db.kind}), small vs larger: ${JSON.stringify(counts)}`);
    for (const [name, [a, b]] of Object.entries(counts)) expect(b, name).toBe(a);
    // The larger network really is larger where it matters.
    const roster = await statements(large, probes.find((p) => p.name === 'roster')!);
    const smallRoster = await statements(small, probes.find((p) => p.name === 'roster')!);
    expect(rosterOf(roster).members.length).toBeGreaterThan(rosterOf(smallRoster).members.length);
  });

  it('saving a whole roster issues the same statements for a small and a larger roster', async () => {
    const saved: number[] = [];
    const sizes: number[] = [];
    for (const network of networks) {
      const probe = probes.find((p) => p.name === 'roster')!;
      const roster = await statements(network, probe);
      const rows = rosterOf(roster).members.map((m: { patientId: string }) => ({
        patientId: m.patientId,
        status: 'present',
        minutes: 180,
      }));
      sizes.push(rows.length);
      const put = await statements(
        network,
        { ...probe, method: 'PUT' },
        { rows },
        {
          'if-match': roster.headers.get('etag')!,
        },
      );
      saved.push(put.count);
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
    expect(saved[1], `roster save statements for ${sizes.join(' and ')} rows`).toBe(saved[0]);
  });
});
