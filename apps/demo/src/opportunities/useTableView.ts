import { useListViewParams, useLocationSearchParams } from '@resale-kit/sdk/react';

/** The table's filters, sort and page, kept in the query string (links, reload, Back). */
export function useTableView() {
  const [params, setParams] = useLocationSearchParams();
  return useListViewParams(params, setParams);
}
