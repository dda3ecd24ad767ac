import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { patients } from '../patients';
import { call, expectStatus, okBody } from '../test-support/test-app';
import { withTestApp } from '../test-support/with-test-app';
import { seedDemoDocumentation } from './demo-documentation';

const s = withTestApp({ director: 'director@demo.openiop.org' });

describe('demo documentation seed', () => {
  it('seeds once: a signed group note in each member’s chart, a draft in the director’s queue', async () => {
    expect(await seedDemoDocumentation(s.t.db, s.t.clock.now())).toBe(true);
    expect(await seedDemoDocumentation(s.t.db, s.t.clock.now())).toBe(false);
    const [moore] = await s.t.db.tx((tx) =>
      tx.select().from(patients).where(eq(patients.familyName, 'Moore')),
    );
    const chart = await call(s.t.app, 'GET', `/api/patients/${moore!.id}/notes`, { session: s.director });
    expectStatus(chart, 200);
    const types = chart.body.items.map(
      (n: { noteType: string; status: string }) => `${n.noteType}:${n.status}`,
    );
    expect(types.sort()).toEqual([
      'group_therapy:draft',
      'group_therapy:locked',
      'individual_therapy:locked',
    ]);
    const text = JSON.stringify(chart.body);
    for (const other of ['Adeyemi', 'Santos', 'Washington', 'boredom']) expect(text).not.toContain(other);
    const queue = await call(s.t.app, 'GET', '/api/notes/queue', { session: s.director });
    const drafts = [...okBody(queue).unsigned, ...okBody(queue).overdue].filter(
      (i: { kind: string }) => i.kind === 'group_note',
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.members).toBe(4);
  });
});
