import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors';
import { admit } from '../test-support/clinical-fixtures';
import { login } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { changeLevelOfCare, levelChangeDirection } from './change-level-of-care';
import { findEpisode } from './episodes.store';

const admitted = { status: 'active', edition: 3, level: '2.1', admittedOn: '2026-01-05' };

describe('the rule of a level change', () => {
  it.each([
    { to: '1', on: '2026-02-01', direction: 'step-down' },
    { to: '2.5', on: '2026-02-01', direction: 'step-up' },
    { to: '3.1', on: '2026-01-05', direction: 'step-up' }, // on the day of admission
    { to: '0.5', on: '2026-03-01', direction: 'step-down' },
  ])('2.1 → $to on $on is a $direction', ({ to, on, direction }) => {
    expect(levelChangeDirection(admitted, to, on)).toBe(direction);
  });

  it.each([
    {
      name: 'a discharged episode',
      episode: { ...admitted, status: 'discharged' },
      to: '1',
      on: '2026-02-01',
      status: 409,
      code: 'episode_discharged',
      path: undefined,
    },
    {
      name: 'the same level',
      episode: admitted,
      to: '2.1',
      on: '2026-02-01',
      status: 422,
      code: 'validation_failed',
      path: 'toLevel',
    },
    {
      name: 'a level of another edition',
      episode: admitted,
      to: '2.7',
      on: '2026-02-01',
      status: 422,
      code: 'validation_failed',
      path: 'toLevel',
    },
    {
      name: 'a day before the admission',
      episode: admitted,
      to: '1',
      on: '2026-01-04',
      status: 422,
      code: 'validation_failed',
      path: 'effectiveOn',
    },
  ])('refuses $name ($status)', ({ episode, to, on, status, code, path }) => {
    let error: unknown;
    try {
      levelChangeDirection(episode, to, on);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status, code });
    if (path) expect((error as AppError).fields[0]?.path).toBe(path);
  });

  it('takes edition 4 levels for an edition 4 episode', () => {
    expect(levelChangeDirection({ ...admitted, edition: 4 }, '2.7', '2026-02-01')).toBe('step-up');
  });
});

describe('changeLevelOfCare', () => {
  const s = withTestApp();
  let episodeId: string;

  beforeAll(async () => {
    const clinician = await login(s.t.app, 'clinician@demo.openiop.org');
    episodeId = (await admit(s.t, clinician, s.ids.bell, s.ids.northAdultIop)).body.id;
  });

  /** Reads Bell's episode and changes its level, in one transaction. */
  const change = (request: Partial<Parameters<typeof changeLevelOfCare>[1]>) =>
    s.t.db.tx(async (tx) => {
      const episode = (await findEpisode(tx, s.ids.bell, episodeId))!;
      return changeLevelOfCare(tx, {
        episode,
        toLevel: '1',
        effectiveOn: '2026-02-01',
        reason: 'x',
        changedBy: s.ids.clinicianId,
        now: s.t.deps.now(),
        ...request,
      });
    });

  it('writes the change row and the audit row, and refuses a stale version with the current one', async () => {
    const audited: unknown[] = [];
    const changed = await change({
      reason: 'Goals met',
      audit: async (...row) => {
        audited.push(row);
      },
    });
    expect(changed).toEqual({
      fromLevel: '2.1',
      toLevel: '1',
      direction: 'step-down',
      effectiveOn: '2026-02-01',
    });
    expect(audited).toEqual([
      ['episode.level_change', 'episode', episodeId, { from: '2.1', to: '1', direction: 'step-down' }],
    ]);
    const after = await s.t.db.tx((tx) => findEpisode(tx, s.ids.bell, episodeId));
    expect(after).toMatchObject({ level: '1', version: 2 });

    const stale = change({ version: 1, toLevel: '2.1', effectiveOn: '2026-02-02' });
    await expect(stale).rejects.toMatchObject({
      status: 409,
      code: 'version_conflict',
      details: { currentVersion: 2 },
    });
  });

  it('refuses an assessment of another patient', async () => {
    const run = change({
      toLevel: '2.5',
      effectiveOn: '2026-02-03',
      assessmentId: '00000000-0000-4000-8000-000000000000',
    });
    await expect(run).rejects.toMatchObject({ status: 422, fields: [{ path: 'assessmentId' }] });
    const after = await s.t.db.tx((tx) => findEpisode(tx, s.ids.bell, episodeId));
    expect(after).toMatchObject({ level: '1', version: 2 });
  });
});
