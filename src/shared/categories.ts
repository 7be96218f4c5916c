// Finding categories: the order in which the gap table shows them (most important first) and
// their Chinese names.

/** Category ids and labels, most important first. */
export const CATEGORIES = [
  { id: 'identity', label: '报告识别' },
  { id: 'statutory', label: '法定内容' },
  { id: 'duties', label: '第一责任人履职' },
  { id: 'enforcement', label: '行政执法' },
  { id: 'outline', label: '纲要覆盖' },
  { id: 'metrics', label: '数据指标' },
  { id: 'consistency', label: '前后一致' },
  { id: 'timeliness', label: '公开时效' },
  { id: 'terms', label: '规范用语' },
  { id: 'style', label: '公文格式' },
  { id: 'noise', label: '文本杂质' },
] as const;

/** A category id. */
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** Chinese label of a category (the id itself when unknown). */
export function categoryLabel(id: string): string {
  return CATEGORIES.find((category) => category.id === id)?.label ?? id;
}

/** Sort position of a category. */
export function categoryOrder(id: string): number {
  const index = CATEGORIES.findIndex((category) => category.id === id);
  return index < 0 ? CATEGORIES.length : index;
}
