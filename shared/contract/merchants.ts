import { z } from 'zod';
import { CURRENCIES } from '../domain/money';
import { LANGUAGES, ROLES, type Language } from '../domain/status';
import { ByIdInput } from './common';
import { method } from './define';
import { MerchantUpdateInput } from './intake';

export interface Merchant {
  readonly id: number;
  readonly name: string;
  readonly currency: string;
  readonly language: Language;
  readonly returnWindowDays: number;
  readonly address: string;
  readonly itemCount: number;
}

export const MerchantInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    currency: z.enum(CURRENCIES),
    language: z.enum(LANGUAGES),
    returnWindowDays: z.number().int().min(14).max(365),
    address: z.string().trim().max(500).default(''),
  })
  .strict();

export const merchantsContract = {
  'merchants.list': method<readonly Merchant[]>()(z.object({}).strict()),
  'merchants.get': method<Merchant>()(ByIdInput),
  'merchants.create': method<Merchant>()(MerchantInput, { writes: true }),
  'merchants.update': method<Merchant>()(MerchantUpdateInput, { writes: true }),
} as const;

export { ROLES };
