/**
 * Build the app once, make the bad-dataset fixtures and the benchmark's 100k-row dataset
 * (`/fixtures/rows-100000/`), and serve them for the browser tests.
 */
import {resolve} from 'node:path';
import type {TestProject} from 'vitest/node';
import {build} from 'vite';
import {startStaticServer, type StaticServer} from '../helpers/static-server';
import {makeFixtures} from '../fixtures/make-fixtures';
import {ensureDataset} from '../../bench/datasets';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    otherOrigin: string;
  }
}

let servers: StaticServer[] = [];

export async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  if (!process.env.SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, which would make this a development build (import.meta.env.PROD
    // false); the tests must exercise what users get.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({root, logLevel: 'warn', mode: 'production'});
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  const fixtures = await makeFixtures(resolve(root, 'tests/fixtures/generated'));
  ensureDataset(root, 100_000, fixtures);
  // DIST_DIR serves another build (e.g. one made with `vite build --outDir`) with SKIP_BUILD=1.
  const dist = process.env.DIST_DIR ?? resolve(root, 'dist');
  const app = await startStaticServer({'/': dist, '/fixtures': fixtures});
  // A second origin, for datasets that live elsewhere than the page.
  const other = await startStaticServer({'/': fixtures}, {cors: true});
  servers = [app, other];
  project.provide('baseUrl', app.url);
  project.provide('otherOrigin', other.url);
}

export async function teardown() {
  await Promise.all(servers.map((s) => s.close()));
}
