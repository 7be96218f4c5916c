// Finding categories: the groups a gap table shows, most important first. The list is data
// (rules/categories.yaml, plus any a pack adds); runs carry it to the formatters.

/** A category id and its Chinese name. */
export interface Category {
  readonly id: string;
  readonly label: string;
}

/** The name of a category (the id itself when unknown). */
export function categoryLabel(categories: readonly Category[], id: string): string {
  return categories.find((category) => category.id === id)?.label ?? id;
}

/** Sort position of a category; unknown ones last. */
export function categoryOrder(categories: readonly Category[], id: string): number {
  const index = categories.findIndex((category) => category.id === id);
  return index < 0 ? categories.length : index;
}
