// The analyst page's "Import / export" section (admins only): a chosen file is first sent as a dry
// run (POST /import?dryRun=true) and its report shown; only "Import" writes. Report text is written
// with textContent only.
'use strict';

(() => {
  const section = document.getElementById('transfer');
  if (!section) {
    return;
  }
  const MAX_PROBLEM_ROWS = 100;
  const fileInput = document.getElementById('import-file');
  const partial = document.getElementById('import-partial');
  const merge = document.getElementById('import-merge');
  const status = document.getElementById('import-status');
  const preview = document.getElementById('import-preview');
  const problems = document.getElementById('import-problems');
  const more = document.getElementById('import-more');
  const confirm = document.getElementById('import-confirm');
  const cancel = document.getElementById('import-cancel');
  let checked = null;

  function say(text) {
    status.textContent = text;
  }

  function contentType(file) {
    return /\.json$/i.test(file.name) || file.type === 'application/json' ? 'application/json' : 'text/csv';
  }

  async function send(file, dryRun) {
    const params = new URLSearchParams();
    if (dryRun) {
      params.set('dryRun', 'true');
    }
    if (partial.checked) {
      params.set('partial', 'true');
    }
    if (merge.checked) {
      params.set('merge', 'refs');
    }
    const response = await fetch('/import?' + params, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': contentType(file), Accept: 'application/json' },
      body: file,
    });
    if (response.status === 401) {
      window.location.reload();
      throw new Error('signed out');
    }
    const body = await response.json().catch(() => ({}));
    return { status: response.status, body };
  }

  function counted(counts, verbs) {
    return [
      [counts.created, verbs.created],
      [counts.updated, verbs.updated],
      [counts.unchanged, 'unchanged'],
      [counts.invalid, 'invalid'],
      [counts.conflict, 'in conflict'],
    ].map(([n, what]) => n.toLocaleString('en') + ' ' + what).join(', ');
  }

  function showProblems(rows) {
    const body = problems.querySelector('tbody');
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    const bad = rows.filter((r) => r.outcome === 'invalid' || r.outcome === 'conflict');
    bad.slice(0, MAX_PROBLEM_ROWS).forEach((r) => {
      const tr = document.createElement('tr');
      [String(r.row), r.tenantId || '—', r.outcome, r.field || '—', r.reason || ''].forEach((text) => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    problems.hidden = bad.length === 0;
    more.hidden = bad.length <= MAX_PROBLEM_ROWS;
    more.textContent = 'and ' + (bad.length - MAX_PROBLEM_ROWS).toLocaleString('en')
      + ' more rows with problems; the dry run’s full report is what POST /import?dryRun=true answers.';
    return bad.length;
  }

  function reset() {
    checked = null;
    preview.hidden = true;
  }

  async function dryRun() {
    const file = fileInput.files[0];
    reset();
    if (!file) {
      say('');
      return;
    }
    say('Checking ' + file.name + '…');
    const answer = await send(file, true);
    const report = answer.body;
    if (answer.status !== 200 && answer.status !== 422) {
      say(file.name + ' cannot be imported: ' + (report.detail || 'the server answered ' + answer.status + '.'));
      return;
    }
    const changes = report.counts.created + report.counts.updated;
    const bad = showProblems(report.rows);
    const summary = 'Dry run of ' + file.name + ': '
      + counted(report.counts, { created: 'to create', updated: 'to update' }) + '.';
    if (answer.status === 422) {
      say(summary + ' Nothing can be imported while ' + (bad === 1 ? 'a row has' : bad + ' rows have')
        + ' problems: fix the file, or tick “Import the good rows”.');
    } else {
      say(summary + (changes === 0 ? ' Nothing to change.' : ''));
    }
    confirm.hidden = answer.status !== 200 || changes === 0;
    confirm.textContent = 'Import ' + changes.toLocaleString('en') + (changes === 1 ? ' change' : ' changes');
    checked = file;
    preview.hidden = false;
  }

  async function importForReal() {
    const file = checked;
    if (!file) {
      return;
    }
    confirm.disabled = true;
    say('Importing ' + file.name + '…');
    try {
      const answer = await send(file, false);
      if (answer.status === 200) {
        showProblems(answer.body.rows);
        confirm.hidden = true;
        say('Imported ' + file.name + ': ' + counted(answer.body.counts, { created: 'created', updated: 'updated' }) + '.');
        checked = null;
        fileInput.value = '';
        document.dispatchEvent(new CustomEvent('customers-changed'));
      } else {
        say('Nothing was imported: ' + (answer.body.detail || 'the server answered ' + answer.status + '.'));
        if (answer.body.rows) {
          showProblems(answer.body.rows);
        }
      }
    } finally {
      confirm.disabled = false;
    }
  }

  fileInput.addEventListener('change', dryRun);
  partial.addEventListener('change', dryRun);
  merge.addEventListener('change', dryRun);
  confirm.addEventListener('click', importForReal);
  cancel.addEventListener('click', () => {
    fileInput.value = '';
    reset();
    say('');
    fileInput.focus();
  });
})();
