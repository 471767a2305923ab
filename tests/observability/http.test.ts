import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import {
  startHealthServer,
  type HealthReport,
  type HealthServer,
  type HealthSource,
} from '../../src/observability/http.ts';

const servers: HealthServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const HEALTHY: HealthReport = {
  ok: true,
  checks: { gateway: { ok: true, pingMs: 12 }, knowledge: { ok: true, facts: 84 }, storage: { ok: true } },
};
const UNHEALTHY: HealthReport = {
  ok: false,
  checks: {
    gateway: { ok: false, reason: 'not connected (Reconnecting)' },
    knowledge: { ok: true, facts: 84 },
    storage: { ok: false, reason: 'SQLITE_READONLY: attempt to write a readonly database' },
  },
};

async function serve(source: Partial<HealthSource> = {}): Promise<HealthServer> {
  const server = await startHealthServer({
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('silent'),
    source: { health: () => HEALTHY, metrics: async () => 'kb_up 1\n', ...source },
  });
  servers.push(server);
  return server;
}

describe('the health and metrics endpoint', () => {
  it('answers /healthz 200 with the checks as JSON when all pass', async () => {
    const server = await serve();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok', checks: HEALTHY.checks });
  });

  it('answers /healthz 503 with each failing check’s reason', async () => {
    const server = await serve({ health: () => UNHEALTHY });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; reasons: string[] };
    expect(body.status).toBe('unavailable');
    expect(body.reasons).toEqual([
      'gateway: not connected (Reconnecting)',
      'storage: SQLITE_READONLY: attempt to write a readonly database',
    ]);
  });

  it('serves /metrics as Prometheus text', async () => {
    const server = await serve();
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await res.text()).toBe('kb_up 1\n');
  });

  it('answers 404 for another path and 405 for another method', async () => {
    const server = await serve();
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/healthz/../admin`)).status).toBe(404);
    const post = await fetch(`${server.url}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 500 and stays up when a check throws', async () => {
    const server = await serve({
      health: () => {
        throw new Error('broken check');
      },
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(500);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });

  it('names HEALTH_PORT when the port is taken', async () => {
    const first = await serve();
    await expect(
      startHealthServer({
        host: '127.0.0.1',
        port: first.port,
        logger: createLogger('silent'),
        source: { health: () => HEALTHY, metrics: async () => '' },
      }),
    ).rejects.toThrow(`HEALTH_PORT: 127.0.0.1:${first.port} is already in use`);
  });

  it('stops listening when closed', async () => {
    const server = await serve();
    await server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
