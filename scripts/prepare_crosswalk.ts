/**
 * Builds data/crosswalks/communes-2025.json: the 3,321 communes and wards of 2025 (34 provinces) and the
 * pre-2025 communes each was merged from, in the compact form `parseCommuneCrosswalk` reads.
 *
 *   npx tsx scripts/prepare_crosswalk.ts BANDO.json COMMUNES_2025.json data/crosswalks/communes-2025.json
 *
 * BANDO.json is `dataset-generation-scripts/sapnhap-bando-crawler/donvi_tinhthanh.json` of
 * thanglequoc/vietnamese-provinces-database (GSO codes, names, "truocsapnhap" free text); COMMUNES_2025.json
 * is `src/core/assets/communes-2025.json` of rexin4n15/vietnam-map-34-provinces (the same 3,321 names, used
 * as a cross-check of the count and names). See data/SOURCES.md.
 *
 * Output: `{ format, version, source, provinces: [[code, name, [old provinces], [[code, name, olds], …]], …] }`
 * where `olds` is a "|"-separated list of pre-2025 units: `Xã Nậm Chạc`, with `@Bát Xát` when the text names the
 * old district, and a trailing `~` when only part of that unit went into this commune.
 */
import { readFileSync, writeFileSync } from "node:fs";

interface BandoUnit {
  ma: string;
  ten: string;
  magoc: string;
  truocsapnhap: string;
}

const [bandoPath, communesPath, outPath] = process.argv.slice(2);
if (!bandoPath || !communesPath || !outPath) {
  process.stderr.write("usage: tsx scripts/prepare_crosswalk.ts BANDO.json COMMUNES_2025.json OUT.json\n");
  process.exit(2);
}
const bando = JSON.parse(readFileSync(bandoPath, "utf8")) as BandoUnit[];
const check = JSON.parse(readFileSync(communesPath, "utf8")) as { phuongxa: { tenphuongxa: string }[] }[];

const UNIT = /^(xã|phường|thị trấn|thị xã|đặc khu)\s+/iu;
const PROVINCE_PREFIX = /^(thủ đô|thành phố|tỉnh)\s+/iu;

function clean(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

function titleUnit(name: string): string {
  const match = UNIT.exec(name);
  if (!match) return name;
  const unit = match[1].toLowerCase();
  return unit.charAt(0).toUpperCase() + unit.slice(1) + " " + name.slice(match[0].length);
}

/** Reads the free "truocsapnhap" text into old units; unreadable fragments are dropped. */
function oldUnits(text: string): string[] {
  const out: string[] = [];
  let partialContext = false;
  // Split on commas and " và " outside parentheses.
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  const source = clean(text);
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "(") depth++;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === "," || char === ";")) {
      parts.push(current);
      current = "";
      continue;
    }
    if (depth === 0 && source.startsWith(" và ", i)) {
      parts.push(current);
      current = "";
      i += 3;
      continue;
    }
    current += char;
  }
  parts.push(current);
  for (let part of parts) {
    part = clean(part);
    if (!part || /^giữ nguyên/iu.test(part)) continue;
    let partial = false;
    if (/một phần|phần còn lại|phần diện tích/iu.test(part)) {
      partial = true;
      partialContext = /của các/iu.test(part);
    } else if (/quy mô dân số/iu.test(part)) {
      continue;
    }
    const parenthesised = [...part.matchAll(/\(([^)]*)\)/g)].map((match) => match[1]);
    if (parenthesised.some((inner) => /phần còn lại|một phần/iu.test(inner))) partial = true;
    const district = parenthesised.map((inner) => /^(huyện|quận|thị xã|thành phố)\s+(.+)$/iu.exec(clean(inner))).find((match) => match);
    part = clean(part.replace(/\([^)]*\)/g, " "));
    part = part.replace(
      /^.*?(một phần diện tích( TN)?(,? quy mô dân số)?( của)?( các)?( phường| xã)?|phần còn lại( của)?|toàn b[ộố] quy mô dân số( của)?( phường| xã)?)\s*/iu,
      "",
    );
    part = clean(part.replace(/\s*(sau khi s[ắá]p (x|X)ếp|sau khi sáp nhập).*$/u, "").replace(/^(của )?các (phường|xã)\s+/iu, ""));
    if (!part) continue;
    // "các phường Minh Khai" lost its unit word: after "của các phường/xã" the unit is implied.
    if (!UNIT.test(part)) {
      if (!partialContext && !partial) continue;
      part = "Phường " + part;
    }
    part = titleUnit(part);
    if (!/^[\p{L}\d][\p{L}\d\s'’-]*$/u.test(part) || part.split(" ").length > 7) continue;
    out.push(part + (district ? `@${clean(district[2])}` : "") + (partial || partialContext ? "~" : ""));
    if (!partial) partialContext = false;
  }
  return [...new Set(out)];
}

const provinces = bando.filter((unit) => unit.magoc === "0");
const output = provinces
  .map((province) => {
    const from = /giữ nguyên/iu.test(province.truocsapnhap)
      ? [clean(province.ten).replace(PROVINCE_PREFIX, "")]
      : clean(province.truocsapnhap)
          .replace(/\.\s.*$/u, "")
          .split(/,| và /u)
          .map((name) =>
            clean(name)
              .replace(/^TPHCM$/u, "thành phố Hồ Chí Minh")
              .replace(PROVINCE_PREFIX, ""),
          )
          .filter((name) => name.length > 0);
    const communes = bando
      .filter((unit) => unit.magoc === province.ma)
      .sort((a, b) => a.ma.localeCompare(b.ma))
      .map((unit) => [unit.ma, titleUnit(clean(unit.ten)), oldUnits(unit.truocsapnhap).join("|")]);
    return [province.ma, clean(province.ten).replace(PROVINCE_PREFIX, ""), from, communes] as const;
  })
  .sort((a, b) => a[0].localeCompare(b[0]));

const total = output.reduce((sum, province) => sum + province[3].length, 0);
const expected = check.reduce((sum, province) => sum + province.phuongxa.length, 0);
const names2025 = new Set(check.flatMap((province) => province.phuongxa.map((commune) => clean(commune.tenphuongxa).toLowerCase())));
const missing = output.flatMap((province) => province[3].filter((commune) => !names2025.has(String(commune[1]).toLowerCase())).map((commune) => commune[1]));
const document = {
  format: "lom-song-communes-2025",
  version: 1,
  source:
    "thanglequoc/vietnamese-provinces-database@cd58063299585146ded3981f2272946ef19ced54 (MIT), checked against rexin4n15/vietnam-map-34-provinces@026d337ab66fc51e327ef26d24988fe015677834 (MIT); see data/SOURCES.md",
  provinces: output,
};
writeFileSync(outPath, JSON.stringify(document) + "\n");
const olds = output.reduce(
  (sum, province) => sum + province[3].reduce((inner, commune) => inner + (commune[2] ? String(commune[2]).split("|").length : 0), 0),
  0,
);
process.stdout.write(
  `${output.length} provinces, ${total} communes (second list: ${expected}), ${olds} pre-2025 units, ${missing.length} names not in the second list\n`,
);
if (missing.length > 0) process.stdout.write(`  e.g. ${missing.slice(0, 10).join(", ")}\n`);
