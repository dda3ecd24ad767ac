import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../domain/instruments';
import { programs } from '../platform/db/platform.table';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  intake: 'intake@demo.openiop.org', // both sites
  clinician: 'clinician@demo.openiop.org', // North only
  billing: 'billing@demo.openiop.org',
});

/** Every item of an instrument answered with the same option index (clamped to the item's options). */
const answersAt = (instrument: string, pick: (values: number[]) => number) =>
  Object.fromEntries(
    getInstrument(instrument as 'cows').items.map((i) => [i.id, pick(i.options.map((o) => o.value))]),
  );

const referralBody = (programId: string) => ({
  programId,
  source: 'detox_stepdown',
  referrerName: 'County Detox Unit',
  referredOn: '2026-01-02',
  substances: [
    { substance: 'alcohol', lastUseOn: '2025-12-28' },
    { substance: 'opioids', lastUseOn: '2025-12-20', route: 'intranasal' },
  ],
  medicalFlags: { withdrawalComplicationRisk: false, medicallyUnstable: false, pregnant: false },
  psychiatricFlags: {
    acutePsychiatricSymptoms: false,
    coOccurringDisorder: true,
    note: 'Depression, treated',
  },
});

async function newReferral(patientId = s.ids.okafor, programId = s.ids.northAdultIop) {
  const res = await call(s.t.app, 'POST', `/api/patients/${patientId}/referrals`, {
    session: s.intake,
    body: referralBody(programId),
  });
  expectStatus(res, 201);
  return res.body;
}

const screen = (
  referralId: string,
  body: Record<string, unknown>,
  session = s.intake,
  patientId = s.ids.okafor,
) =>
  call(s.t.app, 'POST', `/api/patients/${patientId}/referrals/${referralId}/screenings`, { session, body });

describe('referral', () => {
  it('records source, date, substances with last use, and flags', async () => {
    const r = await newReferral();
    expect(r).toMatchObject({
      source: 'detox_stepdown',
      referredOn: '2026-01-02',
      programName: 'Adult IOP — North',
      substances: [
        { substance: 'alcohol', lastUseOn: '2025-12-28', route: null },
        { substance: 'opioids', lastUseOn: '2025-12-20', route: 'intranasal' },
      ],
      psychiatricFlags: { coOccurringDisorder: true, note: 'Depression, treated' },
      screenings: [],
    });
    const list = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/referrals`, {
      session: s.clinician,
    });
    expectStatus(list, 200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(r.id);
  });

  it('refuses an unknown source and a program of another site', async () => {
    const bad = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/referrals`, {
      session: s.intake,
      body: { ...referralBody(s.ids.northAdultIop), source: 'internet' },
    });
    expectStatus(bad, 422);
    expect(bad.body.error.fields[0]?.path).toBe('source');
    const otherSite = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/referrals`, {
      session: s.intake,
      body: referralBody(s.ids.southAdultIop),
    });
    expectStatus(otherSite, 422);
    expect(otherSite.body.error.fields[0]?.path).toBe('programId');
  });
});

describe('intake screening', () => {
  it('proceeds to assessment when nothing rules IOP out', async () => {
    const r = await newReferral();
    const res = await screen(r.id, {
      ciwaAr: answersAt('ciwa-ar', () => 1), // total 10: moderate
      cows: answersAt('cows', (v) => v[0]!),
      cssrs: { item1: 0, item2: 0, item6: 0 },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      ciwaAr: { total: 10, band: 'moderate' },
      cows: { total: 0 },
      cssrs: { risk: 'none' },
      thresholds: { ciwaArAbove: 15, cowsAtLeast: 13 },
      ruleOut: { outcome: 'proceed-to-assessment', reasons: [] },
    });
  });

  it('lists every rule-out reason with the level to refer to', async () => {
    const r = await newReferral();
    const res = await screen(r.id, {
      ciwaAr: answersAt('ciwa-ar', () => 2), // total 20 > 15
      cows: answersAt('cows', (v) => Math.max(...v)), // 48 ≥ 13
      cssrs: { item1: 1, item2: 1, item3: 1, item4: 1, item5: 0, item6: 0 },
      recoveryEnvironmentUnsafe: true,
    });
    expectStatus(res, 201);
    expect(res.body.ciwaAr?.total).toBe(20);
    expect(res.body.cssrs?.risk).toBe('high');
    expect(res.body.ruleOut.outcome).toBe('refer-higher-level');
    expect(
      res.body.ruleOut.reasons.map((x: { code: string; referTo: { level: string } }) => [
        x.code,
        x.referTo.level,
      ]),
    ).toEqual([
      ['alcohol_withdrawal_needs_management', '3.7-WM'],
      ['opioid_withdrawal_needs_management', '3.7-WM'],
      ['suicide_risk_high', '4'],
      ['recovery_environment_unsafe', '3.1'],
    ]);
    const stored = await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/referrals/${r.id}`, {
      session: s.clinician,
    });
    expect(okBody(stored).screenings[0]?.ruleOut).toEqual(res.body.ruleOut);
  });

  it("uses the program's thresholds (configuration, not code)", async () => {
    await s.t.db.tx((tx) =>
      tx.update(programs).set({ ciwaArAbove: 20 }).where(eq(programs.id, s.ids.northAdultIop)),
    );
    try {
      const r = await newReferral();
      const res = await screen(r.id, { ciwaAr: answersAt('ciwa-ar', () => 2) }); // 20 is not above 20
      expect(okBody(res).thresholds.ciwaArAbove).toBe(20);
      expect(okBody(res).ruleOut.outcome).toBe('proceed-to-assessment');
    } finally {
      await s.t.db.tx((tx) =>
        tx.update(programs).set({ ciwaArAbove: 15 }).where(eq(programs.id, s.ids.northAdultIop)),
      );
    }
  });

  it('takes flags from the referral unless the screen overrides them', async () => {
    const res0 = await call(s.t.app, 'POST', `/api/patients/${s.ids.okafor}/referrals`, {
      session: s.intake,
      body: { ...referralBody(s.ids.northAdultIop), medicalFlags: { withdrawalComplicationRisk: true } },
    });
    const res = await screen(okBody(res0).id, {});
    expect(okBody(res).ruleOut.reasons.map((x: { code: string }) => x.code)).toEqual([
      'withdrawal_complication_risk',
    ]);
  });

  it('names a bad item answer (422)', async () => {
    const r = await newReferral();
    const res = await screen(r.id, { ciwaAr: { ...answersAt('ciwa-ar', () => 0), item3: 9 } });
    expectStatus(res, 422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['ciwaAr.item3']);
  });
});

describe('access', () => {
  it("a North clinician gets 403 on a South patient's referrals; billing may not read them", async () => {
    const r = await newReferral(s.ids.cho, s.ids.southAdultIop);
    expect(
      (await call(s.t.app, 'GET', `/api/patients/${s.ids.cho}/referrals`, { session: s.clinician })).status,
    ).toBe(403);
    expect((await screen(r.id, {}, s.clinician, s.ids.cho)).status).toBe(403);
    expect(
      (await call(s.t.app, 'GET', `/api/patients/${s.ids.okafor}/referrals`, { session: s.billing })).status,
    ).toBe(403);
  });
});
