// The state of a CSV import wizard: the picked file, its preview and column mapping, the run and its report.
import { useRef, useState, type RefObject } from 'react';
import type { ImportPreview, ImportRowError } from '../../../../shared/contract/intake';
import { call, errorMessage } from '../../api/client';
import { assignHeader, readAsBase64, type FieldMapping } from '../intake/importParts';

/** What every import's report has in common: the refused rows by line. */
export interface CsvReport {
  readonly errors: readonly ImportRowError[];
}

export interface CsvFile {
  readonly name: string;
  readonly base64: string;
}

export interface CsvImport<F extends string, R extends CsvReport> {
  readonly fields: readonly F[];
  readonly file: CsvFile | null;
  readonly preview: ImportPreview | null;
  readonly mapping: FieldMapping<F>;
  readonly report: R | null;
  readonly busy: boolean;
  readonly error: string | null;
  /** Required fields that no column (nor anything else, see `covered`) gives yet. */
  readonly missing: readonly F[];
  readonly input: RefObject<HTMLInputElement | null>;
  /** Back to an empty wizard: no file, no preview, no report. */
  reset: () => void;
  /** Reads the picked file and asks the server for its preview and suggested mapping. */
  load: (picked: File | undefined) => Promise<void>;
  /** Gives `header` to `field` (or to nothing). */
  assign: (header: string, field: F | null) => void;
  /** Imports the file with the current mapping. */
  run: () => Promise<void>;
}

export function useCsvImport<F extends string, R extends CsvReport>({
  kind,
  fields,
  submit,
  covered,
}: {
  /** Which fields the server suggests a mapping for. */
  kind: 'returns' | 'products';
  fields: readonly F[];
  /** Sends the file and its mapping to the import. */
  submit: (base64: string, mapping: FieldMapping<F>) => Promise<R>;
  /** A required field given otherwise than by a column (the desk's chosen merchant). */
  covered?: (field: F) => boolean;
}): CsvImport<F, R> {
  const [file, setFile] = useState<CsvFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<FieldMapping<F>>({});
  const [report, setReport] = useState<R | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping({});
    setReport(null);
    setError(null);
    if (input.current) input.current.value = '';
  };

  const load = async (picked: File | undefined) => {
    if (!picked) return;
    reset();
    setBusy(true);
    try {
      const base64 = await readAsBase64(picked);
      const result = await call('intake.previewImport', { base64, kind, rows: 10 });
      setFile({ name: picked.name, base64 });
      setPreview(result);
      setMapping(result.mapping as FieldMapping<F>);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await submit(file.base64, mapping));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  // The server names the missing fields among this import's own.
  const missing = preview
    ? (preview.missing as readonly F[]).filter((field) => !mapping[field] && !covered?.(field))
    : [];

  return {
    fields,
    file,
    preview,
    mapping,
    report,
    busy,
    error,
    missing,
    input,
    reset,
    load,
    assign: (header, field) => setMapping((current) => assignHeader(fields, current, header, field)),
    run,
  };
}
