/**
 * Button custom ids carry everything a click needs (which handler, its arguments, when the button
 * was made), so buttons keep working after a restart with no state kept in memory, and an old one
 * can say plainly that it has expired. Discord allows 100 characters.
 */

/** How long a button works after its message was sent. */
export const BUTTON_TTL_MS = 30 * 60 * 1000;
const MAX_LENGTH = 100;

export interface ParsedCustomId {
  prefix: string;
  args: string[];
  issuedAt: number;
}

/** `prefix:arg1:arg2:…:<issued-at, base 36>`. Arguments may not contain ':'. */
export function makeCustomId(prefix: string, args: readonly (string | number)[], now = Date.now()): string {
  const parts = [prefix, ...args.map(String), now.toString(36)];
  if (parts.some((p) => p.includes(':')))
    throw new Error(`custom id parts may not contain ':' (${parts.join(' ')})`);
  const id = parts.join(':');
  if (id.length > MAX_LENGTH) throw new Error(`custom id longer than ${MAX_LENGTH} characters: ${id}`);
  return id;
}

/** Null when the id is not one of ours (another version of the bot, or garbage). */
export function parseCustomId(id: string): ParsedCustomId | null {
  const parts = id.split(':');
  if (parts.length < 2) return null;
  const stamp = parts[parts.length - 1] as string;
  if (!/^[0-9a-z]{1,12}$/.test(stamp)) return null;
  const issuedAt = parseInt(stamp, 36);
  return { prefix: parts[0] as string, args: parts.slice(1, -1), issuedAt };
}

export function isExpired(parsed: ParsedCustomId, now = Date.now(), ttlMs = BUTTON_TTL_MS): boolean {
  return now - parsed.issuedAt > ttlMs || parsed.issuedAt > now + 60_000;
}
