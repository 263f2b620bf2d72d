import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from '../errors.js';

export const LOCK_FILE_NAME = 'pglite.lock';

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid recorded in the lock file, or undefined when the file is gone or holds no pid. */
const readOwner = (path: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

const tryCreate = (path: string): boolean => {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

const lockedError = (dataDir: string, path: string, owner: number | undefined) =>
  errors.conflict(
    'store_locked',
    `The data directory ${dataDir} is in use by ${owner === undefined ? 'another process' : `process ${owner}`} ` +
      `(lock file ${path}). Stop that Mizan server first, or make this change through the server's admin API.`,
  );

/**
 * Takes `<dataDir>/pglite.lock` so PGlite's files are never opened by two processes (or twice by one) at once.
 * A lock left by a dead process is taken over; a live owner, this process included, makes it throw `store_locked`.
 */
export const acquireDataDirLock = (dataDir: string): DataDirLock => {
  const path = join(dataDir, LOCK_FILE_NAME);
  if (!tryCreate(path)) {
    const owner = readOwner(path);
    if (owner !== undefined && isAlive(owner)) throw lockedError(dataDir, path, owner);
    // Its owner died without releasing it. Creating with 'wx' again means that of two processes taking it over
    // at once, one gets the lock and the other store_locked.
    rmSync(path, { force: true });
    if (!tryCreate(path)) throw lockedError(dataDir, path, readOwner(path));
  }

  let held = true;
  const release = () => {
    // Once released, the file may be a later lock of this same process: leave it alone.
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readOwner(path) === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, release };
};
