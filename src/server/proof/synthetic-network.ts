import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from '../platform/auth/secrets';
import { organizations, programs, siteMemberships, sites, users } from '../platform/db/platform.table';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../seed/demo-seed';
import { CREDENTIALS, type Scale, TIME_ZONES } from './synthetic-scale';

type InsertRows = <T extends Record<string, unknown>>(
  table: PgTable,
  rows: T[],
) => Promise<(T & { id: string })[]>;

/**
 * The synthetic network's organization, its sites (zones in turn), an adult IOP program at each, and the staff:
 * one director at every site, and a clinician, a nurse and a prescriber per site, all signing in with the demo
 * password and authenticator secret.
 */
export async function insertNetwork(insertRows: InsertRows, scale: Scale, label: string) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [org] = await insertRows(organizations, [
    { name: `Synthetic network ${label}`, mrnPrefix: label.toUpperCase(), nextMrn: 1_000_000 },
  ]);
  const organizationId = org!.id;
  const siteRows = await insertRows(
    sites,
    Array.from({ length: scale.sites }, (_, s) => ({
      organizationId,
      name: `${label} site ${String(s + 1).padStart(3, '0')}`,
      timeZone: TIME_ZONES[s % TIME_ZONES.length]!,
    })),
  );
  const siteZones = siteRows.map((_, s) => TIME_ZONES[s % TIME_ZONES.length]!);
  const programRows = await insertRows(
    programs,
    siteRows.map((site, s) => ({
      organizationId,
      siteId: site.id,
      name: `Adult IOP — ${label} ${s + 1}`,
      kind: 'iop_adult',
    })),
  );
  const directorEmail = `director@${label}.synthetic.openiop.org`;
  const staffRows = await insertRows(
    users,
    [
      {
        email: directorEmail,
        displayName: 'Synthetic Director, LCSW',
        role: 'program_director',
        credentials: 'LCSW',
        licensed: true,
      },
      // Licensed and unsupervised: their notes lock when they sign.
      ...(['clinician', 'nurse', 'prescriber'] as const).flatMap((role) =>
        siteRows.map((_, s) => ({
          email: `${role}${s + 1}@${label}.synthetic.openiop.org`,
          displayName: `Synthetic ${role[0]!.toUpperCase()}${role.slice(1)} ${s + 1}, ${CREDENTIALS[role]}`,
          role,
          credentials: CREDENTIALS[role],
          licensed: true,
        })),
      ),
    ].map((u) => ({ ...u, organizationId, passwordHash, mfaSecret: DEMO_TOTP_SECRET, mfaEnabled: true })),
  );
  const director = staffRows[0]!;
  const byRole = (k: number) => staffRows.slice(1 + k * siteRows.length, 1 + (k + 1) * siteRows.length);
  const [clinicians, nurses, prescribers] = [byRole(0), byRole(1), byRole(2)];
  await insertRows(siteMemberships, [
    ...siteRows.map((site) => ({ userId: director.id, siteId: site.id })),
    ...[clinicians, nurses, prescribers].flatMap((staff) =>
      siteRows.map((site, s) => ({ userId: staff[s]!.id, siteId: site.id })),
    ),
  ]);

  return {
    organizationId,
    siteRows,
    siteZones,
    programRows,
    directorEmail,
    director,
    clinicians,
    nurses,
    prescribers,
    staffRows,
  };
}
