// Minimal typing for the part of mapshaper's Node API that scripts/prepare_boundaries.ts uses.
declare module "mapshaper" {
  interface Mapshaper {
    /**
     * Runs a mapshaper command line on in-memory inputs.
     * @param commands - e.g. "-i in.json -simplify 10% -o out.geojson"
     * @param input - file name mapped to file content, referenced by `-i`
     * @returns file name mapped to the content of every file written by `-o`
     */
    applyCommands(commands: string, input?: Record<string, string | object>): Promise<Record<string, string | Uint8Array>>;
  }
  const mapshaper: Mapshaper;
  export default mapshaper;
}
