// Arbiter's UI: every number comes from /api/…, which returns the CLI's --format json documents.
// Model and catalogue text is data: it is only ever set with textContent, never parsed as HTML.
"use strict";

async function api(path, params) {
  const qs = params ? "?" + new URLSearchParams(params).toString() : "";
  const res = await fetch(path + qs);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function row(cells) {
  const tr = el("tr");
  for (const c of cells) tr.appendChild(el("td", c));
  return tr;
}

function headerRow(names) {
  const tr = el("tr");
  for (const n of names) tr.appendChild(el("th", n));
  return tr;
}

function billions(n) { return n == null ? "-" : (n / 1e9).toFixed(1); }

function formParams(form) {
  const p = {};
  for (const [k, v] of new FormData(form).entries()) if (v !== "") p[k] = v;
  return p;
}

document.querySelectorAll("nav button").forEach(b => b.addEventListener("click", () => {
  document.querySelectorAll("nav button, .tab").forEach(x => x.classList.remove("active"));
  b.classList.add("active");
  document.getElementById(b.dataset.tab).classList.add("active");
  if (b.dataset.tab === "runs") loadRuns();
  if (b.dataset.tab === "compare-runs" || b.dataset.tab === "live") loadRunChoices();
}));

function showTab(id) {
  document.querySelector("nav button[data-tab=" + id + "]").click();
}

let models = [];

function renderModels() {
  const f = formParams(document.getElementById("catalogue-filters"));
  const q = (f.q || "").toLowerCase();
  const tbody = document.querySelector("#models tbody");
  tbody.replaceChildren();
  for (const m of models) {
    if (q && !(m.name + " " + m.id + " " + m.family).toLowerCase().includes(q)) continue;
    if (f.modality && !(m.modalities || []).includes(f.modality)) continue;
    if (f.min_context && m.context_length < Number(f.min_context)) continue;
    if (f.commercial && !m.commercial_use) continue;
    const tr = row([m.name, m.family, billions(m.total_params), billions(m.active_params), m.context_length, m.license, (m.modalities || []).join(", ")]);
    tr.className = "clickable";
    tr.dataset.id = m.id;
    tr.addEventListener("click", () => showModel(m.id));
    tbody.appendChild(tr);
  }
}

async function showModel(id) {
  const d = document.getElementById("model-detail");
  try {
    d.textContent = JSON.stringify(await api("/api/models/" + encodeURIComponent(id)), null, 2);
  } catch (e) { d.textContent = e.message; }
}

async function loadCatalogue() {
  models = (await api("/api/models")).models;
  renderModels();
  for (const s of document.querySelectorAll(".model-select")) {
    for (const m of models) s.appendChild(Object.assign(el("option", m.name), { value: m.id }));
  }
  const hw = (await api("/api/hardware")).hardware;
  for (const s of document.querySelectorAll(".hardware-select")) {
    for (const h of hw) {
      const o = Object.assign(el("option", h.name + " (" + h.memory_gb + " GB)"), { value: h.id });
      if (h.id === "rtx-4090" && !s.classList.contains("optional")) o.selected = true;
      s.appendChild(o);
    }
  }
}

document.getElementById("catalogue-filters").addEventListener("input", renderModels);

document.getElementById("fit-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const out = document.getElementById("fit-result");
  try {
    const r = await api("/api/fit", formParams(ev.target));
    out.textContent = JSON.stringify(r, null, 2);
  } catch (e) { out.textContent = e.message; }
});

document.getElementById("recommend-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const list = document.getElementById("recommendations");
  const err = document.getElementById("recommend-error");
  list.replaceChildren();
  err.textContent = "";
  try {
    const r = await api("/api/recommend", formParams(ev.target));
    for (const rec of r.recommendations || []) {
      const li = el("li", null, "recommendation");
      li.appendChild(el("strong", rec.rank + (rec.tied ? "≈" : "") + "  " + (rec.name || rec.model) + " at " + rec.quant));
      const interval = rec.score_low != null ? " [" + rec.score_low + "–" + rec.score_high + "]" : "";
      li.appendChild(el("span", " — score " + rec.score + interval + (rec.decode_tokens_per_s != null ? ", ~" + rec.decode_tokens_per_s + " tok/s (" + rec.speed_basis + ")" : "")));
      if (rec.license_use) li.appendChild(el("span", rec.license_use.replace("_", " "), "licence " + rec.license_use));
      li.appendChild(el("div", rec.why));
      if (rec.close_call) li.appendChild(el("div", rec.close_call, "note"));
      if (rec.serve) li.appendChild(el("code", rec.serve));
      list.appendChild(li);
    }
    if (!list.children.length) err.textContent = "Nothing qualifies: " + JSON.stringify(r.excluded || []);
  } catch (e) { err.textContent = e.message; }
});

let radar;
document.getElementById("compare-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const ids = [...ev.target.models.selectedOptions].map(o => o.value);
  if (!ids.length) return;
  const c = await api("/api/compare", { models: ids.join(",") });
  const head = document.querySelector("#comparison thead");
  const body = document.querySelector("#comparison tbody");
  head.replaceChildren(row(["model", ...c.benchmarks]));
  body.replaceChildren();
  for (const r of c.rows) {
    body.appendChild(row([r.name, ...c.benchmarks.map(b => {
      const cell = r.scores[b] || {};
      // each figure with its own source: the vendor's page, the article, the run that measured it
      let t = cell.value == null ? "-" : cell.value + " (" + cell.source + ")";
      if (cell.article_value != null) {
        t += "; article " + cell.article_value + " (" + cell.article_source + ")";
        if (cell.vendor_lookup) t += ", no vendor figure (looked up: " + cell.vendor_lookup + ")";
      }
      if (cell.measured != null) t += "; measured " + cell.measured.toFixed(1) + " (run " + cell.measured_run + ")";
      return t;
    })]));
  }
  const axes = (c.axes || []).map(a => a.id || a.name || a);
  const datasets = c.rows.map(r => ({ label: r.name, data: axes.map(a => {
    const p = r.profile && (r.profile.axes || r.profile);
    const v = p && p[a];
    const x = v == null ? null : (typeof v === "object" ? v.score ?? v.value : v);
    return x == null ? null : (x <= 1 ? x * 100 : x); // profiles are 0–1, the chart 0–100
  }) }));
  if (radar) radar.destroy();
  radar = new Chart(document.getElementById("radar"), { type: "radar", data: { labels: axes, datasets },
    options: { animation: false, scales: { r: { min: 0, max: 100 } } } });
});

let runList = [];

// Answers of those planned: an answer that is an error is not one (the runs list's `answered`); a bench run has only
// its stored count.
function answered(run) {
  return run.answered == null ? run.samples : run.answered;
}

// "stale": stored as running, but no process is writing it (killed): never offered as live.
const STALE_NOTE = " (no process is writing it: resume it with ./arbiter eval … --resume ";

async function fetchRuns() {
  runList = (await api("/api/runs")).runs || [];
  return runList;
}

async function loadRuns() {
  const tbody = document.querySelector("#run-list tbody");
  tbody.replaceChildren();
  try {
    for (const run of await fetchRuns()) {
      const tr = row(["", "", run.task, run.model, run.status, answered(run) + " / " + run.planned,
        run.score == null ? "-" : Number(run.score).toFixed(3), run.started_at, ""]);
      const box = Object.assign(el("input"), { type: "checkbox", value: run.run_id, className: "run-check" });
      tr.children[0].appendChild(box);
      const a = el("a", run.run_id);
      a.href = "/runs/" + encodeURIComponent(run.run_id);
      tr.children[1].appendChild(a);
      if (run.status === "running") {
        const live = el("a", "live");
        live.href = "#";
        live.addEventListener("click", ev => { ev.preventDefault(); watch(run.run_id); });
        tr.children[8].appendChild(live);
      }
      tbody.appendChild(tr);
    }
  } catch (e) { tbody.appendChild(row(["", e.message])); }
}

async function loadRunChoices() {
  try { await fetchRuns(); } catch (e) { return; }
  const compare = document.getElementById("compare-runs-select");
  const chosen = new Set([...compare.selectedOptions].map(o => o.value));
  compare.replaceChildren();
  const live = document.getElementById("live-select");
  const current = live.value;
  live.replaceChildren();
  for (const run of runList) {
    const label = run.run_id + " — " + run.task + ", " + run.model + " (" + run.status + ")";
    compare.appendChild(Object.assign(el("option", label), { value: run.run_id, selected: chosen.has(run.run_id) }));
    live.appendChild(Object.assign(el("option", label), { value: run.run_id, selected: run.run_id === current }));
  }
}

document.getElementById("compare-selected").addEventListener("click", async () => {
  const ids = [...document.querySelectorAll(".run-check:checked")].map(b => b.value);
  if (!ids.length) { document.getElementById("runs-error").textContent = "Tick the runs to compare first."; return; }
  showTab("compare-runs");
  await loadRunChoices();
  for (const o of document.getElementById("compare-runs-select").options) o.selected = ids.includes(o.value);
  compareRuns();
});

// The multi-run report, drawn by the same renderer as `./arbiter report RUN… --format html` from /api/report,
// which is `./arbiter report RUN… --format json`.
async function compareRuns() {
  const form = document.getElementById("compare-runs-form");
  const params = new URLSearchParams();
  for (const o of form.run.selectedOptions) params.append("run", o.value);
  if (form.hardware.value && form.use_case.value) {
    params.append("hardware", form.hardware.value);
    params.append("use_case", form.use_case.value);
  }
  const err = document.getElementById("compare-runs-error");
  const root = document.getElementById("runs-report");
  const page = document.getElementById("compare-runs-page");
  err.textContent = "";
  if (!params.getAll("run").length) { err.textContent = "Choose one or more runs."; return; }
  root.replaceChildren(el("p", "Reading " + params.getAll("run").length + " runs…", "note"));
  try {
    const res = await fetch("/api/report?" + params.toString());
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
    ArbiterReport.render(body, root);
    page.href = "/report?" + params.toString();
    page.hidden = false;
  } catch (e) { root.replaceChildren(); err.textContent = e.message; }
}

document.getElementById("compare-runs-form").addEventListener("submit", ev => { ev.preventDefault(); compareRuns(); });

// Live view: polls the run store while a run writes it (SQLite WAL lets readers in beside the writer).
let liveTimer = null;
const POLL_MS = 2000;

async function watch(id) {
  showTab("live");
  await loadRunChoices();
  document.getElementById("live-select").value = id;
  if (liveTimer) clearTimeout(liveTimer);
  poll(id);
}

async function poll(id) {
  const title = document.getElementById("live-title");
  const status = document.getElementById("live-status");
  const bar = document.getElementById("live-progress");
  const count = document.getElementById("live-count");
  const tbody = document.querySelector("#live-metrics tbody");
  const outcomes = document.getElementById("live-outcomes");
  let running = false;
  try {
    const run = (await fetchRuns()).find(r => r.run_id === id);
    if (!run) throw new Error("no run " + id);
    running = run.status === "running";
    // read everything first, then update the page at once (no half-drawn state between two reads)
    // a bench run stores its record as each level ends; before the first one there is none yet
    const rec = run.task === "bench" ? await api("/api/runs/" + encodeURIComponent(id)).catch(() => null)
      : await api("/api/runs/" + encodeURIComponent(id));
    title.textContent = run.run_id + " — " + run.task + ", " + run.model;
    const since = Math.max(0, Math.round((Date.now() - Date.parse(run.started_at)) / 1000));
    status.textContent = run.status + (running ? " for " + since + " s" : "") + (run.ended_at ? ", ended " + run.ended_at : "")
      + (run.status === "stale" ? STALE_NOTE + run.run_id + ")" : "");
    bar.hidden = !(run.planned > 0);
    bar.max = Math.max(1, run.planned);
    bar.value = answered(run);
    count.textContent = run.planned > 0 ? answered(run) + " / " + run.planned + " answers" : "";
    const rows = [];
    // a bench run's levels and an eval's metrics are different columns: the header says which the rows are
    document.querySelector("#live-metrics thead").replaceChildren(headerRow(run.task === "bench"
      ? ["level", "output throughput", "latency", "requests"]
      : ["metric", "value", "stderr", "normal 95% CI", "Wilson 95% CI", "n"]));
    outcomes.textContent = rec ? "" : running ? "no level has ended yet: each bench level shows here when it ends." : "";
    const p50 = d => d && d.p50 != null ? Number(d.p50).toFixed(1) + " ms" : "-";
    for (const l of (rec && rec.levels) || []) {
      const name = l.concurrency != null ? "concurrency " + l.concurrency : "rate " + l.rate + "/s";
      rows.push(row([name, (l.output_token_throughput == null ? "-" : Number(l.output_token_throughput).toFixed(1) + " tok/s"),
        "TTFT p50 " + p50(l.ttft_ms) + ", TPOT p50 " + p50(l.tpot_ms), l.completed + " ok, " + l.failed + " failed"]));
    }
    if (rec && rec.levels) outcomes.textContent = rec.levels.length + " level(s) " + (running ? "done so far" : "measured");
    for (const t of (rec && rec.tasks) || []) {
      for (const [name, m] of Object.entries(t.metrics || {})) {
        if (name.includes("/")) continue;
        // both intervals under their own names, as `runs RUN` and the run's page show them
        const interval = ci => ci ? "[" + ci[0].toFixed(4) + ", " + ci[1].toFixed(4) + "]" : "-";
        rows.push(row([name, m.value == null ? "-" : Number(m.value).toFixed(4),
          m.stderr == null ? "-" : Number(m.stderr).toFixed(4), interval(m.ci95), interval(m.wilson95), m.n]));
      }
      outcomes.textContent = t.scored + " scored, " + t.unscored + " unscored (" + t.errors + " errors), " + t.missing + " still to come";
    }
    tbody.replaceChildren(...rows);
  } catch (e) { status.textContent = e.message; }
  if (running && document.getElementById("live-select").value === id) liveTimer = setTimeout(() => poll(id), POLL_MS);
}

document.getElementById("live-form").addEventListener("submit", ev => {
  ev.preventDefault();
  const id = document.getElementById("live-select").value;
  if (id) watch(id);
});

loadCatalogue().catch(e => document.getElementById("model-detail").textContent = e.message);
