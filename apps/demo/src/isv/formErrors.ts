/** The form fields API field errors are shown next to. */
export type FormField =
  | 'name'
  | 'description'
  | 'productIds'
  | 'resellerIds'
  | 'discount'
  | 'duration'
  | 'form';

/**
 * Groups the API's field errors ('name', 'productIds.1', 'discount.percent', 'endDate') by the
 * form field that shows them; anything else is shown at the top of the form.
 */
export function groupFieldErrors(
  fieldErrors: Record<string, string[]>,
): Partial<Record<FormField, string[]>> {
  const out: Partial<Record<FormField, string[]>> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const head = path.split('.')[0] ?? path;
    const field: FormField =
      head === 'name' ||
      head === 'description' ||
      head === 'productIds' ||
      head === 'resellerIds' ||
      head === 'discount'
        ? head
        : head === 'endDate' || head === 'durationType'
          ? 'duration'
          : 'form';
    out[field] = [...(out[field] ?? []), ...messages];
  }
  return out;
}
