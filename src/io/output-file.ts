/**
 * `--output FILE`: written atomically (a temporary file in the same directory, then a rename), so a
 * failure leaves any existing file intact and a reader never sees half a file.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { describeReadError } from './yaml-source.js';

export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(path, undefined, `cannot be written: ${describeReadError(error)}`);
  }
}
