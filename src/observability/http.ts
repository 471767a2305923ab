/**
 * The health and metrics endpoint (node:http), on HEALTH_HOST:HEALTH_PORT:
 *
 *   GET /healthz  200 `{"status":"ok","checks":{…}}` when every check passes (the gateway is
 *                 connected, the knowledge base loaded, storage writable); 503
 *                 `{"status":"unavailable","reasons":[…],"checks":{…}}` otherwise.
 *   GET /metrics  Prometheus text exposition.
 *
 * Anything else is 404 (405 for another method). The server holds no state of its own: each request
 * asks the `source` (the bot, or the shard manager gathering every shard's figures).
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';

export interface Check {
  ok: boolean;
  /** Why it fails, in a few words. */
  reason?: string;
  /** Figures worth showing (ping, facts, …). */
  [detail: string]: unknown;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<string, Check>;
}

export interface HealthSource {
  health(): Promise<HealthReport> | HealthReport;
  /** Prometheus text. */
  metrics(): Promise<string>;
}

export interface HealthServer {
  readonly port: number;
  /** e.g. http://127.0.0.1:9464 */
  readonly url: string;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  source: HealthSource;
  logger: Logger;
}

/** A report's failing checks as `name: reason` lines. */
export function failures(report: HealthReport): string[] {
  return Object.entries(report.checks)
    .filter(([, c]) => !c.ok)
    .map(([name, c]) => `${name}: ${c.reason ?? 'failing'}`);
}

/** The JSON body of GET /healthz. */
export function healthBody(report: HealthReport): Record<string, unknown> {
  return report.ok
    ? { status: 'ok', checks: report.checks }
    : { status: 'unavailable', reasons: failures(report), checks: report.checks };
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Starts listening; rejects with a clear message when the port cannot be had. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { source, logger } = options;
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      logger.error('health endpoint failed', { err, path: req.url });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error\n');
    });
  });
  // A scraper keeping connections open must not hold up a stop.
  server.keepAliveTimeout = 5_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found: try /healthz or /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      const report = await source.health();
      const body = JSON.stringify(healthBody(report));
      res.writeHead(report.ok ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const text = await source.metrics();
    res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error & { code?: string }) => {
      const where = `${options.host}:${options.port}`;
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `HEALTH_PORT: ${where} is already in use (another bot, or another program)`
            : `HEALTH_PORT / HEALTH_HOST: cannot listen on ${where}: ${err.message}`,
          { cause: err },
        ),
      );
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  logger.info('health and metrics endpoint listening', {
    url,
    healthz: `${url}/healthz`,
    metrics: `${url}/metrics`,
  });
  return {
    port,
    url,
    async close() {
      if (!server.listening) return;
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
