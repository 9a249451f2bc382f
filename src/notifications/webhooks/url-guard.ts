import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

/** Every address a host name resolves to (the `dns.lookup(…, { all: true })` answer). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithDns: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** A webhook URL this service will not call; the message says why. */
export class WebhookUrlError extends Error {}

const withoutBrackets = (host: string) => host.replace(/^\[|\]$/g, '');

/**
 * Keeps webhooks off the service's own network (SSRF): only http(s) URLs without credentials, whose
 * host resolves to public unicast addresses only, unless the host is in the allow list. Checked when
 * an endpoint is saved, and again on every connection (the `lookup` below), so a name that resolves
 * elsewhere later (DNS rebinding) is refused at connect time.
 */
export class UrlGuard {
  private readonly allowed: Set<string>;

  constructor(allowHosts: readonly string[], private readonly resolve: ResolveHost = resolveWithDns) {
    this.allowed = new Set(allowHosts.map((host) => withoutBrackets(host.trim().toLowerCase())).filter(Boolean));
  }

  /** The URL, parsed; a {@link WebhookUrlError} when its form is refused. */
  parse(url: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new WebhookUrlError('url must be an absolute http or https URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new WebhookUrlError('url must use http or https');
    if (parsed.username || parsed.password) throw new WebhookUrlError('url must not hold credentials (user:password@)');
    return parsed;
  }

  /** Parses the URL and resolves its host; refuses it when any address is not public (or the name does not resolve). */
  async check(url: string): Promise<URL> {
    const parsed = this.parse(url);
    const host = withoutBrackets(parsed.hostname.toLowerCase());
    // A host allowed by name is trusted as it is; it need not resolve until a delivery goes out.
    if (this.allowed.has(host)) return parsed;
    for (const { address } of await this.addressesOf(host)) this.assertAllowed(host, address);
    return parsed;
  }

  /** For `http.request({ lookup })`: resolves, then refuses a host that now resolves to an address it may not reach. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const host = withoutBrackets(hostname.toLowerCase());
    this.addressesOf(host).then(
      (addresses) => {
        try {
          for (const { address } of addresses) this.assertAllowed(host, address);
        } catch (error) {
          return callback(error as Error, '', 0);
        }
        if (options.all) (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  private async addressesOf(host: string): Promise<LookupAddress[]> {
    if (ipaddr.isValid(host)) return [{ address: host, family: host.includes(':') ? 6 : 4 }];
    try {
      const addresses = await this.resolve(host);
      if (addresses.length === 0) throw new Error('no address');
      return addresses;
    } catch {
      throw new WebhookUrlError(`url's host ${host} does not resolve`);
    }
  }

  private assertAllowed(host: string, address: string): void {
    if (this.allowed.has(host) || this.allowed.has(address)) return;
    const range = ipaddr.process(address).range();
    if (range !== 'unicast') throw new WebhookUrlError(`url's host ${host} resolves to ${address} (${range}), which webhooks may not reach; WEBHOOK_ALLOW_HOSTS lists exceptions`);
  }
}
