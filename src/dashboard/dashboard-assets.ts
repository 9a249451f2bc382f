import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The chart library, served from the installed package (no CDN: it works offline and under the CSP). */
function chartLibrary(): string {
  const packageJson = createRequire(import.meta.url).resolve('lightweight-charts/package.json');
  return join(dirname(packageJson), 'dist', 'lightweight-charts.standalone.production.mjs');
}

/**
 * Every file the dashboard serves, read once at start-up into memory: a request can only name one
 * of these (no path from the URL ever reaches the file system).
 */
@Injectable()
export class DashboardAssets {
  private readonly files = new Map<string, Asset>();

  constructor() {
    const dir = fileURLToPath(new URL('./public/', import.meta.url));
    for (const name of readdirSync(dir)) this.add(name, join(dir, name));
    this.add('lightweight-charts.mjs', chartLibrary());
  }

  get(name: string): Asset | undefined {
    return this.files.get(name);
  }

  private add(name: string, path: string): void {
    const type = TYPES[extname(name)];
    if (type) this.files.set(name, { body: readFileSync(path), type });
  }
}
