import { Readable } from 'node:stream';
import { X12parser } from 'x12-parser';

/**
 * An X12 file read back with x12-parser, a second library that shares nothing with node-x12 (which writes our
 * files). It names elements 1, 2 … and a composite's later components 5-1, 5-2 (its first stays in 5).
 */
export type Segment = { name: string; [element: string]: string };

export async function readX12(file: string): Promise<Segment[]> {
  const segments: Segment[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from([file])
      .pipe(new X12parser())
      .on('data', (segment: Segment) => segments.push(segment))
      .on('error', reject)
      .on('end', resolve);
  });
  return segments;
}
