/**
 * The National Provider Identifier's check digit (CMS, "Requirements for the NPI check digit", 45 CFR 162.406):
 * the Luhn formula over the prefix 80840 (the US health-industry issuer number of ISO 7812) followed by the
 * first nine digits; the tenth digit is the check digit.
 */
export function npiCheckDigit(firstNine: string): number {
  const digits = `80840${firstNine}`;
  let sum = 0;
  // Luhn: from the rightmost digit of the payload, double every other digit (the check digit will sit to its right).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why an NPI is refused, or null when it is ten digits with the right check digit. */
export function npiProblem(npi: string): string | null {
  if (!/^\d{10}$/.test(npi)) return 'An NPI is 10 digits';
  if (npi[0] !== '1' && npi[0] !== '2') return 'An NPI starts with 1 (individual) or 2 (organization)';
  if (npiCheckDigit(npi.slice(0, 9)) !== Number(npi[9])) return 'The NPI check digit does not match';
  return null;
}
