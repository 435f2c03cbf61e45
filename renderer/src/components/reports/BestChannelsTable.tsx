// The best channel per grade: where each grade's sales recovered the most of the original price.
import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BestChannel } from '../../../../shared/contract';
import { useFormat } from '../../format';
import { SectionTitle } from '../common';
import { useReportNames } from './reportFormat';

export function BestChannelsTable({ bestChannels }: { bestChannels: readonly BestChannel[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = useReportNames();
  return (
    <Paper p="md">
      <SectionTitle>{t('books.bestChannels')}</SectionTitle>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('books.bestChannelsHint')}
      </Text>
      {bestChannels.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('reports.noSalesChart')}
        </Text>
      ) : (
        <Table data-testid="best-channels">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.grade')}</Table.Th>
              <Table.Th>{t('books.bestChannel')}</Table.Th>
              <Table.Th ta="right">{t('books.sold')}</Table.Th>
              <Table.Th ta="right">{t('books.grossRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bestChannels.map((b) => (
              <Table.Tr key={`${b.grade}|${b.currency}`}>
                <Table.Td>{names.grade(b.grade)}</Table.Td>
                <Table.Td>{names.channel(b.channel)}</Table.Td>
                <Table.Td ta="right" className="rb-num">
                  {f.number(b.sold)}
                </Table.Td>
                <Table.Td ta="right" className="rb-num" fw={600}>
                  {f.percent1(b.recoveryRate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
