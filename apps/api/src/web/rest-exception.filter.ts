import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../graphql/app-error.js';
import { restErrorBody } from './http-security.js';

/** REST routes answer errors as `{ errors: [{ message, extensions: { code } }] }`, like GraphQL. */
@Catch()
export class RestExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      res.status(status).json({
        errors: [
          {
            message: exception.message,
            extensions: { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    const body = restErrorBody(exception);
    if (body.status === 500)
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    if (res.headersSent) {
      res.end();
      return;
    }
    // The field an error is about (a query parameter, an upload part), as GraphQL gives it.
    const field = exception instanceof AppError ? exception.details?.['field'] : undefined;
    res.status(body.status).json({
      errors: [
        {
          message: body.message,
          extensions: { code: body.code, ...(typeof field === 'string' ? { field } : {}) },
        },
      ],
    });
  }
}
