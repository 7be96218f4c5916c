import { ruleSpec, testRule } from '../../support/rule-tester.js';

testRule('pairing', ruleSpec({ kind: 'pairing' }), {
  valid: [
    '开展“法律进乡村”活动，学习《民法典》（2020年5月通过）。',
    '推进镇(街道）司法所规范化建设，落实《关于〈纲要〉的实施意见》。',
    {
      name: 'a page widget cut in two',
      text: '全年办理行政复议案件12件。字号:【\n大 中 小】 【打印】【关闭】',
    },
    '（中央依法治国办）督察组反馈的问题全部整改。',
  ],
  invalid: [
    {
      text: '开展“法律进乡村活动12场。',
      status: 'fail',
      findings: [{ line: 1, column: 3, message: '双引号不配对：有 “ 而没有 ”' }],
    },
    {
      text: '推进镇街道）司法所规范化建设。',
      status: 'fail',
      findings: [
        { line: 1, column: 6, messageId: 'unopened', data: { open: '（', close: '）', name: '括号' } },
      ],
    },
    {
      name: 'wrong nesting',
      text: '学习《民法典（草案》）。',
      status: 'fail',
      findings: [
        { line: 1, column: 7, messageId: 'unclosed', data: { open: '（', close: '）', name: '括号' } },
        { line: 1, column: 11, messageId: 'unopened', data: { open: '（', close: '）', name: '括号' } },
      ],
    },
    {
      name: 'each paragraph on its own',
      text: '开展“法律\n进乡村”活动。',
      status: 'fail',
      findings: [
        { line: 1, column: 3, messageId: 'unclosed', data: { open: '“', close: '”', name: '双引号' } },
        { line: 2, column: 4, messageId: 'unopened', data: { open: '“', close: '”', name: '双引号' } },
      ],
    },
  ],
});

testRule('pairing: chosen pairs', ruleSpec({ kind: 'pairing', pairs: ['〔〕'] }), {
  valid: ['开展“法律进乡村活动（遵新党办发〔2020〕131号）。'],
  invalid: [
    { text: '（镇法办〔20208）', status: 'fail', findings: [{ line: 1, column: 5, message: /六角括号/ }] },
  ],
});
