/**
 * The part of PapaParse the domain uses: synchronous parsing of a string.
 * tsconfig.domain.json maps "papaparse" here because the published papaparse typings reference the Node typings,
 * which would let Node globals (Buffer, process) compile inside the pure domain.
 */
export interface ParseError {
  type: string;
  code: string;
  message: string;
  row?: number;
  index?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number };
}

export interface ParseConfig {
  delimiter?: string;
  newline?: string;
  quoteChar?: string;
  escapeChar?: string;
  header?: false;
  skipEmptyLines?: boolean | "greedy";
}

declare const Papa: {
  parse<T = string[]>(input: string, config?: ParseConfig): ParseResult<T>;
};
export default Papa;
