import { useMemo } from "react";
import type { PointKind } from "../../domain/types.ts";
import { useAppState, useTranslation } from "../app_context.ts";
import { listRows } from "../panels/list_rows.ts";
import { useDerivedView } from "./use_derived_view.ts";

/**
 * The uncovered points as the list shows them (filters, then search, then sort); the exports
 * write exactly these rows.
 * @returns point indices in list order
 */
export function useListRows(): number[] {
  const [t] = useTranslation();
  const data = useAppState((state) => state.data);
  const search = useAppState((state) => state.search);
  const sort = useAppState((state) => state.listSort);
  const view = useDerivedView();
  return useMemo(() => {
    if (!data || !view) return [];
    return listRows(data, view.uncovered, {
      search,
      column: sort.column,
      direction: sort.direction,
      kindLabel: (kind: PointKind) => t(`kind.${kind}`),
    });
  }, [data, view, search, sort, t]);
}
