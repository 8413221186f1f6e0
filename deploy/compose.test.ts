// Docker is not on the build machines, so the deployment files are checked by reading them:
// compose.yaml's services and their wiring, the Caddyfile's proxying, and that the Dockerfile runs
// what the build produces.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { settingsRows } from './settings-table.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

const compose = parse(read('deploy/compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const nodes = Object.keys(services).filter((name) => /^tandem-\d+$/.test(name));
const caddyfile = read('deploy/Caddyfile');
const dockerfile = read('deploy/Dockerfile');

describe('deploy/compose.yaml', () => {
  it('has PostgreSQL, Redis, two Tandem nodes and Caddy', () => {
    assert.deepEqual(Object.keys(services).sort(), [
      'caddy',
      'postgres',
      'redis',
      'tandem-1',
      'tandem-2',
    ]);
    assert.match(services.postgres!.image!, /^postgres:15/);
    assert.match(services.redis!.image!, /^redis:/);
    assert.match(services.caddy!.image!, /^caddy:2/);
  });

  it('starts every node from the Dockerfile with the database, Redis and its own node id', () => {
    assert.equal(nodes.length, 2);
    const ids = new Set<string>();
    for (const name of nodes) {
      const node = services[name]!;
      assert.equal(node.build?.dockerfile, 'deploy/Dockerfile', name);
      assert.ok(existsSync(join(root, 'deploy', node.build.context, node.build.dockerfile)));
      const env = node.environment ?? {};
      assert.match(env.TANDEM_DATABASE_URL ?? '', /^postgres:\/\/[^@]+@postgres:5432\//, name);
      assert.equal(env.TANDEM_REDIS_URL, 'redis://redis:6379', name);
      assert.ok(env.TANDEM_NODE_ID, `${name} has a node id`);
      ids.add(env.TANDEM_NODE_ID);
      assert.equal(node.depends_on?.postgres?.condition, 'service_healthy', name);
      assert.equal(node.depends_on?.redis?.condition, 'service_healthy', name);
      assert.equal(node.ports, undefined, `${name} is reached through Caddy only`);
    }
    assert.equal(ids.size, nodes.length, 'node ids differ');
    const volumes = nodes.map((name) =>
      services[name]!.volumes?.find((v) => v.endsWith(':/var/lib/tandem')),
    );
    assert.ok(volumes[0], 'the data folder is a volume');
    assert.ok(
      volumes.every((v) => v === volumes[0]),
      'one data folder: one server.key for all nodes',
    );
  });

  it('sets only documented settings, and lets a node drain before it is killed', () => {
    const documented = new Set(settingsRows().map((row) => row.env));
    for (const name of nodes) {
      for (const variable of Object.keys(services[name]!.environment ?? {})) {
        assert.ok(documented.has(variable), `${name}: ${variable} is in the settings table`);
      }
      const grace = Number(/^(\d+)s$/.exec(services[name]!.stop_grace_period ?? '')?.[1]);
      const drain = Number(services[name]!.environment?.TANDEM_DRAIN_TIMEOUT ?? 10);
      assert.ok(grace > drain, `${name}: stop_grace_period ${grace}s > drain ${drain}s`);
    }
  });

  it('publishes ports from Caddy only', () => {
    assert.deepEqual(services.caddy!.ports, ['80:80', '443:443']);
    for (const name of ['postgres', 'redis']) assert.equal(services[name]!.ports, undefined, name);
    assert.ok(services.caddy!.volumes?.includes('./Caddyfile:/etc/caddy/Caddyfile:ro'));
  });
});

describe('deploy/Caddyfile', () => {
  it('proxies to every node with TLS from its internal CA and no sticky sessions', () => {
    const upstreams = /reverse_proxy ([^{\n]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/) ?? [];
    assert.deepEqual(upstreams.sort(), nodes.map((name) => `${name}:7341`).sort());
    assert.match(caddyfile, /^\s*tls internal$/m);
    assert.match(caddyfile, /^\s*lb_policy round_robin$/m);
    assert.doesNotMatch(caddyfile, /lb_policy (cookie|ip_hash|client_ip_hash|header|uri_hash)/);
    assert.match(caddyfile, /^\s*health_uri \/readyz$/m, 'a draining node leaves the rotation');
    assert.match(caddyfile, /^\s*respond \/metrics 404$/m, 'metrics stay off the public side');
  });
});

describe('deploy/Dockerfile', () => {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => /^[A-Z]+ /.test(line));
  const lines = (keyword: string) =>
    instructions
      .filter((line) => line.startsWith(`${keyword} `))
      .map((line) => line.slice(keyword.length + 1));

  it('builds from the repository on node:20-bookworm-slim with npm ci and npm run build', () => {
    assert.ok(lines('FROM').every((image) => image.startsWith('node:20-bookworm-slim')));
    const runs = lines('RUN').join('\n');
    assert.match(runs, /\bnpm ci\b/);
    assert.match(runs, /\bnpm run build\b/);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    assert.ok(scripts.build, 'package.json has the build script');
  });

  it('runs the built CLI as a non-root user, with a health check on /healthz', () => {
    const cmd = JSON.parse(lines('CMD').at(-1)!) as string[];
    assert.deepEqual(cmd, ['node', 'dist/tandem.js', 'server']);
    // The build's entry point named `tandem` lands in dist/ as tandem.js, which bin/tandem.js runs.
    assert.match(read('scripts/build.ts'), /entryPoints: \{ tandem: '[^']+'/);
    assert.match(read('scripts/build.ts'), /outdir: out\b/);
    assert.match(read('bin/tandem.js'), /import\('\.\.\/dist\/tandem\.js'\)/);
    assert.ok(
      lines('COPY').some((line) => /\/src\/dist \.\/dist$/.test(line)),
      'dist is copied',
    );
    const user = lines('USER').at(-1);
    assert.ok(user && user !== 'root' && user !== '0', `runs as ${user}`);
    assert.match(lines('HEALTHCHECK').at(-1) ?? '', /127\.0\.0\.1:7341\/healthz/);
    assert.match(
      dockerfile,
      /TANDEM_SERVER_PORT=7341/,
      'the health check asks the port it listens on',
    );
    assert.match(dockerfile, /TANDEM_SERVER_HOST=0\.0\.0\.0/);
  });

  it('has a .dockerignore that keeps local installs and builds out of the context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.git']) assert.ok(ignored.includes(entry), entry);
  });
});
