import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { productsContract } from '../../../shared/contract/products';
import type { HandlerContext } from '../api';
import { importProducts } from '../intake/importProducts';
import { createProduct, getProduct, listProducts, updateProduct } from '../intake/products';
import { importUnitsSold } from './importUnitsSold';

type ProductsContract = typeof productsContract;

export type ProductsHandlers = {
  readonly [M in keyof ProductsContract]: (
    input: ParsedInputOf<ProductsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<ProductsContract[M]>>;
};

/** The merchants' catalogues and their units sold, merged into the API's handler map in ../api.ts. */
export const productsHandlers: ProductsHandlers = {
  'products.list': async (input, { ws }) => listProducts(ws, input),
  'products.get': async (input, { ws }) => getProduct(ws.kysely, input.id),
  'products.create': async (input, { ws, actor }) => createProduct(ws, actor, input),
  'products.update': async (input, { ws, actor }) => updateProduct(ws, actor, input),
  'products.import': async (input, { ws, actor }) => importProducts(ws, actor, input),
  'products.importUnitsSold': async (input, { ws, actor }) => importUnitsSold(ws, actor, input),
};
