import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * One buffer per thread, reused across files and builds. Tens of MiB written into freshly allocated memory cost more
 * in page faults than the work itself (measured: 60–100 ms to encode a 25 MiB openapi.json into new memory, about
 * 20 ms into warm memory), so the build encodes into it and the no-op proof reads into it.
 */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** A view of at least `size` bytes of the scratch buffer; valid until the next call on this thread. */
export function scratchBuffer(size: number): Buffer {
  if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
  return scratch.subarray(0, size);
}

/** The bytes of `file`, read into the scratch buffer: valid until the next scratch call on this thread. */
export function readIntoScratch(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const target = scratchBuffer(size);
    let read = 0;
    while (read < size) {
      const count = readSync(fd, target, read, size - read, read);
      if (count === 0) break;
      read += count;
    }
    return target.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
