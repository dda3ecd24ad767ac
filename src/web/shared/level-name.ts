import { type AsamEdition, findLevel } from '../../domain/placement/levels-of-care';

/** "2.1 Intensive outpatient": the code with OpenIOP's name for it, looked up in either edition. */
export function levelName(edition: AsamEdition, code: string): string {
  const level = findLevel(edition, code) ?? findLevel(edition === 3 ? 4 : 3, code);
  return level ? `${code} ${level.name}` : code;
}
