// The complaints export: one request. A small export comes back as the file and is saved;
// a large one comes back 202 with a background job, which then shows in the export list.
import { useCallback, useState } from 'react';
import type { ComplaintFilter, Lang } from '@cw/domain';
import { attachmentName, complaintsExportLink, type ExportFormat } from '../utils/downloadLinks';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'working' }
  | { phase: 'saved'; fileName: string }
  | { phase: 'queued'; message: string }
  | { phase: 'failed'; message: string | null };

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useComplaintExport(onQueued: () => void) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const start = useCallback(
    async (filter: ComplaintFilter, format: ExportFormat, lang: Lang) => {
      setState({ phase: 'working' });
      try {
        const res = await fetch(complaintsExportLink(filter, format, lang), {
          credentials: 'same-origin',
        });
        if (res.status === 200) {
          const fileName = attachmentName(
            res.headers.get('content-disposition'),
            `complaints.${format}`,
          );
          save(await res.blob(), fileName);
          setState({ phase: 'saved', fileName });
        } else if (res.status === 202) {
          const body = (await res.json()) as { message: string };
          setState({ phase: 'queued', message: body.message });
          onQueued();
        } else {
          const body = (await res.json().catch(() => null)) as {
            errors?: { message: string }[];
          } | null;
          setState({ phase: 'failed', message: body?.errors?.[0]?.message ?? null });
        }
      } catch {
        setState({ phase: 'failed', message: null });
      }
    },
    [onQueued],
  );
  return { state, start };
}
