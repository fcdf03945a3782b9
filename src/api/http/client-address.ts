/**
 * @module The client's address: the socket's peer, unless the operator says which proxies in
 * front of the server may be believed (TRUCE_TRUST_PROXY). Without that setting X-Forwarded-For
 * is ignored, since anyone can send it; with it, the address is read from the right of the
 * header, skipping only the trusted hops, so a client cannot choose its own address by
 * prepending entries.
 */

/** No proxy trusted; a number of hops (proxies) in front of the server; or their addresses. */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: ReadonlySet<string> };

/** Parses TRUCE_TRUST_PROXY: empty or 0 = none, a positive integer = hops, else a list of addresses. */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const addresses = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(normaliseAddress);
  for (const a of addresses) {
    if (!/^[0-9a-f.:]+$/i.test(a)) throw new Error(`"${a}" is not a number of hops nor an IP address`);
  }
  return { kind: 'addresses', addresses: new Set(addresses) };
}

/** `::ffff:10.0.0.1` (IPv4 seen through an IPv6 socket) is 10.0.0.1; case is ignored. */
export function normaliseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  const peer = normaliseAddress(socketAddress ?? 'unknown');
  if (trust.kind === 'none' || !forwardedFor) return peer;
  // Nearest first: the socket's peer, then X-Forwarded-For from right to left.
  const chain = [peer, ...forwardedFor.split(',').map(normaliseAddress).filter(Boolean).reverse()];
  if (trust.kind === 'hops') return chain[Math.min(trust.hops, chain.length - 1)]!;
  let i = 0;
  while (i < chain.length - 1 && trust.addresses.has(chain[i]!)) i++;
  return chain[i]!;
}
