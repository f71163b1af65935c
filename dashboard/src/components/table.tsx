import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A table whose columns sort on click (a real button in the header, announced with aria-sort), with a caption for
 * screen readers and an empty state. On a phone it scrolls sideways inside its panel with the first column held in
 * place (styles.css), and the columns named in `phoneFirst` come first so what matters is in view.
 */
export interface Column<T> {
  readonly key: string;
  readonly label: string;
  readonly render: (row: T) => ComponentChildren;
  readonly sort?: (row: T) => string | number | null;
  readonly numeric?: boolean;
  /** Long text (justification, lists): wraps; other cells stay on one line and the table scrolls sideways. */
  readonly wrap?: boolean;
}

type Dir = "ascending" | "descending";

const NARROW = "(max-width: 600px)";

/** True at phone width (follows rotation and resizing). */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof matchMedia === "function" && matchMedia(NARROW).matches);
  useEffect(() => {
    if (typeof matchMedia !== "function") return undefined;
    const query = matchMedia(NARROW);
    const update = () => { setNarrow(query.matches); };
    update();
    query.addEventListener("change", update);
    return () => { query.removeEventListener("change", update); };
  }, []);
  return narrow;
}

/** The columns in display order: on a phone the `first` keys lead, in that order, then the rest as declared. */
export function orderColumns<T>(columns: readonly Column<T>[], first: readonly string[] | undefined, narrow: boolean): readonly Column<T>[] {
  if (!narrow || first === undefined || first.length === 0) return columns;
  const lead = first.flatMap((key) => columns.filter((c) => c.key === key));
  return [...lead, ...columns.filter((c) => !first.includes(c.key))];
}

export function sortRows<T>(rows: readonly T[], column: Column<T> | undefined, dir: Dir): T[] {
  const sorted = [...rows];
  if (column?.sort === undefined) return sorted;
  const key = column.sort;
  sorted.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return dir === "ascending" ? order : -order;
  });
  return sorted;
}

export function DataTable<T>(props: { rows: readonly T[]; columns: readonly Column<T>[]; rowKey: (row: T) => string; caption: string; empty?: ComponentChildren; initialSort?: { key: string; dir: Dir }; phoneFirst?: readonly string[] }) {
  const [sort, setSort] = useState<{ key: string; dir: Dir } | null>(props.initialSort ?? null);
  const narrow = useNarrow();
  if (props.rows.length === 0) return <div class="empty">{props.empty ?? "Nothing here yet."}</div>;
  const columns = orderColumns(props.columns, props.phoneFirst, narrow);
  const column = props.columns.find((c) => c.key === sort?.key);
  const rows = sort === null ? props.rows : sortRows(props.rows, column, sort.dir);
  const toggle = (key: string) => { setSort((s) => ({ key, dir: s?.key === key && s.dir === "ascending" ? "descending" : "ascending" })); };
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric === true ? "num" : undefined} aria-sort={sort?.key === c.key ? sort.dir : undefined}>
                {c.sort === undefined ? (
                  c.label
                ) : (
                  <button type="button" class="sort" data-read onClick={() => { toggle(c.key); }}>
                    {c.label}
                    <span aria-hidden="true">{sort?.key === c.key ? (sort.dir === "ascending" ? " ▲" : " ▼") : " ↕"}</span>
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} class={[c.numeric === true ? "num" : "", c.wrap === true ? "wrap" : ""].join(" ").trim() || undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
