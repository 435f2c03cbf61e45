// The wizard's first step: the drop zone (until a report is shown) and the error of the last read or run.
import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ImportDropZone } from '../intake/importParts';
import type { CsvImport, CsvReport } from './useCsvImport';

export function CsvFilePicker<F extends string, R extends CsvReport>({
  csv,
  hint,
}: {
  csv: CsvImport<F, R>;
  /** What kind of file this import expects; the desk's return notices by default. */
  hint?: string;
}) {
  return (
    <>
      {csv.report ? null : (
        <ImportDropZone
          fileName={csv.file?.name ?? null}
          onFile={(picked) => void csv.load(picked)}
          inputRef={csv.input}
          hint={hint}
        />
      )}
      {csv.error ? (
        <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />}>
          {csv.error}
        </Alert>
      ) : null}
    </>
  );
}
