import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';

// exceljs adds ~25 MB to a process that loads it: the API loads it on its first XLSX export, not at start.
let excel: Promise<typeof import('exceljs')> | null = null;
const loadExcel = () => (excel ??= import('exceljs'));

/** The one sheet of an XLSX export; a right-to-left sheet starts at the right edge, column A rightmost (Persian). */
export type XlsxSheet = { name: string; isRightToLeft: boolean };

export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null; width?: number };

// Excel's sheet holds 1,048,576 rows; one is the header.
const MAX_XLSX_ROWS = 1_048_575;
// Rows are written for at most this long before other requests get their turn: a 200,000-run XLSX takes ~20 s.
const SLICE_MS = 20;
// Text a spreadsheet would run as a formula (OWASP, "CSV injection"); tab and CR lead some apps to it too.
const FORMULA_START = /^[=+\-@\t\r]/;

const logger = new Logger('Export');

/** A CSV cell: text that starts like a formula gets a leading single quote, so it is shown and never run. */
export function csvCell(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Streams rows as CSV, UTF-8 with a BOM so Excel reads Persian text right. */
export async function sendCsv<T>(response: Response, filename: string, columns: ExportColumn<T>[], rows: AsyncIterable<T>): Promise<void> {
  await sendExport(response, { filename, contentType: 'text/csv; charset=utf-8' }, rows, async (source) => {
    const records = Readable.from(
      (async function* () {
        for await (const row of source) yield columns.map((column) => csvCell(column.value(row)));
      })(),
    );
    // The readable is pulled only as fast as the client reads: back-pressure reaches the database reads.
    await pipeline(records, stringify({ bom: true, header: true, columns: columns.map((column) => column.header) }), response);
  });
}

/**
 * Streams rows into one XLSX sheet (the workbook is written as it goes, not held in memory). Values are written as
 * they are: a string is a string cell whatever it starts with, never a formula.
 */
export async function sendXlsx<T>(response: Response, filename: string, sheet: XlsxSheet, columns: ExportColumn<T>[], rows: AsyncIterable<T>): Promise<void> {
  const contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await sendExport(response, { filename, contentType }, rows, async (source, signal) => {
    const output = new PassThrough();
    // Settled into a value at once, so a failure of the response while rows are still written is never unhandled.
    const piped = pipeline(output, response).then(
      () => null,
      (error: unknown) => error,
    );
    try {
      const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
      const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: sheet.isRightToLeft }] });
      worksheet.columns = columns.map((column) => ({ header: column.header, key: column.header, width: column.width ?? 16 }));
      worksheet.getRow(1).font = { bold: true };
      worksheet.getRow(1).commit();
      let count = 0;
      for await (const row of source) {
        if (++count > MAX_XLSX_ROWS) break;
        worksheet.addRow(columns.map((column) => column.value(row))).commit();
        // exceljs does not wait for its stream: wait here while the client is behind.
        if (output.writableNeedDrain) await once(output, 'drain', { signal });
      }
      worksheet.commit();
      await untilAborted(workbook.commit(), signal);
    } catch (error) {
      output.destroy(error as Error);
    }
    const failure = await piped;
    if (failure) throw failure;
  });
}

type ExportFile = { filename: string; contentType: string };

/**
 * Runs one export: the first row is read before the headers, so a query that fails at once is answered as an error;
 * rows are handed to `write` a time slice at a time (the event loop serves other requests in between) until the
 * client disconnects or anything fails. Then the source is closed, the response destroyed and one line logged:
 * nothing is left running and no rejection escapes.
 */
async function sendExport<T>(
  response: Response,
  file: ExportFile,
  source: AsyncIterable<T>,
  write: (rows: AsyncIterable<T>, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  response.setHeader('Cache-Control', 'no-store');
  const stop = new AbortController();
  const onClose = () => {
    if (!response.writableFinished) stop.abort(new Error('the client closed the connection'));
  };
  response.once('close', onClose);
  let count = 0;
  const rows = async function* () {
    let sliceStart = performance.now();
    for (let next = first; !next.done; next = await iterator.next()) {
      stop.signal.throwIfAborted();
      count++;
      yield next.value;
      if (performance.now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = performance.now();
      }
    }
  };
  try {
    await write(rows(), stop.signal);
  } catch (error) {
    const reason = stop.signal.aborted ? (stop.signal.reason as Error) : (error as Error);
    const line = `${file.filename} stopped after ${count.toLocaleString('en')} rows: ${reason.message}`;
    if (stop.signal.aborted) logger.warn(line);
    else logger.error(line);
    response.destroy();
  } finally {
    response.off('close', onClose);
    await iterator.return?.();
  }
}

/** The work's result, or the abort's reason as soon as the signal fires (the work is left to settle unobserved). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
  return Promise.race([work, aborted]);
}
