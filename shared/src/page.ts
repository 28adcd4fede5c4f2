/** One page of a paged list (history, audit, records, rejections, changes). */
export type Page<T> = {
  items: T[];
  /** Matching rows; when `isTotalCapped`, counting stopped there and there are more. */
  total: number;
  page: number;
  pageSize: number;
  isTotalCapped?: boolean;
};
