import { describe, expect, it } from "vitest";
import { isLoopbackHost, networkContains, parseNetwork, parseNetworks } from "@/lib/auth/networks";

const contains = (network: string, address: string) => networkContains(parseNetwork(network), address);

describe("networks", () => {
  it("matches IPv4 networks, single addresses and their IPv4-mapped IPv6 form", () => {
    expect(contains("10.0.0.0/8", "10.200.3.4")).toBe(true);
    expect(contains("10.0.0.0/8", "11.0.0.1")).toBe(false);
    expect(contains("192.168.1.0/24", "192.168.1.255")).toBe(true);
    expect(contains("192.168.1.0/24", "192.168.2.0")).toBe(false);
    expect(contains("127.0.0.1", "127.0.0.1")).toBe(true);
    expect(contains("127.0.0.1", "127.0.0.2")).toBe(false);
    expect(contains("127.0.0.1", "::ffff:127.0.0.1")).toBe(true);
    expect(contains("0.0.0.0/0", "8.8.8.8")).toBe(true);
  });

  it("matches IPv6 networks and never mixes families", () => {
    expect(contains("::1", "::1")).toBe(true);
    expect(contains("fd00::/8", "fd12:3456::1")).toBe(true);
    expect(contains("fd00::/8", "fe80::1")).toBe(false);
    expect(contains("2001:db8::/32", "2001:db8:ffff::")).toBe(true);
    expect(contains("::/0", "10.0.0.1")).toBe(false);
    expect(contains("10.0.0.0/8", "::1")).toBe(false);
    expect(contains("10.0.0.0/8", "not an address")).toBe(false);
  });

  it("parses a comma list and names a bad entry", () => {
    expect(parseNetworks(" 127.0.0.1, ::1 ,,10.0.0.0/8")).toHaveLength(3);
    expect(parseNetworks("")).toEqual([]);
    expect(() => parseNetworks("127.0.0.1, example.com")).toThrow('"example.com" is not an IP address');
    expect(() => parseNetwork("10.0.0.0/33")).toThrow("bad prefix length (0-32)");
    expect(() => parseNetwork("10.0.0.0/x")).toThrow("bad prefix length");
    expect(() => parseNetwork("10.0.0.0/8/8")).toThrow("is not an IP address");
  });

  it("knows the loopback hosts", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"]) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "example.com"]) expect(isLoopbackHost(host)).toBe(false);
  });
});
