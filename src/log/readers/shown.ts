/** @module Records as an account is shown them, for comparison with their leaves. */

/** A record as shown, without the fields withheld from this account (null there means "not shown", not "empty"). */
export function shown<T extends { restricted: string[] }>(r: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([k]) => !r.restricted.includes(k)));
}
