import type { ExportLocale } from '../../../shared/accounting/csv';

/**
 * The columns of the sales export (CSV and XLSX) and of the journal, with their headers in the
 * export's language. Kept here rather than in the UI's i18n files: these are file formats,
 * read by spreadsheets and accounting imports, not screens.
 */

export type ColumnType = 'date' | 'text' | 'amount' | 'rate';

export interface Column<K extends string> {
  readonly key: K;
  readonly type: ColumnType;
  readonly header: Readonly<Record<ExportLocale, string>>;
  /** Width in characters, for XLSX. */
  readonly width: number;
}

const col = <K extends string>(
  key: K,
  type: ColumnType,
  width: number,
  en: string,
  fr: string,
  de: string,
): Column<K> => ({ key, type, width, header: { en, fr, de } });

export const SALES_COLUMNS = [
  col('date', 'date', 12, 'Date', 'Date', 'Datum'),
  col('kind', 'text', 13, 'Type', 'Type', 'Art'),
  col('reference', 'text', 12, 'Reference', 'Référence', 'Referenz'),
  col('sku', 'text', 14, 'SKU', 'SKU', 'SKU'),
  col('title', 'text', 40, 'Title', 'Titre', 'Titel'),
  col('merchant', 'text', 18, 'Merchant', 'Marchand', 'Händler'),
  col('channel', 'text', 12, 'Channel', 'Canal', 'Kanal'),
  col('orderId', 'text', 14, 'Order', 'Commande', 'Bestellung'),
  col('lineId', 'text', 6, 'Line', 'Ligne', 'Position'),
  col('currency', 'text', 9, 'Currency', 'Devise', 'Währung'),
  col('price', 'amount', 12, 'Price', 'Prix', 'Preis'),
  col('shipping', 'amount', 12, 'Shipping', 'Livraison', 'Versand'),
  col('fees', 'amount', 12, 'Channel fees', 'Frais du canal', 'Kanalgebühren'),
  col('feesEstimated', 'text', 10, 'Fees estimated', 'Frais estimés', 'Gebühren geschätzt'),
  col('net', 'amount', 12, 'Net', 'Net', 'Netto'),
  col('vatRate', 'rate', 9, 'VAT rate %', 'Taux TVA %', 'USt-Satz %'),
  col('vatScheme', 'text', 10, 'VAT scheme', 'Régime TVA', 'USt-Regelung'),
  col('vat', 'amount', 12, 'VAT', 'TVA', 'USt'),
  col('original', 'amount', 12, 'Original price', 'Prix d’origine', 'Originalpreis'),
  col('grade', 'text', 16, 'Grade', 'État', 'Zustand'),
  col('buyerCountry', 'text', 8, 'Buyer country', 'Pays acheteur', 'Käuferland'),
] as const;

export const JOURNAL_COLUMNS = [
  col('date', 'date', 12, 'Date', 'Date', 'Datum'),
  col('entry', 'text', 10, 'Entry', 'Écriture', 'Buchung'),
  col('account', 'text', 10, 'Account', 'Compte', 'Konto'),
  col('description', 'text', 50, 'Description', 'Libellé', 'Buchungstext'),
  col('debit', 'amount', 12, 'Debit', 'Débit', 'Soll'),
  col('credit', 'amount', 12, 'Credit', 'Crédit', 'Haben'),
  col('vatRate', 'rate', 9, 'VAT rate %', 'Taux TVA %', 'USt-Satz %'),
  col('vat', 'amount', 12, 'VAT', 'TVA', 'USt'),
  col('reference', 'text', 12, 'Reference', 'Référence', 'Beleg'),
  col('currency', 'text', 9, 'Currency', 'Devise', 'Währung'),
] as const;

export const YES_NO: Readonly<Record<ExportLocale, readonly [string, string]>> = {
  en: ['yes', 'no'],
  fr: ['oui', 'non'],
  de: ['ja', 'nein'],
};
