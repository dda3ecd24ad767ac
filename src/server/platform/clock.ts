/**
 * The server's clock: the machine's, or (tests only, `OPENIOP_CLOCK_START`) one that starts at a given
 * instant and runs on at the machine's pace, so a browser walkthrough can run "at 00:30 UTC" at any hour.
 */
export function serverClock(startAt: Date | undefined, machineNow: () => number = Date.now): () => Date {
  if (!startAt) return () => new Date(machineNow());
  const offset = startAt.getTime() - machineNow();
  return () => new Date(machineNow() + offset);
}
