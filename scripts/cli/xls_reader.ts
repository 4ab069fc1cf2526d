/**
 * Loads SheetJS (`@e965/xlsx`) for an old binary .xls workbook, once, and registers it with the domain
 * (src/domain/formats/xls.ts): the CLI only pays for it when it meets an OLE file.
 */
import { isOleBytes, registerXlsReader, hasXlsReader, type SheetJsModule } from "../../src/domain/index.ts";

/**
 * Registers the .xls reader when the bytes are an OLE workbook.
 * @param bytes - the file, or its first bytes
 */
export async function loadXlsReaderFor(bytes: Uint8Array): Promise<void> {
  if (hasXlsReader() || !isOleBytes(bytes)) return;
  const module = (await import("@e965/xlsx")) as unknown as SheetJsModule;
  registerXlsReader(module);
}
