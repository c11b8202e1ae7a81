import { isIPv4, isIPv6 } from "node:net";

/** An address range: an IP with a prefix length (`192.168.1.0/24`, `::1/128`). */
export interface Network {
  bits: bigint;
  prefix: number;
  width: 32 | 128;
}

/**
 * Parses `127.0.0.1`, `10.0.0.0/8`, `::1` or `fd00::/8`; throws a message naming the bad entry.
 * IPv4 networks also match the IPv4-mapped IPv6 form (`::ffff:127.0.0.1`) Node reports on dual-stack sockets.
 */
export function parseNetwork(text: string): Network {
  const [address = "", prefixText, ...rest] = text.trim().split("/");
  const width = isIPv4(address) ? 32 : isIPv6(address) ? 128 : null;
  if (width === null || rest.length > 0) throw new Error(`"${text}" is not an IP address or network (e.g. 10.0.0.0/8)`);
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? "0") || !Number.isInteger(prefix) || prefix > width) {
    throw new Error(`"${text}" has a bad prefix length (0-${width})`);
  }
  return { bits: addressBits(address)!, prefix, width };
}

/** Parses a comma-separated list; empty means no network. */
export function parseNetworks(list: string): Network[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map(parseNetwork);
}

export function networkContains(network: Network, address: string): boolean {
  let bits = addressBits(address);
  let width = isIPv4(address) ? 32 : 128;
  if (bits === null) return false;
  if (width === 128 && network.width === 32 && bits >> 32n === 0xffffn) {
    bits &= 0xffffffffn;
    width = 32;
  }
  if (width !== network.width) return false;
  const shift = BigInt(width - network.prefix);
  return bits >> shift === network.bits >> shift;
}

/** True for the loopback interface: 127.0.0.0/8, ::1, and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  return loopback.some((network) => networkContains(network, bare));
}

const loopback = [parseNetwork("127.0.0.0/8"), parseNetwork("::1/128")];

function addressBits(address: string): bigint | null {
  if (isIPv4(address)) return address.split(".").reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
  if (!isIPv6(address)) return null;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const normal = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_match, a, b, c, d) =>
    [((Number(a) << 8) | Number(b)).toString(16), ((Number(c) << 8) | Number(d)).toString(16)].join(":"),
  );
  const [head = "", tail] = normal.replace(/%.*$/, "").split("::");
  const headParts = head === "" ? [] : head.split(":");
  const tailParts = tail === undefined || tail === "" ? [] : tail.split(":");
  const parts =
    tail === undefined ? headParts : [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill("0"), ...tailParts];
  return parts.reduce((bits, part) => (bits << 16n) | BigInt(parseInt(part, 16)), 0n);
}
