// REST for files: POST /api/imports streams a file (raw body or multipart) into an import
// run; GET /api/imports/:id/rejected.csv returns the rows it rejected, with reasons.
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { SOURCE, type Source } from '@cw/domain';
import { ENV } from '../app.tokens.js';
import { ClientIp, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/roles.js';
import type { Env } from '../config/env.js';
import { AppError } from '../graphql/app-error.js';
import { csvLine } from '../web/csv.js';
import { ImportService } from './import.service.js';
import type { ImportFormat } from './parse/index.js';

const FORMATS: readonly ImportFormat[] = ['canonical', 'cfpb', 'jsonl'];
/** Sources a file may claim (INTAKE is the form's own). */
const FILE_SOURCES = SOURCE.codes.filter((s) => s !== 'INTAKE');

/** Counts bytes and fails the stream past the limit. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max)
        return done(
          new AppError('PAYLOAD_TOO_LARGE', `the file is larger than the limit of ${max} bytes`),
        );
      done(null, chunk);
    },
  });
}

const isTooLarge = (e: unknown) => e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE';

/** The uploaded file: the first file part of a multipart body, else the raw body. */
function uploadOf(req: Request): Promise<{ stream: Readable; filename: string | null }> {
  const type = req.headers['content-type'] ?? '';
  const header = req.headers['x-filename'];
  const named = typeof header === 'string' ? decodeURIComponent(header).slice(0, 500) : null;
  if (!type.startsWith('multipart/form-data'))
    return Promise.resolve({ stream: req, filename: named });
  return new Promise((resolve, reject) => {
    const bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10 } });
    let found = false;
    bb.on('file', (_name, file, info) => {
      if (found) return file.resume();
      found = true;
      resolve({ stream: file, filename: info.filename || named });
    });
    bb.on('close', () => {
      if (!found)
        reject(
          new AppError('BAD_USER_INPUT', 'the multipart body holds no file', { field: 'file' }),
        );
    });
    bb.on('error', reject);
    req.pipe(bb);
  });
}

@Controller('api/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Roles('ADMIN', 'OPERATOR')
  @Post()
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Query('format') formatParam?: string,
    @Query('source') sourceParam?: string,
    @Query('wait') waitParam?: string,
  ): Promise<void> {
    const format = (formatParam ?? 'canonical') as ImportFormat;
    if (!FORMATS.includes(format)) {
      throw new AppError('BAD_USER_INPUT', `format must be one of ${FORMATS.join(', ')}`, {
        field: 'format',
      });
    }
    const source = (sourceParam ?? (format === 'cfpb' ? 'CFPB' : 'FILE_IMPORT')) as Source;
    if (!(FILE_SOURCES as readonly string[]).includes(source)) {
      throw new AppError('BAD_USER_INPUT', `source must be one of ${FILE_SOURCES.join(', ')}`, {
        field: 'source',
      });
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.env.IMPORT_MAX_BYTES) {
      req.resume();
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `the file is larger than the limit of ${this.env.IMPORT_MAX_BYTES} bytes`,
      );
    }
    const { stream, filename } = await uploadOf(req);
    const runId = await this.imports.startRun(principal, format, source, filename);
    const limited = stream.pipe(byteLimit(this.env.IMPORT_MAX_BYTES));
    stream.on('error', (e) => limited.destroy(e));

    if (waitParam === 'true' || waitParam === '1') {
      // Parse while the upload streams in; answer when the import has finished.
      const summary = await this.imports.runFile(runId, principal, format, source, limited, {
        filename,
        ip,
      });
      if (isTooLarge(limited.errored)) return this.tooLarge(req, res, summary.id);
      res.status(200).json({ ...summary, errors: await this.imports.errors(summary.id, 20) });
      return;
    }

    // Otherwise: keep the upload in a temporary file, answer 202, import in the background.
    const dir = path.join(os.tmpdir(), 'cw-imports');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${runId}.upload`);
    try {
      await pipeline(limited, createWriteStream(file));
    } catch (e) {
      rmSync(file, { force: true });
      if (!isTooLarge(e)) throw e;
      await this.imports.runFile(runId, principal, format, source, failing(e as AppError), {
        filename,
        ip,
      });
      return this.tooLarge(req, res, runId);
    }
    const summary = await this.imports.summary(principal, runId);
    res.status(202).json({ ...summary, errors: [] });
    void this.imports
      .runFile(runId, principal, format, source, createReadStream(file), { filename, ip })
      .finally(() => rmSync(file, { force: true }));
  }

  private tooLarge(req: Request, res: Response, runId: string): void {
    // The rest of the upload is not read: close the connection after the answer.
    res.setHeader('Connection', 'close');
    res.status(413).json({
      errors: [
        {
          message: `the file is larger than the limit of ${this.env.IMPORT_MAX_BYTES} bytes`,
          extensions: {
            code: 'PAYLOAD_TOO_LARGE',
            run: runId,
            maxBytes: this.env.IMPORT_MAX_BYTES,
          },
        },
      ],
    });
    req.unpipe();
  }

  @Roles('ADMIN', 'OPERATOR')
  @Get(':id/rejected.csv')
  async rejected(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const rows = this.imports.rejectedRows(principal, id);
    const first = await rows.next();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-rejected.csv"`);
    res.write('\ufeff' + csvLine(['row', 'field', 'value', 'reason']));
    if (!first.done) {
      for (const e of first.value) res.write(csvLine([e.rowNumber, e.field, e.value, e.reason]));
      for await (const chunk of rows)
        for (const e of chunk) res.write(csvLine([e.rowNumber, e.field, e.value, e.reason]));
    }
    res.end();
  }
}

/** A stream that fails at once, so the run records why it stopped. */
function failing(error: Error): Readable {
  const s = new PassThrough();
  process.nextTick(() => s.destroy(error));
  return s;
}
