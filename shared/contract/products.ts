import { ByIdInput, type Paged } from './common';
import { ImportUnitsSoldInput, type UnitsSoldImportReport } from './catalogue-units';
import { method } from './define';
import {
  ImportProductsInput,
  ProductCreateInput,
  ProductListInput,
  ProductUpdateInput,
  type Product,
  type ProductImportReport,
} from './intake';

/**
 * A merchant's catalogue: the products their returns are matched against (by SKU and EAN), with
 * the original price a discount starts from, and the units they sold per SKU for the return rate.
 * The schemas live beside the intake desk and the units import that use them.
 */
export const productsContract = {
  'products.list': method<Paged<Product>>()(ProductListInput),
  'products.get': method<Product>()(ByIdInput),
  'products.create': method<Product>()(ProductCreateInput, { writes: true }),
  'products.update': method<Product>()(ProductUpdateInput, { writes: true }),
  'products.import': method<ProductImportReport>()(ImportProductsInput, { writes: true }),
  'products.importUnitsSold': method<UnitsSoldImportReport>()(ImportUnitsSoldInput, { writes: true }),
} as const;
