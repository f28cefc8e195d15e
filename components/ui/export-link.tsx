import type { ExportKind } from '@/server/services/exports/export-routes';

type Props = {
  kind: ExportKind;
  /** The list's filters as its address carries them (see server/schemas/list-filters). */ query: string;
};

/**
 * "Export CSV": every row of the list as it is filtered now, not only the page on screen, as a file
 * a spreadsheet opens. A plain link: the browser shows the download's progress, and it works
 * without JavaScript.
 */
export function ExportLink({ kind, query }: Props) {
  return (
    <p className="export-link">
      <a className="button" href={`/api/exports/${kind}${query ? `?${query}` : ''}`} download>
        Export CSV
      </a>
    </p>
  );
}
