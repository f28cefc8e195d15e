import { ErpImportForm } from '@/components/erp/import-form';

export const metadata = { title: 'ERP import' };

export default function ErpImportPage() {
  return (
    <>
      <h1>Import ERP customers and contacts</h1>
      <p className="lede">
        Upload the two CSV exports from the ERP. You see what would change and every row with an error before anything
        is applied. The import replaces the previous one: customers and contacts no longer in the files are removed, and
        their people can no longer sign in to those accounts.
      </p>
      <ErpImportForm />
    </>
  );
}
