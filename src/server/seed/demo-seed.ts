import { eq, sql } from 'drizzle-orm';
import { feeSchedule } from '../billing';
import { coverages, payers } from '../coverages';
import { instrumentSchedules } from '../measurement';
import { patients } from '../patients';
import { appendAudit } from '../platform/audit/audit';
import { hashPassword } from '../platform/auth/secrets';
import type { Database, Tx } from '../platform/db/database';
import { organizations, programs, siteMemberships, sites, users } from '../platform/db/platform.table';

/** Demo only: every demo staff account shares this published TOTP secret (`npm run totp` prints the code). */
export const DEMO_TOTP_SECRET = 'OPENIOPDEMOTOTPSECRETBASE32AAAAA';
export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_PATIENT_EMAIL = 'patient@demo.openiop.org';

export const DEMO_STAFF = [
  { email: 'admin@demo.openiop.org', name: 'Alex Admin', role: 'admin', sites: ['north', 'south'] },
  {
    email: 'director@demo.openiop.org',
    name: 'Dana Director, LCSW',
    role: 'program_director',
    sites: ['north', 'south'],
  },
  { email: 'clinician@demo.openiop.org', name: 'Casey Clinician, LPC', role: 'clinician', sites: ['north'] },
  { email: 'nurse@demo.openiop.org', name: 'Noor Nurse, RN', role: 'nurse', sites: ['north'] },
  {
    email: 'prescriber@demo.openiop.org',
    name: 'Priya Prescriber, MD',
    role: 'prescriber',
    sites: ['north', 'south'],
  },
  {
    email: 'intake@demo.openiop.org',
    name: 'Ian Intake',
    role: 'intake_coordinator',
    sites: ['north', 'south'],
  },
  { email: 'billing@demo.openiop.org', name: 'Bea Billing', role: 'billing', sites: ['north', 'south'] },
  { email: 'frontdesk@demo.openiop.org', name: 'Frankie Frontdesk', role: 'front_desk', sites: ['south'] },
] as const;

/** Demo staff who may facilitate group therapy. */
const LICENSED_DEMO_ROLES: readonly string[] = ['program_director', 'clinician', 'prescriber'];

// Fictional people: names from common-name lists, dates of birth invented.
const DEMO_PATIENTS: [
  given: string,
  family: string,
  dob: string,
  site: 'north' | 'south',
  preferred?: string,
  pronouns?: string,
][] = [
  ['Jordan', 'Rivera', '1988-03-14', 'north', 'Jo', 'they/them'],
  ['Amara', 'Okafor', '1979-11-02', 'north', undefined, 'she/her'],
  ['Marcus', 'Bell', '1992-06-21', 'north'],
  ['Sofia', 'Delgado', '1985-01-30', 'north', undefined, 'she/her'],
  ['Ethan', 'Nguyen', '2001-09-09', 'north', 'E', 'he/him'],
  ['Grace', 'Whitfield', '1968-04-18', 'north'],
  ['Tyrone', 'Jackson', '1990-12-05', 'north', undefined, 'he/him'],
  ['Hannah', 'Kowalski', '1996-07-27', 'north'],
  ['Luis', 'Ortega', '1983-02-11', 'north'],
  ['Maya', 'Patel', '1999-10-23', 'north', undefined, 'she/her'],
  ['Kevin', "O'Brien", '1975-05-16', 'north'],
  ['Zoe', 'Harper', '2009-08-03', 'north', undefined, 'she/her'],
  ['Daniel', 'Cho', '1987-03-29', 'south'],
  ['Brianna', 'Moore', '1994-01-08', 'south'],
  ['Samuel', 'Adeyemi', '1981-09-19', 'south', 'Sam', 'he/him'],
  ['Olivia', 'Lindqvist', '1972-12-24', 'south'],
  ['Rafael', 'Santos', '1998-04-04', 'south'],
  ['Keisha', 'Washington', '1986-08-30', 'south', undefined, 'she/her'],
  ['Noah', 'Fischer', '2008-02-14', 'south'],
  ['Imani', 'Brooks', '1991-11-11', 'south'],
];

/**
 * The demo payer directory (fictional payer ids) and each adult's insurance: most on the commercial plan,
 * every fifth on Medicare (institutional claims), the adolescents on Medicaid as the parent's dependant.
 */
async function seedDemoCoverages(
  tx: Tx,
  organizationId: string,
  demoPatients: { id: string; siteId: string }[],
  createdBy: string,
  now: Date,
) {
  const [commercial, medicare, medicaid] = await tx
    .insert(payers)
    .values([
      {
        organizationId,
        name: 'Lakeshore Health Plan (demo)',
        payerCode: 'LSHP01',
        claimType: '837P',
        claimFilingIndicator: 'CI',
        reviewEveryDays: 7,
        timelyFilingDays: 90,
      },
      {
        organizationId,
        name: 'Medicare Part A — demo contractor',
        payerCode: 'MCRDEMO',
        claimType: '837I',
        billingMethod: 'medicare_iop',
        claimFilingIndicator: 'MA',
        medicare: true,
        authorizationRequired: false,
        timelyFilingDays: 365,
      },
      {
        organizationId,
        name: 'State Medicaid (demo)',
        payerCode: 'MCDDEMO',
        claimType: '837P',
        billingMethod: 'itemized',
        claimFilingIndicator: 'MC',
        reviewEveryDays: 14,
        timelyFilingDays: 180,
      },
    ])
    .returning({ id: payers.id });
  // The demo chargemaster (invented amounts): per diems, group, individual and family psychotherapy.
  await tx.insert(feeSchedule).values(
    (
      [
        ['H0015', 42000],
        ['S9480', 38000],
        ['90853', 9500],
        ['90832', 11000],
        ['90834', 15000],
        ['90837', 20000],
        ['90847', 16000],
      ] as const
    ).map(([code, amountCents]) => ({ organizationId, code, amountCents, effectiveFrom: '2025-01-01' })),
  );
  await tx.insert(coverages).values(
    demoPatients.map((p, i) => {
      const [, family, dateOfBirth] = DEMO_PATIENTS[i]!;
      const minor = dateOfBirth > '2008-12-31';
      return {
        organizationId,
        siteId: p.siteId,
        patientId: p.id,
        payerId: minor ? medicaid!.id : i % 5 === 4 ? medicare!.id : commercial!.id,
        rank: 'primary',
        memberId: `${minor ? 'MCD' : i % 5 === 4 ? 'MBI' : 'LSH'}${String(400100 + i * 37)}`,
        groupNumber: minor || i % 5 === 4 ? null : 'GRP-2026-RB',
        subscriberRelationship: minor ? 'child' : 'self',
        subscriberGivenName: minor ? 'Pat' : null,
        subscriberFamilyName: minor ? family : null,
        subscriberDateOfBirth: minor ? '1978-05-01' : null,
        effectiveFrom: '2026-01-01',
        effectiveThrough: null,
        createdBy,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
}

/** Seeds the demo organization once: nothing happens when an organization already exists. */
export async function seedDemo(db: Database, now = new Date()): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.tx(async (tx) => {
    // Two servers starting together on one empty PostgreSQL database: the second waits here, then sees the org.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organizations)) as [
      { n: number },
    ];
    if (n > 0) return false;
    const [org] = await tx
      .insert(organizations)
      .values({ name: 'Riverbend Recovery (demo)', mrnPrefix: 'RB', nextMrn: 1001 + DEMO_PATIENTS.length })
      .returning();
    const [north, south] = await tx
      .insert(sites)
      .values([
        { organizationId: org!.id, name: 'Riverbend North', timeZone: 'America/Chicago' },
        { organizationId: org!.id, name: 'Riverbend South', timeZone: 'America/Chicago' },
      ])
      .returning();
    const siteOf = { north: north!.id, south: south!.id };
    const demoPrograms = await tx
      .insert(programs)
      .values([
        {
          organizationId: org!.id,
          siteId: north!.id,
          name: 'Adult IOP — North',
          kind: 'iop_adult',
          helpLine: 'Text or call (555) 010-2424, any hour',
        },
        {
          organizationId: org!.id,
          siteId: north!.id,
          name: 'Adolescent IOP — North',
          kind: 'iop_adolescent',
          helpLine: null,
        },
        {
          organizationId: org!.id,
          siteId: south!.id,
          name: 'Adult IOP — South',
          kind: 'iop_adult',
          helpLine: 'Text or call (555) 010-2525, any hour',
        },
      ])
      .returning();
    // Measurement-based care defaults: PHQ-9 and GAD-7 at intake and every 2 weeks, BAM monthly.
    await tx.insert(instrumentSchedules).values(
      demoPrograms.flatMap((program) =>
        [
          { instrumentId: 'phq-9', atIntake: true, everyDays: 14 },
          { instrumentId: 'gad-7', atIntake: true, everyDays: 14 },
          { instrumentId: 'bam', atIntake: true, everyDays: 30 },
        ].map((rule) => ({
          organizationId: org!.id,
          siteId: program.siteId,
          programId: program.id,
          ...rule,
          updatedAt: now,
        })),
      ),
    );
    const staff = await tx
      .insert(users)
      .values(
        DEMO_STAFF.map((s) => ({
          organizationId: org!.id,
          email: s.email,
          displayName: s.name,
          role: s.role,
          credentials: s.name.includes(', ') ? s.name.split(', ')[1] : null,
          licensed: LICENSED_DEMO_ROLES.includes(s.role),
          passwordHash,
          mfaSecret: DEMO_TOTP_SECRET,
          mfaEnabled: true,
        })),
      )
      .returning({ id: users.id, email: users.email });
    // The demo counselor works under the director's license: their notes wait for the director's co-signature.
    await tx
      .update(users)
      .set({ supervisorUserId: staff.find((u) => u.email === 'director@demo.openiop.org')!.id })
      .where(eq(users.id, staff.find((u) => u.email === 'clinician@demo.openiop.org')!.id));
    await tx.insert(siteMemberships).values(
      DEMO_STAFF.flatMap((s) => {
        const userId = staff.find((u) => u.email === s.email)!.id;
        return s.sites.map((site) => ({ userId, siteId: siteOf[site] }));
      }),
    );
    const created = await tx
      .insert(patients)
      .values(
        DEMO_PATIENTS.map(([givenName, familyName, dateOfBirth, site, preferredName, pronouns], i) => ({
          organizationId: org!.id,
          siteId: siteOf[site],
          mrn: `RB${1001 + i}`,
          givenName,
          familyName,
          dateOfBirth,
          preferredName: preferredName ?? null,
          pronouns: pronouns ?? null,
          language: 'English',
          phone: `(555) 010-${String(3000 + i * 7).padStart(4, '0')}`,
          livingSituation: dateOfBirth > '2008-12-31' ? 'with_family' : 'home',
          emergencyContact: {
            name: `${familyName} family contact`,
            relationship: 'family',
            phone: '(555) 010-9000',
          },
          // Patients under 18 need a guardian on file.
          guardianContact:
            dateOfBirth > '2008-12-31'
              ? { name: `Pat ${familyName}`, relationship: 'parent', phone: '(555) 010-9100', email: null }
              : null,
        })),
      )
      .returning({ id: patients.id, siteId: patients.siteId });
    await seedDemoCoverages(tx, org!.id, created, staff[0]!.id, now);
    await tx.insert(users).values({
      organizationId: org!.id,
      email: DEMO_PATIENT_EMAIL,
      displayName: 'Jordan Rivera',
      role: 'patient',
      patientId: created[0]!.id,
      passwordHash,
    });
    await appendAudit(
      tx,
      {
        organizationId: org!.id,
        actorId: null,
        actorEmail: 'system',
        actorRole: 'system',
        sourceAddress: null,
        requestId: null,
      },
      [{ action: 'system.seed_demo', entity: 'organization', entityId: org!.id }],
      now,
    );
    return true;
  });
}
