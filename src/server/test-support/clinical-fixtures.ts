import { eq } from 'drizzle-orm';
import { patients } from '../patients';
import { programs, sites, users } from '../platform/db/platform.table';
import { call, type Session, type TestApp } from './test-app';

/** Ids of the demo organization's sites, programs, staff and the patients clinical tests use. */
export async function demoIds(t: TestApp) {
  return t.db.tx(async (tx) => {
    const siteRows = await tx.select().from(sites);
    const north = siteRows.find((s) => s.name.endsWith('North'))!.id;
    const south = siteRows.find((s) => s.name.endsWith('South'))!.id;
    const programRows = await tx.select().from(programs);
    const patient = async (family: string) =>
      (await tx.select().from(patients).where(eq(patients.familyName, family)))[0]!.id;
    const user = async (email: string) =>
      (await tx.select().from(users).where(eq(users.email, email)))[0]!.id;
    return {
      north,
      south,
      northAdultIop: programRows.find((p) => p.name === 'Adult IOP — North')!.id,
      northAdolescentIop: programRows.find((p) => p.name === 'Adolescent IOP — North')!.id,
      southAdultIop: programRows.find((p) => p.name === 'Adult IOP — South')!.id,
      okafor: await patient('Okafor'), // North
      rivera: await patient('Rivera'), // North, the demo portal account
      bell: await patient('Bell'), // North
      delgado: await patient('Delgado'), // North
      cho: await patient('Cho'), // South
      clinicianId: await user('clinician@demo.openiop.org'),
      nurseId: await user('nurse@demo.openiop.org'),
    };
  });
}

/** A small, valid plan document: one problem, goal, objective and intervention. */
export function planDocument(staffId: string, objective = 'Attends 9 of 9 weekly group hours for 4 weeks') {
  return {
    problems: [
      {
        statement: 'Alcohol use despite harm to work and family',
        goals: [
          {
            statement: 'Stay abstinent from alcohol',
            objectives: [
              {
                description: objective,
                targetDate: '2030-01-31',
                status: 'in_progress',
                interventions: [
                  {
                    modality: 'relapse_prevention',
                    frequency: '3 × weekly group',
                    responsibleStaffId: staffId,
                  },
                  { modality: 'cbt', frequency: 'weekly individual', responsibleStaffId: staffId },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Admits a patient into a program at 2.1 and returns the episode. */
export async function admit(
  t: TestApp,
  session: Session,
  patientId: string,
  programId: string,
  extra: Record<string, unknown> = {},
) {
  const res = await call(t.app, 'POST', `/api/patients/${patientId}/episodes`, {
    session,
    body: { programId, level: '2.1', admittedOn: '2026-01-05', ...extra },
  });
  if (res.status !== 201) throw new Error(`admit: ${res.status} ${res.text}`);
  return res;
}

export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
