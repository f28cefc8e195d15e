import Link from 'next/link';
import { FilterSelect, SearchField, SearchForm } from '@/components/ui/search-form';

/**
 * The insights filters as a GET form: they live in the address, work without JavaScript, and a
 * filtered page can be bookmarked or sent to a colleague (who sees it within their own reach).
 */
export function InsightsFilters({
  from,
  to,
  unitId,
  units,
  wholeLabel,
}: {
  from: string;
  to: string;
  unitId: string | null;
  units: readonly { id: string; name: string; isOrganization: boolean }[];
  wholeLabel: string;
}) {
  return (
    <SearchForm
      label="Insights filters"
      action="/admin/insights"
      submitLabel="Show"
      after={
        <Link href="/admin/insights" className="button">
          Reset
        </Link>
      }
    >
      <SearchField id="insights-from" name="from" label="From" type="date" defaultValue={from} />
      <SearchField id="insights-to" name="to" label="To" type="date" defaultValue={to} />
      <FilterSelect
        id="insights-unit"
        name="unitId"
        label="Unit"
        defaultValue={unitId}
        anyLabel={wholeLabel}
        // The organization itself is the first choice already (its whole tree).
        options={units.filter((unit) => !unit.isOrganization).map((unit) => ({ value: unit.id, label: unit.name }))}
      />
    </SearchForm>
  );
}
