// A cheap check that the part of a blob imported earlier is still the same: a hash of its first and last
// 64 KiB. Appending rows leaves it unchanged, and rewriting the file almost always changes it.
// NOTE: an edit that only touches the middle of an imported part and also grows the file passes for an append,
// so the edited rows are not read again. Importing the folder under another path reads every file in full.

import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const sampleBytes = 64 * 1024;

/** Hashes the start and the end of the first `length` bytes of the file. */
export async function fingerprintPrefix(path: string, length: number): Promise<string> {
  const hash = createHash('sha256');
  hash.update(String(length));
  const file = await open(path, 'r');
  try {
    const read = async (start: number, size: number) => {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await file.read(buffer, 0, size, start);
      hash.update(buffer.subarray(0, bytesRead));
    };
    await read(0, Math.min(sampleBytes, length));
    if (length > sampleBytes) {
      const tailStart = Math.max(sampleBytes, length - sampleBytes);
      await read(tailStart, length - tailStart);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}
