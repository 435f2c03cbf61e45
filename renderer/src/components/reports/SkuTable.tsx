// The per-SKU table: returns against units sold, resales and recovery, the ones worth a look flagged.
import { Badge, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SkuFigures } from '../../../../shared/contract/exports';
import { useFormat } from '../../format';
import { SectionTitle } from '../common';
import { useReportFormat } from './reportFormat';
import { UnitsSoldImport } from './UnitsSoldImport';

export function SkuTable({ skus, merchantId }: { skus: readonly SkuFigures[]; merchantId: number | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { rate } = useReportFormat();
  return (
    <Paper p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <SectionTitle>{t('books.skuTable')}</SectionTitle>
        <UnitsSoldImport merchantId={merchantId} />
      </Group>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('books.skuHint')}
      </Text>
      {skus.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('reports.noSalesChart')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860} mah={480}>
          <Table data-testid="sku-table" stickyHeader highlightOnHover>
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('books.sku')}</Table.Th>
                <Table.Th>{t('books.merchant')}</Table.Th>
                <Table.Th ta="right">{t('books.returned')}</Table.Th>
                <Table.Th ta="right">{t('books.unitsSold')}</Table.Th>
                <Table.Th ta="right">{t('books.returnRate')}</Table.Th>
                <Table.Th ta="right">{t('books.resold')}</Table.Th>
                <Table.Th ta="right">{t('books.grossRate')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skus.map((s) => (
                <Table.Tr key={`${s.merchantName}|${s.sku}|${s.currency}`} data-flagged={s.flagged}>
                  <Table.Td>
                    <Text fz="sm" fw={500} lineClamp={1}>
                      {s.title}
                    </Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {s.sku}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">{s.merchantName}</Table.Td>
                  <Table.Td ta="right" className="rb-num">
                    {f.number(s.returned)}
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num">
                    {s.unitsSold === null ? '—' : f.number(s.unitsSold)}
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num" fw={600}>
                    {rate(s.returnRate)}
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num">
                    {f.number(s.sold)}
                  </Table.Td>
                  <Table.Td ta="right" className="rb-num">
                    {rate(s.recoveryRate)}
                  </Table.Td>
                  <Table.Td>
                    {s.flagged ? (
                      <Tooltip label={t('books.flaggedHint')} multiline w={260}>
                        <Badge size="sm" color="orange" variant="light" leftSection={<IconFlag size={11} />}>
                          {t('books.flagged')}
                        </Badge>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
