import { CatalogImportForm } from '@/components/catalog/import-form';

export const metadata = { title: 'Import the catalog' };

export default function CatalogImportPage() {
  return (
    <>
      <h1>Import products, prices and stock</h1>
      <p className="lede">
        Upload any of the three CSV files. You see what would change and every row with an error before anything is
        applied. The import adds and updates: products, prices and stock that the files do not mention are left as they
        are, and nothing is removed. A file with errors imports nothing unless you choose to import only the rows
        without errors, and a category that does not exist yet is created only when you tick it.
      </p>
      <ul>
        <li>
          <strong>products.csv</strong>: <code>sku,name,unit,category</code>, optionally <code>description,active</code>
          . A SKU is stored in capitals.
        </li>
        <li>
          <strong>prices.csv</strong>: <code>price_list,sku,unit_price</code>. The price list by name; the price like
          12.50 in the list&apos;s currency.
        </li>
        <li>
          <strong>stock.csv</strong>: <code>fulfillment_center,sku,on_hand</code>. The center by code; on hand is the
          counted quantity and cannot be below what orders hold.
        </li>
      </ul>
      <p>
        Files up to 5 MB and 50,000 rows each. A SKU in prices.csv or stock.csv must be in the catalog or in
        products.csv.
      </p>
      <CatalogImportForm />
    </>
  );
}
