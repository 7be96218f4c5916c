// The pages of `fzcheck serve`: the list of reports (upload, progress, sort, filter, downloads)
// and one report's review (the HTML format's view with buttons to decide each finding). No
// inline script or style: both come from /assets/ on this origin (the CSP allows nothing else).

import { escapeHtml, jsonForScript, type ReviewView } from '../format/html.js';

/** The list page; its script fills the table from /api/status. */
export function listPage(folderName: string, version: string): string {
  return page(
    `fzcheck · ${folderName}`,
    `<header class="page"><h1>法治政府建设年度报告检查</h1><p>文件夹 <b>${escapeHtml(folderName)}</b> · fzcheck ${escapeHtml(version)}</p></header>
<main>
<section class="upload" id="drop">
  <p><b>上传报告</b>：把 Word、WPS、PDF、OFD、网页或文本文件（可多个，或一个文件夹的 .zip）拖到这里，或
  <label class="pick">选择文件<input type="file" id="files" multiple accept=".docx,.doc,.wps,.pdf,.ofd,.html,.htm,.txt,.md,.zip"></label></p>
  <p class="note" id="upload-note"></p>
</section>
<section>
  <div class="bar"><progress id="progress" max="1" value="0" hidden></progress><span id="progress-text"></span></div>
  <div class="tools">
    <input type="search" id="filter" placeholder="筛选：单位、文件名、等级…" aria-label="筛选">
    <span class="downloads">下载汇总：<a href="/download/xlsx" download>Excel</a> · <a href="/download/csv" download>CSV</a> · <a href="/download/json" download>JSON</a></span>
  </div>
  <p class="error" id="decisions-error" hidden></p>
  <table class="ranking" id="reports"><thead><tr>
    <th data-key="subject">报告单位</th><th data-key="year">年度</th><th data-key="score" class="num">得分</th><th data-key="grade">等级</th><th data-key="missing" class="num">法定缺项</th><th data-key="decided" class="num">已决定</th><th data-key="path">文件</th>
  </tr></thead><tbody></tbody></table>
  <p class="empty" id="empty" hidden>文件夹中还没有报告：上传一份试试。</p>
</section>
</main>`,
    ['/assets/list.js'],
  );
}

/** One report's review page. */
export function reportPage(path: string, title: string, view: ReviewView): string {
  const query = `?file=${encodeURIComponent(path)}`;
  return page(
    `${title} · fzcheck`,
    `<header class="page"><h1><a href="/">‹ 报告列表</a> · ${escapeHtml(title)}</h1>
<p>下载：<a id="download-docx" href="/download/docx${query}" download>Word 批注版</a> · <a href="/download/xlsx${query}" download>Excel</a> · <a href="/download/csv${query}" download>CSV</a> · <a href="/download/json${query}" download>JSON</a> · 在缺项表中可把某处问题标为“不适用”或“已核实”（写入 fzcheck.decisions.yaml，立即重新检查）</p></header>
<main data-file="${escapeHtml(path)}">
${view.body}
</main>
<div id="fz-tip" role="tooltip" hidden></div>
<dialog id="decide">
  <form method="dialog" id="decide-form">
    <h3 id="decide-title">标记</h3>
    <p id="decide-what" class="note"></p>
    <label>理由（必填）<br><textarea id="decide-reason" rows="3" required maxlength="500"></textarea></label>
    <label>审阅人（可选）<input id="decide-by" maxlength="40"></label>
    <p class="error" id="decide-error"></p>
    <menu><button value="cancel" formnovalidate>取消</button> <button id="decide-ok" value="ok">确定</button></menu>
  </form>
</dialog>
<script type="application/json" id="fz-data">${jsonForScript(view.data)}</script>`,
    ['/assets/review.js', '/assets/report.js'],
  );
}

function page(title: string, body: string, scripts: readonly string[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/review.css">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
${body}
${scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
</body>
</html>
`;
}

/** The style sheet of the server's own parts (the review view brings its own). */
export const APP_STYLE = `
header.page a{color:#fff}
.upload{border:2px dashed #98a1ad;background:#fafbfc;text-align:center}
.upload.over{border-color:#1565c0;background:#e8f1fc}
.pick{display:inline-block;border:1px solid #1565c0;color:#1565c0;border-radius:4px;padding:0 8px;cursor:pointer}
.pick input{display:none}
.note{color:#5f6670;font-size:13px}
.bar{display:flex;align-items:center;gap:10px;min-height:24px}
progress{width:320px;height:14px}
.tools{display:flex;justify-content:space-between;align-items:center;gap:12px;margin:8px 0}
#filter{font:inherit;padding:3px 8px;width:320px;border:1px solid #98a1ad;border-radius:4px}
table.ranking th[data-key]{cursor:pointer;user-select:none}
table.ranking th.asc::after{content:" ▲"}table.ranking th.desc::after{content:" ▼"}
dialog{border:1px solid #98a1ad;border-radius:8px;max-width:520px;width:90%}
dialog textarea,dialog input{font:inherit;width:100%;box-sizing:border-box}
dialog label{display:block;margin:8px 0}
dialog menu{display:flex;justify-content:flex-end;gap:8px;padding:0}
`;

/** The list page's script: upload, progress, the table, sort and filter. */
export const LIST_SCRIPT = `
(function () {
  var HEADER = { 'x-fzcheck': '1' };
  var rows = [];
  var sortKey = 'score';
  var sortDir = -1;
  var body = document.querySelector('#reports tbody');
  var filter = document.getElementById('filter');
  function cell(text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }
  function render() {
    var q = filter.value.trim().toLowerCase();
    var shown = rows.filter(function (r) { return !q || [r.subject, r.path, r.grade, String(r.year)].join(' ').toLowerCase().indexOf(q) >= 0; });
    shown.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      if (x === y) return 0; if (x === null || x === undefined) return 1; if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * sortDir;
    });
    body.replaceChildren.apply(body, shown.map(function (r) {
      var tr = document.createElement('tr');
      tr.appendChild(cell(r.subject || '未识别'));
      tr.appendChild(cell(r.year === null ? '—' : String(r.year)));
      tr.appendChild(cell(r.score === null ? '—' : r.score.toFixed(1), 'num pts'));
      tr.appendChild(cell(r.error ? '无法检查' : (r.grade || '—'), r.error ? 'error' : ''));
      tr.appendChild(cell(r.missing === null ? '—' : String(r.missing), 'num'));
      tr.appendChild(cell(String(r.decided), 'num'));
      var td = document.createElement('td');
      if (r.error) { td.textContent = r.path + '：' + r.error; }
      else { var a = document.createElement('a'); a.href = '/report?file=' + encodeURIComponent(r.path); a.textContent = r.path; td.appendChild(a); }
      tr.appendChild(td);
      return tr;
    }));
    document.getElementById('empty').hidden = rows.length > 0;
    document.querySelectorAll('#reports th').forEach(function (th) { th.classList.toggle('asc', th.dataset.key === sortKey && sortDir > 0); th.classList.toggle('desc', th.dataset.key === sortKey && sortDir < 0); });
  }
  var polling = null;
  function load() {
    return fetch('/api/status').then(function (r) { return r.json(); }).then(function (s) {
      rows = s.reports; render();
      var bar = document.getElementById('progress'); var text = document.getElementById('progress-text');
      bar.hidden = !s.progress.running; bar.max = Math.max(1, s.progress.total); bar.value = s.progress.done;
      text.textContent = s.progress.running ? '正在检查 ' + s.progress.done + ' / ' + s.progress.total : (s.reports.length ? '共 ' + s.reports.length + ' 份报告' : '');
      var err = document.getElementById('decisions-error'); err.hidden = !s.decisionsError; err.textContent = s.decisionsError ? '审阅决定文件有误（已忽略）：' + s.decisionsError : '';
      clearTimeout(polling);
      if (s.progress.running) polling = setTimeout(load, 300);
    });
  }
  document.querySelectorAll('#reports th').forEach(function (th) {
    th.addEventListener('click', function () { var key = th.dataset.key; sortDir = key === sortKey ? -sortDir : (key === 'score' || key === 'missing' || key === 'decided' ? -1 : 1); sortKey = key; render(); });
  });
  filter.addEventListener('input', render);
  function upload(files) {
    if (!files.length) return;
    var data = new FormData();
    for (var i = 0; i < files.length; i++) data.append('file', files[i], files[i].name);
    var note = document.getElementById('upload-note');
    note.textContent = '正在上传 ' + files.length + ' 个文件…';
    fetch('/api/upload', { method: 'POST', headers: HEADER, body: data }).then(function (r) { return r.json(); }).then(function (out) {
      var parts = [];
      if (out.saved && out.saved.length) parts.push('已保存：' + out.saved.join('、'));
      (out.rejected || []).forEach(function (x) { parts.push(x.name + '：' + x.reason); });
      if (out.error) parts.push(out.error);
      note.textContent = parts.join('；');
      load();
    }).catch(function () { note.textContent = '上传失败'; });
  }
  document.getElementById('files').addEventListener('change', function (e) { upload(e.target.files); e.target.value = ''; });
  var drop = document.getElementById('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('over'); upload(e.dataTransfer.files); });
  load();
})();
`;

/** The report page's script: the buttons that mark a finding 不适用 / 已核实. */
export const REPORT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('fz-data').textContent);
  var file = document.querySelector('main').dataset.file;
  var dialog = document.getElementById('decide');
  var pending = null;
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('.acts button') : null;
    if (!button) return;
    var acts = button.parentElement;
    var act = button.dataset.act;
    var f = acts.dataset.f ? data[acts.dataset.f] : null;
    var target = { file: file, ruleId: f ? f.ruleId : acts.dataset.rule, excerpt: f && !f.only ? f.excerpt : (acts.dataset.excerpt || null) };
    if (act === 'undo') { send('/api/decisions/undo', target); return; }
    pending = { target: target, kind: act };
    document.getElementById('decide-title').textContent = '标记为“' + (act === 'verified' ? '已核实' : '不适用') + '”';
    document.getElementById('decide-what').textContent = f ? f.rule + '：' + f.message : target.ruleId;
    document.getElementById('decide-error').textContent = '';
    dialog.showModal();
    document.getElementById('decide-reason').focus();
  });
  document.getElementById('decide-form').addEventListener('submit', function (e) {
    if (e.submitter && e.submitter.value === 'cancel') return;
    e.preventDefault();
    var reason = document.getElementById('decide-reason').value.trim();
    if (!reason) { document.getElementById('decide-error').textContent = '请填写理由'; return; }
    var body = Object.assign({}, pending.target, { decision: pending.kind, reason: reason, by: document.getElementById('decide-by').value.trim() || null });
    send('/api/decisions', body);
  });
  function send(url, body) {
    fetch(url, { method: 'POST', headers: { 'x-fzcheck': '1', 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (res) {
        if (!res.ok) { document.getElementById('decide-error').textContent = res.json.error || '保存失败'; return; }
        location.reload();
      });
  }
})();
`;
