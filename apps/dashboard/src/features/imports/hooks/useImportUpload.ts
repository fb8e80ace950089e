// Sends a file with XMLHttpRequest (fetch cannot report upload progress): the raw bytes,
// same-origin, so the session cookie goes with them. Leaving the page aborts the upload.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportFormat, ImportSource } from '../utils/importFile';
import {
  importUrl,
  parseUploadResult,
  uploadFailure,
  uploadHeaders,
  type UploadFailure,
  type UploadResult,
} from '../utils/uploadRequest';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'accepted'; result: UploadResult }
  | { phase: 'failed'; failure: UploadFailure }
  | { phase: 'cancelled' };

export interface ImportUpload {
  state: UploadState;
  start: (file: File, format: ImportFormat, source: ImportSource) => void;
  cancel: () => void;
  reset: () => void;
}

export function useImportUpload(): ImportUpload {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  useEffect(
    () => () => {
      const xhr = xhrRef.current;
      xhrRef.current = null;
      xhr?.abort();
    },
    [],
  );

  const start = useCallback((file: File, format: ImportFormat, source: ImportSource) => {
    xhrRef.current?.abort();
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    const mine = () => xhrRef.current === xhr;

    xhr.open('POST', importUrl(format, source));
    for (const [name, value] of Object.entries(uploadHeaders(file.name))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (!mine()) return;
      const total = event.lengthComputable ? event.total : file.size;
      setState({ phase: 'uploading', loaded: event.loaded, total });
    };
    xhr.onload = () => {
      if (!mine()) return;
      xhrRef.current = null;
      if (xhr.status >= 200 && xhr.status < 300) {
        const result = parseUploadResult(xhr.responseText);
        setState(
          result
            ? { phase: 'accepted', result }
            : { phase: 'failed', failure: { kind: 'badResponse' } },
        );
      } else {
        setState({ phase: 'failed', failure: uploadFailure(xhr.status, xhr.responseText) });
      }
    };
    xhr.onerror = () => {
      if (!mine()) return;
      xhrRef.current = null;
      setState({ phase: 'failed', failure: { kind: 'network' } });
    };
    xhr.onabort = () => {
      if (!mine()) return;
      xhrRef.current = null;
      setState({ phase: 'cancelled' });
    };
    setState({ phase: 'uploading', loaded: 0, total: file.size });
    xhr.send(file);
  }, []);

  const cancel = useCallback(() => {
    xhrRef.current?.abort();
  }, []);

  const reset = useCallback(() => {
    const xhr = xhrRef.current;
    xhrRef.current = null;
    xhr?.abort();
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
