/**
 * BAM answers with every always-asked item at 0: items 5 (heavy drinking days, asked only after any drinking) and
 * 7a–7g (days of each drug, asked only after any drug use) are left for each test to add.
 */
export const bamAlwaysAskedAtZero: Record<string, number> = Object.fromEntries(
  [1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((item) => [`item${item}`, 0]),
);
