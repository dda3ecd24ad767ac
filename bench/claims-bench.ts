/**
 * `npm run bench:claims`: builds 837P and 837I batch files of 10,000 claims (three service lines each) with the
 * same builder the claims route uses, five times each, and reads one back with x12-parser to count its
 * claims. Goal (revenue-cycle issue): under 5 s for 10,000 claims. Writes the figures with the date into
 * BENCHMARKS.md (between the claims markers) and prints them.
 *
 *   npm run bench:claims                 10,000 claims, 5 runs
 *   BENCH_CLAIMS=50000 BENCH_RUNS=3 npm run bench:claims
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { build837, type Claim, type ClaimBatch } from '../src/server/claims';
import { readX12 } from '../src/server/test-support/x12-read-back';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const address = { line1: '100 River Road', city: 'Springfield', state: 'IL', postalCode: '627010001' };
const day = Temporal.PlainDate.from('2026-01-05');

function batch(claimType: '837P' | '837I'): ClaimBatch {
  const claims: Claim[] = Array.from({ length: CLAIMS }, (_, i) => ({
    patientControlNumber: `RB${100000 + i}-1-${i}`,
    subscriber: {
      lastName: `Member${i}`,
      firstName: 'Pat',
      memberId: `LSH${400000 + i}`,
      dateOfBirth: Temporal.PlainDate.from('1985-06-15'),
      sex: i % 2 ? 'F' : 'M',
      address,
    },
    payerResponsibility: 'P',
    frequency: '1',
    diagnosisCodes: ['F10.20', 'F32.1'],
    priorAuthorization: `PA-${i}`,
    ...(claimType === '837I'
      ? {
          facilityTypeCode: '76',
          conditionCodes: ['92'],
          statementFrom: day,
          statementThrough: day.add({ days: 2 }),
          patientStatus: '30',
        }
      : { placeOfService: '57' }),
    lines: [0, 1, 2].map((d) => ({
      serviceDate: day.add({ days: d }),
      code: 'H0015',
      ...(claimType === '837I' ? { revenueCode: '0906' } : { diagnosisPointers: [1] }),
      chargeCents: 42_000,
      units: 1,
    })),
  }));
  return {
    claimType,
    interchangeControlNumber: 1,
    createdAt: Temporal.PlainDateTime.from('2026-01-20T09:00'),
    usage: 'T',
    submitter: {
      name: 'Riverbend Recovery',
      id: '361234567',
      contactName: 'Billing office',
      contactPhone: '2175550100',
    },
    receiver: { name: 'Lakeshore Health Plan', id: 'LSHP01' },
    billingProvider: {
      name: 'Riverbend Recovery North',
      npi: '1234567893',
      taxId: '361234567',
      taxonomy: '261QR0405X',
      address,
    },
    payer: { name: 'Lakeshore Health Plan', id: 'LSHP01', claimFilingIndicator: 'CI' },
    claims,
  };
}

const lines: string[] = [
  `### ${new Date().toISOString().slice(0, 10)} — ${CLAIMS.toLocaleString('en-US')} claims × 3 lines, ${os.cpus().length} cores, Node ${process.version}`,
  '',
  '| file | median ms | slowest ms | size MB | claims read back |',
  '| --- | --- | --- | --- | --- |',
];
for (const type of ['837P', '837I'] as const) {
  const input = batch(type);
  const times: number[] = [];
  let file = '';
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    file = build837(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const readBack = (await readX12(file)).filter((s) => s.name === 'CLM').length;
  lines.push(
    `| ${type} | ${times[Math.floor(times.length / 2)]!.toFixed(0)} | ${times[times.length - 1]!.toFixed(0)} | ${(file.length / 1e6).toFixed(1)} | ${readBack.toLocaleString('en-US')} |`,
  );
}
lines.push(
  '',
  `Goal: under 5,000 ms for 10,000 claims. ${RUNS} runs each, in process, no database (the route adds the charge queries, a fixed number per batch).`,
);
const text = lines.join('\n');
console.log(`\n${text}\n`);

const target = path.resolve(import.meta.dirname, '..', 'BENCHMARKS.md');
const START = '<!-- claims-bench:start -->';
const END = '<!-- claims-bench:end -->';
const current = fs.readFileSync(target, 'utf8');
const block = `${START}\n\n${text}\n\n${END}`;
fs.writeFileSync(
  target,
  current.includes(START)
    ? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block)
    : `${current.trimEnd()}\n\n## 837 claim files (npm run bench:claims)\n\n${block}\n`,
);
