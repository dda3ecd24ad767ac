import { beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf, okBody } from '../../test-support/test-app';
import { withTestApp } from '../../test-support/with-test-app';

/** Anything a client sends gets a clear 4xx naming the field — never a 500, a stack trace or SQL. */
const s = withTestApp({ clinician: 'clinician@demo.openiop.org' });
let siteId: string;
let patientId: string;

beforeAll(async () => {
  siteId = okBody(await call(s.t.app, 'GET', '/api/sites', { session: s.clinician })).items[0]!.id;
  patientId = okBody(
    await call(s.t.app, 'GET', `/api/sites/${siteId}/patients?q=Okafor`, { session: s.clinician }),
  ).items[0]!.id;
});

const leaks = /\bat \S+ \(|node_modules|\bselect\b|\binsert into\b|\bupdate "|syntax error|drizzle|postgres/i;

const validPatient = { givenName: 'Test', familyName: 'Person', dateOfBirth: '1990-01-01' };

describe('bad input', () => {
  const cases: {
    name: string;
    method: string;
    path: () => string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    status: number;
    field?: string;
  }[] = [
    {
      name: 'malformed JSON',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      rawBody: '{"givenName": ',
      headers: { 'content-type': 'application/json' },
      status: 400,
      field: '(body)',
    },
    {
      name: 'unknown field',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, shoeSize: 42 },
      status: 422,
      field: 'shoeSize',
    },
    {
      name: 'wrong type',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, givenName: 7 },
      status: 422,
      field: 'givenName',
    },
    {
      name: 'missing required field',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { givenName: 'A', familyName: 'B' },
      status: 422,
      field: 'dateOfBirth',
    },
    {
      name: 'impossible date',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, dateOfBirth: '2023-02-30' },
      status: 422,
      field: 'dateOfBirth',
    },
    {
      name: 'date in wrong form',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, dateOfBirth: '01/02/1990' },
      status: 422,
      field: 'dateOfBirth',
    },
    {
      name: 'huge string',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, givenName: 'x'.repeat(100_000) },
      status: 422,
      field: 'givenName',
    },
    {
      name: 'body that is an array',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: [1, 2],
      status: 422,
      field: '(body)',
    },
    {
      name: 'null bytes and unicode',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, email: 'a\u0000@x' },
      status: 422,
      field: 'email',
    },
    {
      name: 'body over 1 MB',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: { ...validPatient, givenName: 'x'.repeat(1_100_000) },
      status: 413,
      field: '(body)',
    },
    {
      name: 'form body instead of JSON',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      rawBody: 'givenName=A',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
      field: 'header.Content-Type',
    },
    {
      name: 'patient id that is not a UUID',
      method: 'GET',
      path: () => '/api/patients/123',
      status: 400,
      field: 'patientId',
    },
    {
      name: 'site id that is not a UUID',
      method: 'GET',
      path: () => "/api/sites/1' or 1=1--/patients",
      status: 400,
      field: 'siteId',
    },
    {
      name: 'patient that does not exist',
      method: 'GET',
      path: () => '/api/patients/6f1c2a4e-0000-4000-8000-000000000000',
      status: 404,
    },
    {
      name: 'page that is not a number',
      method: 'GET',
      path: () => `/api/sites/${siteId}/patients?page=abc`,
      status: 400,
      field: 'page',
    },
    {
      name: 'page size over the limit',
      method: 'GET',
      path: () => `/api/sites/${siteId}/patients?pageSize=100000`,
      status: 400,
      field: 'pageSize',
    },
    {
      name: 'unknown query parameter',
      method: 'GET',
      path: () => `/api/sites/${siteId}/patients?sort=dob`,
      status: 400,
      field: 'sort',
    },
    {
      name: 'census search with an impossible date',
      method: 'GET',
      path: () => `/api/sites/${siteId}/patients?q=2023-02-30`,
      status: 400,
      field: 'q',
    },
    {
      name: 'update without If-Match',
      method: 'PATCH',
      path: () => `/api/patients/${patientId}`,
      body: { pronouns: 'she/her' },
      status: 428,
      field: 'header.If-Match',
    },
    {
      name: 'update with a malformed If-Match',
      method: 'PATCH',
      path: () => `/api/patients/${patientId}`,
      body: { pronouns: 'she/her' },
      headers: { 'if-match': 'yesterday' },
      status: 400,
      field: 'header.If-Match',
    },
    {
      name: 'update with nothing to change',
      method: 'PATCH',
      path: () => `/api/patients/${patientId}`,
      body: {},
      headers: { 'if-match': '"1"' },
      status: 422,
    },
    {
      name: 'Idempotency-Key too long',
      method: 'POST',
      path: () => `/api/sites/${siteId}/patients`,
      body: validPatient,
      headers: { 'idempotency-key': 'k'.repeat(300) },
      status: 400,
      field: 'header.Idempotency-Key',
    },
    { name: 'unknown API route', method: 'GET', path: () => '/api/nothing-here', status: 404 },
  ];

  it.each(cases)('$name → $status', async (c) => {
    const res = await call(s.t.app, c.method, c.path(), {
      session: s.clinician,
      body: c.body,
      rawBody: c.rawBody,
      headers: c.headers,
    });
    expect(res.status).toBe(c.status);
    expect(errorOf(res).code, res.text).toEqual(expect.any(String));
    expect(errorOf(res).message).toEqual(expect.any(String));
    if (c.field) expect(errorOf(res).fields.map((f: { path: string }) => f.path)).toContain(c.field);
    expect(res.text).not.toMatch(leaks);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('rejected creates leave no patient behind', async () => {
    const before = okBody(
      await call(s.t.app, 'GET', `/api/sites/${siteId}/patients?q=Person`, { session: s.clinician }),
    ).total;
    for (const c of cases.filter((x) => x.method === 'POST')) {
      await call(s.t.app, c.method, c.path(), {
        session: s.clinician,
        body: c.body,
        rawBody: c.rawBody,
        headers: c.headers,
      });
    }
    const after = okBody(
      await call(s.t.app, 'GET', `/api/sites/${siteId}/patients?q=Person`, { session: s.clinician }),
    ).total;
    expect(after).toBe(before);
  });
});
