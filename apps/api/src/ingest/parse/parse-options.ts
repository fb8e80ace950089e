// Options every parser takes. Kept apart from index.ts so the parsers do not import it.

export interface ParseOptions {
  /** The uploaded file's name, for messages only (the format is sniffed from the bytes). */
  filename?: string;
  /** The upload's content type, for messages only. */
  contentType?: string;
  /** "Now" for the future-date check (a time more than a day after it is rejected). */
  now?: Date;
  /** File-level notices that are not errors (ignored columns, encoding detected, ...). */
  onWarning?: (message: string) => void;
}

export type ParseFormat = 'canonical' | 'cfpb' | 'jsonl';
