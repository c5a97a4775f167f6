/**
 * Private files under STATE_DIR: the directory is 0700 whether we created it or found it (a
 * pre-made 0755 or 1777 directory is tightened), and a file that must never be seen half-written
 * (a secret) goes to a temporary sibling first, is flushed, then renamed over the target — so a
 * crash or a full disk leaves either the old file or the new one, never an empty one.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Create `dir` (and its parents) if needed, and make it 0700 even when it already existed. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Write `text` to `file` atomically (temporary file, fsync, rename), mode 0600. */
export function writePrivateFileAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
