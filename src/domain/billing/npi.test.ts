import { describe, expect, it } from 'vitest';
import { npiCheckDigit, npiProblem } from './npi';

describe('NPI check digit (Luhn over 80840 + the first nine digits)', () => {
  // 123456789 → 3 is the worked example of the CMS check-digit paper; the others are computed by hand.
  it.each([
    { firstNine: '123456789', check: 3 },
    { firstNine: '199999999', check: 2 },
    { firstNine: '100000000', check: 4 },
    { firstNine: '200000000', check: 2 },
  ])('$firstNine → $check', ({ firstNine, check }) => {
    expect(npiCheckDigit(firstNine)).toBe(check);
  });

  it.each([
    { npi: '1234567893', problem: null },
    { npi: '1234567890', problem: 'The NPI check digit does not match' },
    { npi: '1234567894', problem: 'The NPI check digit does not match' },
    { npi: '123456789', problem: 'An NPI is 10 digits' },
    { npi: '12345678931', problem: 'An NPI is 10 digits' },
    { npi: '12345678a3', problem: 'An NPI is 10 digits' },
    { npi: '3234567893', problem: 'An NPI starts with 1 (individual) or 2 (organization)' },
  ])('$npi → $problem', ({ npi, problem }) => {
    expect(npiProblem(npi)).toBe(problem);
  });
});
