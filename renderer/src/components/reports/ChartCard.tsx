import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { SectionTitle } from '../common';

export interface NumbersTable {
  readonly columns: readonly { readonly label: string; readonly numeric?: boolean }[];
  readonly rows: readonly { readonly key: string; readonly cells: readonly ReactNode[] }[];
}

/**
 * A chart for those who would rather look, and the same figures as a table for those who need
 * the numbers ("Show numbers"): both come from the same rows, so they never disagree.
 */
export function ChartCard({
  title,
  testId,
  showNumbers,
  chart,
  numbers,
  empty,
}: {
  title: ReactNode;
  testId: string;
  showNumbers: boolean;
  chart: ReactNode;
  numbers: NumbersTable;
  empty: string;
}) {
  return (
    <Paper p="md" data-testid={testId}>
      <SectionTitle>{title}</SectionTitle>
      {numbers.rows.length === 0 ? (
        <Text fz="sm" c="dimmed" h={240}>
          {empty}
        </Text>
      ) : showNumbers ? (
        <Table.ScrollContainer minWidth={320} mah={260}>
          <Table data-testid={`${testId}-numbers`} striped>
            <Table.Thead>
              <Table.Tr>
                {numbers.columns.map((c) => (
                  <Table.Th key={c.label} ta={c.numeric ? 'right' : undefined}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {numbers.rows.map((row) => (
                <Table.Tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <Table.Td
                      key={numbers.columns[i]?.label ?? i}
                      ta={numbers.columns[i]?.numeric ? 'right' : undefined}
                      className={numbers.columns[i]?.numeric ? 'rb-num' : undefined}
                    >
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        chart
      )}
    </Paper>
  );
}
