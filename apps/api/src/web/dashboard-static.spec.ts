// The built dashboard's files: hashed assets go out in the compressed copy the build wrote,
// never compressed again per request; everything else as before.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, precompressedAssets, serveDashboard } from './dashboard-static.js';

@Module({})
class EmptyModule {}

const SCRIPT = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', ['br', 'gzip'], 'br'],
    ['gzip, deflate', ['br', 'gzip'], 'gzip'],
    ['br;q=0.5, gzip', ['br', 'gzip'], 'gzip'],
    ['BR', ['br', 'gzip'], 'br'],
    ['*', ['br', 'gzip'], 'br'],
    ['*, br;q=0', ['br', 'gzip'], 'gzip'],
    ['gzip;q=0', ['gzip'], null],
    ['identity', ['br', 'gzip'], null],
    ['', ['br', 'gzip'], null],
    [undefined, ['br'], null],
    ['br', ['gzip'], null],
  ] as const)('%s of %j: %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });
});

describe('serving the built dashboard', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cw-dash-static-'));
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
    const script = path.join(dir, 'assets', 'index-AbC123.js');
    writeFileSync(script, SCRIPT);
    // Marked copies: a response made by compressing again would not carry the marks.
    writeFileSync(`${script}.br`, brotliCompressSync(`${SCRIPT}// br copy\n`));
    writeFileSync(`${script}.gz`, gzipSync(`${SCRIPT}// gz copy\n`));
    // A style sheet with no copies, large enough to be compressed per request.
    writeFileSync(path.join(dir, 'assets', 'index-Xy9.css'), `body { color: red; }\n`.repeat(200));
    app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    expect(serveDashboard(app, dir)).toBe(true);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => app?.close());

  /** The response as sent (fetch would decompress it: the body tells which copy it is). */
  const get = (p: string, acceptEncoding: string, method = 'GET') =>
    new Promise<{ status: number; headers: Headers; body: Buffer }>((resolve, reject) => {
      const req = request(`${url}${p}`, { method, headers: { 'accept-encoding': acceptEncoding } });
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      });
      req.end();
    });

  it('finds the compressed copies beside the hashed assets', () => {
    const found = precompressedAssets(dir);
    expect([...found.keys()]).toEqual(['/assets/index-AbC123.js']);
    expect(Object.keys(found.get('/assets/index-AbC123.js')!).sort()).toEqual(['br', 'gzip']);
  });

  it('sends the brotli copy to a browser that takes brotli, cached for a year', async () => {
    const res = await get('/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = brotliDecompressSync(res.body).toString();
    expect(body).toBe(`${SCRIPT}// br copy\n`);
  });

  it('sends the gzip copy to a browser that takes only gzip', async () => {
    const res = await get('/assets/index-AbC123.js', 'gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const body = gunzipSync(res.body).toString();
    expect(body).toBe(`${SCRIPT}// gz copy\n`);
  });

  it('follows the browser preference between the copies', async () => {
    const res = await get('/assets/index-AbC123.js', 'br;q=0.5, gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers HEAD with the headers of the copy', async () => {
    const res = await get('/assets/index-AbC123.js', 'br', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.body.length).toBe(0);
  });

  it('sends the file itself to a client that takes no compression', async () => {
    const res = await get('/assets/index-AbC123.js', 'identity');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('still compresses a file the build left without copies', async () => {
    const res = await get('/assets/index-Xy9.css', 'gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toMatch(/^body/);
  });

  it('sends index.html for client-side routes, never cached', async () => {
    const res = await fetch(`${url}/trends`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>dashboard</title>');
  });
});
