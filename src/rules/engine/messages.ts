// Message templates: a finding or outcome names a message id and gives data; the text comes from
// the rule's own `messages` (or `message` for the kind's primary message), else the kind's
// default. Messages the engine itself gives (a rule that did not apply, ran out of time, …) have
// ids starting with "engine.".

import { memoByOwner } from '../../shared/memo.js';
import type { MessageData } from '../../shared/results.js';
import type { CompiledRule } from '../types.js';

/** Texts of the messages the engine gives, by id. */
export const ENGINE_MESSAGES: Readonly<Record<string, string>> = {
  'engine.notReport': '文件不是法治政府建设年度报告，未检查本项',
  'engine.yearsFrom': '只适用于{from}年度及以后的报告',
  'engine.yearsTo': '只适用于{to}年度及以前的报告',
  'engine.subjects': '不适用于本类报告主体',
  'engine.noScope': '所需的部分不存在，本规则不适用',
  'engine.missingScope': '未找到“{section}”部分，无法检查“{title}”',
  'engine.disabled': '已在配置文件中关闭',
  'engine.noPrevious': '没有上一年度的报告可对照（用 --previous 给出）',
  'engine.notBatch': '只在一次检查多家单位的报告时比较',
  'engine.timeout':
    '规则“{ruleId}”在本文件上运行 {limit} 秒仍未结束，已中止；请简化其中的正则（避免 (a+)+ 这类嵌套重复）',
  'engine.stoppedForRun':
    '本规则（或同包中有回溯风险的规则）在本次运行的另一份文件上超时，已停用；请简化其中的正则',
  'engine.outOfTime': '本文件的检查时间已用完，未运行本规则',
  'engine.truncated': '本规则另有{count}处问题未逐一列出',
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills a template's {placeholders}; unknown ones stay as written. */
export function fillTemplate(template: string, values: MessageData): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

// Per rule: the template of each message id (looked up through four tables, for every result).
const templates = new WeakMap<CompiledRule, Map<string, string>>();

function templateOf(rule: CompiledRule, id: string): string {
  return (
    rule.spec.messages?.[id] ??
    (id === rule.kind.primaryMessage ? rule.spec.message : undefined) ??
    rule.kind.messages[id] ??
    ENGINE_MESSAGES[id] ??
    id
  );
}

/** The text of one of a rule's messages. */
export function formatMessage(rule: CompiledRule, id: string, data: MessageData = {}): string {
  const template = memoByOwner(templates, rule, id, () => templateOf(rule, id));
  // Most templates have no placeholder; the others look up the data, then the rule's title and id.
  if (!template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    if (key in data) return String(data[key]);
    if (key === 'title') return rule.spec.title;
    if (key === 'ruleId') return rule.spec.id;
    return whole;
  });
}
