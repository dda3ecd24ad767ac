import { describe, expect, it } from 'vitest';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';

const s = withTestApp({
  clinician: 'clinician@demo.openiop.org', // Riverbend North only
});

const yearsAgo = (years: number, days = 0) => {
  const d = s.t.clock.now();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

const create = (body: Record<string, unknown>, site = s.ids.north) =>
  call(s.t.app, 'POST', `/api/sites/${site}/patients`, { session: s.clinician, body });

describe('demographics', () => {
  it('stores address, living situation and emergency contact', async () => {
    const res = await create({
      givenName: 'Lena',
      familyName: 'Marsh',
      dateOfBirth: '1990-02-03',
      addressLine1: '12 River Rd',
      addressLine2: 'Apt 4',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      livingSituation: 'sober_living',
      emergencyContact: { name: 'Tom Marsh', relationship: 'brother', phone: '(555) 010-9999' },
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      city: 'Springfield',
      postalCode: '62701',
      livingSituation: 'sober_living',
      emergencyContact: { name: 'Tom Marsh', relationship: 'brother' },
      guardianContact: null,
    });
    const read = await call(s.t.app, 'GET', `/api/patients/${res.body.id}`, { session: s.clinician });
    expect(okBody(read).addressLine2).toBe('Apt 4');
  });

  it('refuses a date of birth in the future (422 dateOfBirth)', async () => {
    const tomorrow = new Date(s.t.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await create({ givenName: 'Future', familyName: 'Person', dateOfBirth: tomorrow });
    expectStatus(res, 422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['dateOfBirth']);
  });

  it('refuses an unknown living situation', async () => {
    const res = await create({
      givenName: 'A',
      familyName: 'B',
      dateOfBirth: '1990-01-01',
      livingSituation: 'car',
    });
    expectStatus(res, 422);
    expect(res.body.error.fields[0]?.path).toBe('livingSituation');
  });

  it('needs a guardian contact for a patient under 18, and not for one who just turned 18', async () => {
    const minor = await create({ givenName: 'Teen', familyName: 'Ager', dateOfBirth: yearsAgo(16) });
    expectStatus(minor, 422);
    expect(minor.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['guardianContact']);

    const noWayToReach = await create({
      givenName: 'Teen',
      familyName: 'Ager',
      dateOfBirth: yearsAgo(16),
      guardianContact: { name: 'Pat Ager', relationship: 'mother' },
    });
    expectStatus(noWayToReach, 422);
    expect(noWayToReach.body.error.fields[0]?.path).toBe('guardianContact.phone');

    const withGuardian = await create({
      givenName: 'Teen',
      familyName: 'Ager',
      dateOfBirth: yearsAgo(16),
      guardianContact: { name: 'Pat Ager', relationship: 'mother', email: 'pat@example.org' },
    });
    expectStatus(withGuardian, 201);
    expect(withGuardian.body.guardianContact).toEqual({
      name: 'Pat Ager',
      relationship: 'mother',
      phone: null,
      email: 'pat@example.org',
    });

    // Removing the guardian of a minor is refused as well.
    const removed = await call(s.t.app, 'PATCH', `/api/patients/${withGuardian.body.id}`, {
      session: s.clinician,
      headers: { 'if-match': `"${withGuardian.body.version}"` },
      body: { guardianContact: null },
    });
    expectStatus(removed, 422);
    expect(removed.body.error.fields[0]?.path).toBe('guardianContact');

    const adult = await create({ givenName: 'Just', familyName: 'Eighteen', dateOfBirth: yearsAgo(18, 1) });
    expectStatus(adult, 201);
  });
});

describe('possible duplicates', () => {
  it('answers 409 possible_duplicate naming the existing patient, unless confirmed', async () => {
    // Okafor, Amara, 1979-11-02 is a demo patient of North; any case matches, at any site of the organization.
    const dup = await create(
      { givenName: 'amara', familyName: 'OKAFOR', dateOfBirth: '1979-11-02' },
      s.ids.north,
    );
    expectStatus(dup, 409);
    expect(dup.body.error.code).toBe('possible_duplicate');
    expect(dup.body).toHaveProperty('error.existing', [{ id: s.ids.okafor, mrn: 'RB1002' }]);

    const confirmed = await create({
      givenName: 'Amara',
      familyName: 'Okafor',
      dateOfBirth: '1979-11-02',
      confirmNotDuplicate: true,
    });
    expectStatus(confirmed, 201);
    expect(confirmed.body.id).not.toBe(s.ids.okafor);
  });

  it('a different date of birth is not a duplicate', async () => {
    const res = await create({ givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '1979-11-03' });
    expectStatus(res, 201);
  });
});

describe('access', () => {
  it('a North clinician may not register a patient at South (403)', async () => {
    const res = await create({ givenName: 'X', familyName: 'Y', dateOfBirth: '1990-01-01' }, s.ids.south);
    expectStatus(res, 403);
  });
});
