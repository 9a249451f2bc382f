import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Whether the client reached us over TLS: directly, or through a proxy we trust to say so. */
function overTls(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  return trustProxy && typeof forwarded === 'string' && forwarded.split(',', 1)[0]!.trim() === 'https';
}

/**
 * helmet's headers, less the two that only make sense behind TLS: over plain HTTP,
 * `upgrade-insecure-requests` makes a browser fetch the explorer's assets over https (a blank page
 * on any host but localhost), and HSTS pins a host to https it does not serve.
 */
export function securityHeaders(trustProxy: boolean): Middleware {
  const secure = helmet();
  const plain = helmet({ strictTransportSecurity: false, contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  return (req, res, next) => (overTls(req, trustProxy) ? secure : plain)(req, res, next);
}
