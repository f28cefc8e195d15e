import { csvHeader, csvRow } from '@/server/domain/exports/csv';
import { errorFields, log } from '@/server/observability/log';
import type { ExportTable } from './table';

/**
 * The export as a byte stream: the byte-order mark and header at once (the download starts before
 * the first query returns), then one page of rows per pull. A pull comes only when the reader has
 * taken what was sent, so a slow client holds the database cursor back instead of the server
 * buffering the file: memory stays at about one page whatever the length.
 */
export function csvStream(table: ExportTable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = table.pages()[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvHeader(table.columns)));
      },
      async pull(controller) {
        try {
          const next = await pages.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.map(csvRow).join('')));
        } catch (error) {
          // Headers are gone already: the download ends unfinished, which the browser reports as failed.
          log().error({ export: table.name, ...errorFields(error) }, 'export stream failed');
          controller.error(error);
        }
      },
      async cancel() {
        await pages.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
