/**
 * The frame of a printed report as an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
 * issuer and the national motto side by side, the place and date, the kind and subject of the document, and
 * at the end the recipients and the signature block. Page numbers come from print.css (its `@page` rule).
 */
import type { ReactNode } from "react";
import { useTranslation } from "../app_context.ts";
import { officialHeader } from "./official_header.ts";
import "./print.css";

export interface OfficialHeadingProps {
  agency: string;
  /** The report's one province, when it has one. */
  province: string | null;
  /** The day the report is made, YYYY-MM-DD. */
  day: string;
  subject: string;
  /** A line under the subject (scope, state date). */
  children?: ReactNode;
}

/**
 * The document's head.
 * @param props - agency, province, day, subject
 * @returns the header and the title
 */
export function OfficialHeading({ agency, province, day, subject, children }: OfficialHeadingProps) {
  const [t, language] = useTranslation();
  const header = officialHeader(language, agency, province, day);
  return (
    <>
      <div className="official-header" data-testid="official-header">
        <div className="official-issuer">
          {header.managingBody && (
            <p className="official-managing" data-testid="print-managing-body">
              {header.managingBody}
            </p>
          )}
          <p className="official-agency" data-testid="print-agency">
            {header.agency}
          </p>
          <p className="official-number">{t("print.doc.number")}</p>
        </div>
        <div className="official-nation">
          <p className="official-nation-name" data-testid="print-nation">
            {header.nation}
          </p>
          <p className="official-motto">
            <span data-testid="print-motto">{header.motto}</span>
          </p>
          <p className="official-place-date" data-testid="print-place-date">
            {header.placeAndDate}
          </p>
        </div>
      </div>
      <h1 className="official-title" data-testid="print-title">
        <span className="official-kind">{t("print.doc.kind")}</span>
        <span className="official-subject">{subject}</span>
      </h1>
      {children}
    </>
  );
}

/**
 * The document's foot: recipients on the left, the signature block on the right.
 * @returns the block
 */
export function OfficialSignature() {
  const [t] = useTranslation();
  return (
    <div className="official-foot">
      <div className="official-recipients">
        <p>
          <strong>
            <em>{t("print.doc.recipients")}</em>
          </strong>
        </p>
        <p>{t("print.doc.recipientsFile")}</p>
      </div>
      <div className="official-signer">
        <p>
          <strong>{t("print.doc.signer")}</strong>
        </p>
        <p>
          <em>{t("print.doc.signHint")}</em>
        </p>
      </div>
    </div>
  );
}
