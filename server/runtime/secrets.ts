/**
 * The service's shared secrets (the API token, the webhook secret). In local mode they are kept in
 * STATE_DIR: random, created once, written atomically, mode 0600 in a 0700 directory — and
 * tightened again if someone loosened them. An empty generated file (what a full disk leaves on
 * first start) is regenerated; any other weak secret, from a file or from the environment, stops
 * the service at start: an empty token would otherwise match a request with no token at all.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { privateDir, writePrivateFileAtomic } from './files';

/** At least this many characters… */
export const SECRET_MIN_LENGTH = 32;
/** …and at least this many bits by the estimate below. */
export const SECRET_MIN_BITS = 80;

/**
 * A conservative entropy estimate in bits: the string's length times its empirical Shannon entropy
 * per character (so `aaaa…` is 0 bits and `abab…` 1 bit per character), never more than length ×
 * log2 of the alphabet its character classes span; a string that repeats a shorter unit
 * (`0123 0123 …`) counts as that unit only. A 48-hex-digit random secret scores ~185.
 */
export function estimateSecretBits(s: string): number {
  const all = [...s];
  const chars = all.slice(0, smallestPeriod(all));
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  let alphabet = 0;
  if (/[a-z]/.test(s)) alphabet += 26;
  if (/[A-Z]/.test(s)) alphabet += 26;
  if (/[0-9]/.test(s)) alphabet += 10;
  if (/[^a-zA-Z0-9]/.test(s)) alphabet += 33;
  return chars.length * Math.min(perChar, Math.log2(Math.max(alphabet, 2)));
}

/** The length of the shortest unit `chars` is a repetition of (its length when it repeats none). */
function smallestPeriod(chars: string[]): number {
  for (let p = 1; p <= chars.length / 2; p++) {
    let i = p;
    while (i < chars.length && chars[i] === chars[i - p]) i++;
    if (i === chars.length) return p;
  }
  return chars.length;
}

/** Why `secret` is too weak to guard the service, or null when it is strong enough. */
export function secretWeakness(secret: string): string | null {
  if (secret.trim() === '') return 'it is empty';
  if (secret.length < SECRET_MIN_LENGTH)
    return `it has ${secret.length} characters; at least ${SECRET_MIN_LENGTH} are required`;
  const bits = Math.floor(estimateSecretBits(secret));
  if (bits < SECRET_MIN_BITS)
    return `it is too predictable (about ${bits} bits; at least ${SECRET_MIN_BITS} are required)`;
  return null;
}

/** Throw a clear start-up error when a secret from the environment is weak. */
export function requireStrongSecret(name: string, secret: string): string {
  const why = secretWeakness(secret);
  if (why)
    throw new AppError(
      'BAD_INPUT',
      `${name} is too weak: ${why}. Use a random value, e.g. \`openssl rand -hex 24\``,
    );
  return secret;
}

/**
 * The secret kept in `stateDir/name`, created (48 random hex digits) when missing or empty. A
 * non-empty weak file was put there by hand: refuse it rather than guess.
 */
export function persistentSecret(stateDir: string, name: string): string {
  privateDir(stateDir);
  const file = path.join(stateDir, name);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const kept = readFileSync(file, 'utf8').trim();
    if (kept !== '') {
      const why = secretWeakness(kept);
      if (why)
        throw new AppError(
          'BAD_INPUT',
          `the secret in STATE_DIR/${name} is too weak: ${why}. Delete the file to have a new one generated`,
        );
      return kept;
    }
    // Empty (a disk that filled up on the first start): fall through and write a new one.
  }
  const secret = randomBytes(24).toString('hex');
  writePrivateFileAtomic(file, `${secret}\n`);
  return secret;
}
