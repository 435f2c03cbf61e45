import { z } from 'zod';
import { CURRENCIES } from '../domain/money';
import { LANGUAGES, ROLES, type Language, type Role } from '../domain/status';
import { ByIdInput } from './common';
import { method } from './define';

export interface Merchant {
  readonly id: number;
  readonly name: string;
  readonly currency: string;
  readonly language: Language;
  readonly returnWindowDays: number;
  readonly address: string;
  readonly itemCount: number;
}

export interface Profile {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly merchantId: number | null;
  readonly hasPin: boolean;
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
  'merchants.create': method<Merchant>()(MerchantInput, { writes: true, roles: ['admin'] }),
  'profiles.list': method<readonly Profile[]>()(z.object({}).strict()),
} as const;

export { ROLES };
