// The file, its format and source, and the button that sends it. A file comes from the
// picker or is dropped on the zone; its format is guessed and may be changed.
import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { SOURCE } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import {
  ACCEPTED_EXTENSIONS,
  DEFAULT_SOURCE,
  guessFileFormat,
  guessFormat,
  IMPORT_FORMATS,
  IMPORT_SOURCES,
  isImportFormat,
  needsHead,
  type ImportFormat,
  type ImportSource,
} from '../utils/importFile';
import { formatBytes, formatLabel } from '../utils/importProgress';

interface Props {
  busy: boolean;
  onSubmit: (file: File, format: ImportFormat, source: ImportSource) => void;
  /** A new file was chosen: the last run's outcome no longer applies. */
  onFileChange: () => void;
}

export function ImportForm({ busy, onSubmit, onFileChange }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('canonical');
  const [guessed, setGuessed] = useState(false);
  // Reading a CSV's header line; the button waits for it (a few milliseconds).
  const [guessing, setGuessing] = useState(false);
  const [source, setSource] = useState<ImportSource>(DEFAULT_SOURCE);
  const [note, setNote] = useState<'chooseFileFirst' | 'oneFileOnly' | null>(null);
  const [dragging, setDragging] = useState(false);
  // The guess for the latest file only; a manual choice cancels a guess still reading.
  const guessToken = useRef(0);

  const choose = (files: FileList | null) => {
    const first = files?.[0];
    if (!first || busy) return;
    setNote(files.length > 1 ? 'oneFileOnly' : null);
    setFile(first);
    setFormat(guessFormat(first.name));
    setGuessed(true);
    onFileChange();
    const token = ++guessToken.current;
    if (!needsHead(first.name)) {
      setGuessing(false);
      return;
    }
    setGuessing(true);
    void guessFileFormat(first).then((guess) => {
      if (guessToken.current !== token) return;
      setFormat(guess);
      setGuessing(false);
    });
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  };

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!busy) setDragging(true);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setNote('chooseFileFirst');
      return;
    }
    setNote(null);
    onSubmit(file, format, source);
  };

  return (
    <form className="import-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="form-title">
        {t('uploadHeading')}
      </h3>
      <div
        className={[
          'dropzone',
          dragging ? 'is-dragging' : '',
          file ? 'has-file' : '',
          busy ? 'is-busy' : '',
        ]
          .filter(Boolean)
          .join(' ')}
        data-testid="import-dropzone"
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <input
          id={`${id}-file`}
          className="visually-hidden"
          data-testid="import-file-input"
          type="file"
          accept={ACCEPTED_EXTENSIONS}
          disabled={busy}
          aria-describedby={`${id}-file-hint`}
          onChange={(e) => {
            choose(e.target.files);
            // The same file can be chosen again after a run.
            e.target.value = '';
          }}
        />
        <span className="dropzone-icon" aria-hidden="true">
          ⇪
        </span>
        {dragging ? (
          <p className="dropzone-text">{t('dropRelease')}</p>
        ) : (
          <p className="dropzone-text">
            {t('dropHere')}{' '}
            <label htmlFor={`${id}-file`} className="dropzone-pick">
              {t('chooseFile')}
            </label>
          </p>
        )}
        <p id={`${id}-file-hint`} className="field-hint">
          {t('dropHint')}
        </p>
        <p className="dropzone-file" data-testid="import-file-name" aria-live="polite">
          {file ? (
            <>
              <span className="visually-hidden">{t('fileChosen')}: </span>
              <strong className="dropzone-file-name">{file.name}</strong>
              <span className="muted"> · {formatBytes(file.size, lang)}</span>
            </>
          ) : (
            <span className="muted">{t('noFileChosen')}</span>
          )}
        </p>
      </div>

      <div className="import-options">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-format`}>
            {t('importFormat')}
          </label>
          <select
            id={`${id}-format`}
            data-testid="import-format"
            value={format}
            disabled={busy}
            aria-describedby={guessed ? `${id}-format-hint` : undefined}
            data-guessing={guessing || undefined}
            onChange={(e) => {
              guessToken.current += 1;
              if (isImportFormat(e.target.value)) setFormat(e.target.value);
              setGuessed(false);
              setGuessing(false);
            }}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {formatLabel(f, lang)}
              </option>
            ))}
          </select>
          {guessed && (
            <p id={`${id}-format-hint`} className="field-hint">
              {t('formatGuessed')}
            </p>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-source`}>
            {t('importSource')}
          </label>
          <select
            id={`${id}-source`}
            data-testid="import-source"
            value={source}
            disabled={busy}
            aria-describedby={`${id}-source-hint`}
            onChange={(e) => {
              const next = IMPORT_SOURCES.find((s) => s === e.target.value);
              if (next) setSource(next);
            }}
          >
            {IMPORT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE.labels[s][lang]}
              </option>
            ))}
          </select>
          <p id={`${id}-source-hint`} className="field-hint">
            {t('importSourceHint')}
          </p>
        </div>
        <div className="import-submit">
          <button
            type="submit"
            className="button button-primary"
            data-testid="import-submit"
            disabled={busy || guessing}
          >
            {busy ? t('uploading') : t('startImport')}
          </button>
        </div>
      </div>
      {note && (
        <p
          className={note === 'chooseFileFirst' ? 'field-error' : 'field-hint'}
          role={note === 'chooseFileFirst' ? 'alert' : 'status'}
          data-testid="import-form-note"
        >
          {t(note)}
        </p>
      )}
    </form>
  );
}
