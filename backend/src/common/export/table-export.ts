import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Response } from 'express';

export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null; width?: number };

// Excel's sheet holds 1,048,576 rows; one is the header.
const MAX_XLSX_ROWS = 1_048_575;

function attachment(response: Response, contentType: string, filename: string): void {
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.setHeader('Cache-Control', 'no-store');
}

/** Streams rows as CSV, UTF-8 with a BOM so Excel reads Persian text right. */
export async function sendCsv<T>(response: Response, filename: string, columns: ExportColumn<T>[], rows: AsyncIterable<T>): Promise<void> {
  attachment(response, 'text/csv; charset=utf-8', filename);
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((column) => column.value(row) ?? '');
    })(),
  );
  await pipeline(records, stringify({ bom: true, header: true, columns: columns.map((column) => column.header) }), response);
}

/** Streams rows into one XLSX sheet (the workbook is written as it goes, not held in memory). */
export async function sendXlsx<T>(response: Response, filename: string, sheetName: string, columns: ExportColumn<T>[], rows: AsyncIterable<T>): Promise<void> {
  attachment(response, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename);
  const output = new PassThrough();
  const piping = pipeline(output, response);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.header, width: column.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    if (++count > MAX_XLSX_ROWS) break;
    sheet.addRow(columns.map((column) => column.value(row))).commit();
  }
  sheet.commit();
  await workbook.commit();
  await piping;
}
