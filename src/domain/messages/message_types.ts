/** The shape of one catalogue entry: a template per language and the names of its `{name}` placeholders. */
export interface DomainTemplate {
  readonly params?: readonly string[];
  readonly vi: string;
  readonly en: string;
}
