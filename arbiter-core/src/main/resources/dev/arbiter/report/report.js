// Arbiter's report renderer: draws a `report --format json` document into an element. Used by the self-contained
// HTML report (inlined) and by the web UI's compare page (served from the jar) — one renderer for both.
// Every string from the document is set with textContent (model output and catalogue text are untrusted): nothing
// from the data is ever parsed as HTML, and links are made only for http(s) URLs.
"use strict";
var ArbiterReport = (function () {
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function link(url, text) {
    if (typeof url === "string" && /^https?:\/\//.test(url)) {
      const a = el("a", text);
      a.href = url;
      a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", text);
  }
  function num(v, digits) { return v === null || v === undefined ? "-" : Number(v).toFixed(digits === undefined ? 1 : digits); }
  function ci(c, scale, digits, label) {
    return Array.isArray(c) && c.length === 2 ? "[" + (label || "") + num(c[0] * scale, digits) + ", " + num(c[1] * scale, digits) + "]" : "";
  }
  // A value as what the document says it is (a metric's "unit"), never as what its number looks like: a proportion
  // as a percentage, a count of answers as a whole number, a score (MT-Bench's 1–10) on its own scale.
  function metric(m, unit) {
    if (!m || m.value === null || m.value === undefined) return "-";
    const u = unit || m.unit;
    if (u === "count") return num(m.value, 0);
    // Wilson's where the run recorded one (marked so), else the normal interval: as the Markdown and the CSV
    const interval = m.wilson95 || m.ci95, label = m.wilson95 ? "Wilson " : "";
    return u === "proportion" ? num(m.value * 100) + "% " + ci(interval, 100, 1, label) : num(m.value, 2) + " " + ci(interval, 1, 2, label);
  }
  function table(parent, headers, cls) {
    const t = add(parent, el("table", null, cls));
    const tr = add(add(t, el("thead")), el("tr"));
    for (const h of headers) add(tr, el("th", h));
    return add(t, el("tbody"));
  }
  function row(tbody, cells) {
    const tr = add(tbody, el("tr"));
    for (const c of cells) {
      const td = add(tr, el("td"));
      if (c instanceof Node) td.appendChild(c); else td.textContent = c === null || c === undefined ? "-" : String(c);
    }
    return tr;
  }
  function section(root, id, title) {
    const s = add(root, el("section", null, "report-section"));
    s.id = id;
    add(s, el("h2", title));
    return s;
  }
  function modelOf(data, runId) {
    const r = (data.runs || []).find(x => x.run_id === runId);
    return r ? r.model + (r.catalog_model ? " (" + r.catalog_model + ")" : "") : runId;
  }

  function summary(root, data) {
    const s = section(root, "summary", "Decision summary");
    const d = data.summary || {};
    if (d.shortlist) {
      add(s, el("h3", "Shortlist: " + d.shortlist.for_what));
      const ol = add(s, el("ol", null, "shortlist"));
      for (const r of d.shortlist.ranked || []) {
        const li = add(ol, el("li"));
        add(li, el("strong", (r.tied ? "≈ " : "") + (r.name || r.model) + " at " + r.quant));
        add(li, el("span", " — score " + r.score + " [" + r.score_low + "–" + r.score_high + "]"
          + (r.decode_tokens_per_s != null ? ", ~" + num(r.decode_tokens_per_s, 0) + " tok/s (" + r.speed_basis + ")" : "")));
        if (r.license_use) add(li, el("span", r.license_use.replace("_", " "), "licence " + r.license_use));
        add(li, el("div", r.why, "note"));
      }
    }
    for (const t of d.rankings || []) {
      add(s, el("h3", "Ranked by measured " + t.metric + " on " + t.task));
      const tb = table(s, ["rank", "model", t.metric, "run"], "ranking");
      for (const r of t.ranked) row(tb, [(r.tied ? "≈" : "") + r.rank, r.model, metric({ value: r.value, ci95: r.ci95, wilson95: r.wilson95, unit: r.unit }), r.run_id]);
      add(s, el("p", "Rank = 1 + the number of runs significantly better (paired test: p < 0.05 and the 95% CI of the difference "
        + "excludes 0; runs not paired: 95% intervals that do not overlap); ≈ = shares its rank with another run.", "muted"));
    }
    if ((d.findings || []).length) {
      add(s, el("h3", "What the measurements say about the published figures"));
      const ul = add(s, el("ul", null, "findings"));
      for (const f of d.findings) add(ul, el("li", f, /contradicted/.test(f) ? "contradicted" : /confirmed/.test(f) ? "confirmed" : ""));
    }
    if ((d.licences || []).length) {
      add(s, el("h3", "Licences"));
      const tb = table(s, ["model", "licence", "production use", "notes"]);
      for (const l of d.licences) row(tb, [l.model, link(l.url, l.license), l.license_use.replace("_", " "), l.notes.join(" ")]);
    }
    if (!d.shortlist && !(d.rankings || []).length && !(d.findings || []).length) add(s, el("p", "No eval run to rank.", "muted"));
  }

  function comparison(root, data) {
    if (!(data.comparison || []).length && !data.radar) return;
    const s = section(root, "comparison", "Published vs measured");
    if ((data.comparison || []).length) {
      add(s, el("p", "Published: the vendor's figure, its setting and source. Measured: your run, with its 95% interval. "
        + "The difference is highlighted when the published figure lies outside the measured interval.", "muted"));
      const tb = table(s, ["model", "benchmark", "published", "measured (95% interval)", "difference", "verdict", "run"], "claims");
      for (const c of data.comparison) {
        const pub = el("span");
        if (c.published != null) {
          pub.appendChild(link(c.source, num(c.published)));
          if (c.setting) pub.appendChild(el("div", c.setting, "muted"));
        } else pub.textContent = "-";
        if (c.article != null && c.article !== c.published) pub.appendChild(el("div", "article: " + num(c.article), "muted"));
        const tr = row(tb, [c.catalog_model, c.benchmark, pub, num(c.measured) + (c.ci_low != null ? " " + ci([c.ci_low, c.ci_high], 1, 1, c.interval === "wilson95" ? "Wilson " : "") : "") + " n=" + c.n,
          c.difference == null ? "-" : (c.difference > 0 ? "+" : "") + num(c.difference), c.verdict.replace(/_/g, " "), c.run_id]);
        tr.className = "verdict-" + c.verdict;
      }
    }
    if (data.radar) {
      add(s, el("h3", "Six axes (published figures, 0–100)"));
      const box = add(s, el("div", null, "chart radar-box"));
      const canvas = add(box, el("canvas"));
      canvas.id = "report-radar";
      if (window.Chart) {
        new Chart(canvas, { type: "radar", data: data.radar, options: { animation: false, responsive: true, maintainAspectRatio: false,
          spanGaps: false, scales: { r: { min: 0, max: 100, ticks: { stepSize: 20 } } }, plugins: { legend: { position: "bottom" } } } });
      }
    }
  }

  function tasks(root, data) {
    if (!(data.tasks || []).length) return;
    const s = section(root, "tasks", "Tasks");
    for (const t of data.tasks) {
      add(s, el("h3", t.task));
      const names = [];
      for (const r of t.rows) for (const m of Object.keys(r.metrics || {})) if (!names.includes(m)) names.push(m);
      const tb = table(s, ["run", "model", "status", "scored / planned", "unscored", "errors", "missing", ...names]);
      for (const r of t.rows) row(tb, [r.run_id, r.model, r.status, r.scored + " / " + r.planned, r.unscored, r.errors, r.missing,
        ...names.map(n => metric(r.metrics[n]))]);
      if ((t.breakdowns || []).length) {
        const details = add(s, el("details"));
        add(details, el("summary", "Breakdown by " + [...new Set(t.breakdowns.map(b => b.group))].join(", ") + " (" + t.breakdowns.length + ")"));
        const runs = t.rows.map(r => r.run_id);
        const bt = table(details, ["group", "", ...runs.map(id => modelOf(data, id))], "breakdown");
        for (const b of t.breakdowns) row(bt, [b.group, b.key, ...runs.map(id => metric(b.by_run[id]))]);
      }
    }
  }

  function paired(root, data) {
    if (!(data.paired || []).length) return;
    const s = section(root, "paired", "Paired comparisons (same samples)");
    const tb = table(s, ["task", "A", "B", "shared", "A − B", "95% CI (paired bootstrap)", "p", "test", "verdict"]);
    for (const p of data.paired) {
      const c = p.comparison;
      const unit = c.unit === "proportion";  // differences of proportions in points, of scores on their scale
      const f = v => unit ? (v > 0 ? "+" : "") + num(v * 100) + " pts" : (v > 0 ? "+" : "") + num(v, 2);
      const tr = row(tb, [p.a.task, p.a.model + " (" + p.a.run_id + ")", p.b.model + " (" + p.b.run_id + ")", c.shared, f(c.difference),
        f(c.ci_low) + " to " + f(c.ci_high), num(c.p_value, 4), c.test, c.significant ? "different" : "cannot tell apart"]);
      tr.className = c.significant ? "significant" : "";
      for (const w of (c.warnings || []).concat(p.notes || [])) add(s, el("p", p.a.run_id + " vs " + p.b.run_id + ": " + w, "muted"));
    }
  }

  function probes(root, data) {
    if (!(data.probes || []).length) return;
    const s = section(root, "probes", "Security probes");
    for (const p of data.probes) {
      add(s, el("h3", p.model + " — run " + p.run_id + " (" + p.status + ")"));
      const tb = table(s, ["category", "OWASP", "ATLAS", "attempts", "hits", "ASR (95% interval)", "ASR@k", "controls hit"]);
      for (const c of p.categories) row(tb, [c.id, c.owasp.join(", "), c.atlas.join(", "), c.attempts, c.hits, metric(c.asr, "proportion"),
        c.samples ? c.samples_hit + " / " + (c.samples - (c.samples_left_out || 0)) + (c.samples_left_out ? " (" + c.samples_left_out + " left out)" : "") : "-", c.control_hits + " / " + c.control_attempts]);
      const ob = table(s, ["OWASP id", "categories", "attempts", "hits", "ASR (95% interval)"]);
      for (const o of p.owasp) row(ob, [o.id, o.categories.join(", "), o.attempts, o.hits, metric(o.asr, "proportion")]);
      if ((p.hits || []).length) {
        const details = add(s, el("details"));
        add(details, el("summary", p.hits.length + " hits with their evidence"));
        const hb = table(details, ["sample", "category", "matched by", "evidence"]);
        for (const h of p.hits) row(hb, [h.sample_id, h.category, h.matched_by, h.evidence]);
      }
    }
  }

  function bench(root, data) {
    if (!(data.bench || []).length) return;
    const s = section(root, "bench", "Serving benchmarks");
    data.bench.forEach((b, i) => {
      add(s, el("h3", (b.served_model || "") + " — run " + b.run_id + " (" + b.status + ", " + (b.workload || "") + ")"));
      const levels = b.levels || [];
      const p = (l, k, q) => l[k] && l[k][q] != null ? l[k][q] : null;
      const tb = table(s, ["level", "completed", "failed", "requests/s", "output tokens/s", "TTFT p50 / p99 ms", "TPOT p50 ms", "E2E p50 / p99 ms"]);
      const label = l => l.concurrency != null ? "concurrency " + l.concurrency : l.rate != null ? "rate " + num(l.rate, 2) + "/s" : "level";
      for (const l of levels) row(tb, [label(l), l.completed, l.failed, num(l.request_throughput), num(l.output_token_throughput),
        num(p(l, "ttft_ms", "p50")) + " / " + num(p(l, "ttft_ms", "p99")), num(p(l, "tpot_ms", "p50")), num(p(l, "e2e_ms", "p50")) + " / " + num(p(l, "e2e_ms", "p99"))]);
      const box = add(s, el("div", null, "chart"));
      const canvas = add(box, el("canvas"));
      canvas.id = "bench-" + i;
      const series = [["TTFT p50", "ttft_ms", "p50"], ["TTFT p99", "ttft_ms", "p99"], ["TPOT p50", "tpot_ms", "p50"], ["E2E p50", "e2e_ms", "p50"]];
      const datasets = series.map(([name, k, q]) => ({ label: name, showLine: true,
        data: levels.filter(l => l.output_token_throughput != null && p(l, k, q) != null).map(l => ({ x: l.output_token_throughput, y: p(l, k, q) })) }));
      if (window.Chart) new Chart(canvas, { type: "scatter", data: { datasets }, options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: "output tokens/s" } }, y: { type: "logarithmic", title: { display: true, text: "ms" } } } } });
    });
  }

  function failed(a, fullMarks) {
    return !a || a.outcome !== "scored" || a.score === null || a.score === undefined || a.score < fullMarks;
  }

  function samples(root, data) {
    const tables = (data.samples || []).filter(t => t.rows.length);
    if (!tables.length) return;
    const s = section(root, "samples", "Answers, sample by sample");
    const form = add(s, el("div", null, "controls"));
    const pick = (label, cls) => { const l = add(form, el("label", label)); return add(l, el("select", null, cls)); };
    const taskSel = pick("Task ", "task-select");
    const aSel = pick(" A ", "run-a");
    const bSel = pick(" B ", "run-b");
    const failLabel = add(form, el("label", " failures only "));
    const failures = add(failLabel, el("input", null, "failures-only"));
    failures.type = "checkbox";
    // Two runs of the same answers graded two ways (rescore --harness) or two models: where their verdicts differ.
    const disagreeLabel = add(form, el("label", " A and B disagree "));
    const disagree = add(disagreeLabel, el("input", null, "disagree-only"));
    disagree.type = "checkbox";
    const search = add(form, el("input", null, "search"));
    search.type = "search";
    search.placeholder = "search prompts and answers";
    const count = add(s, el("p", null, "muted count"));
    const tbody = table(s, ["sample", "input / target", "A", "B"], "answers");
    tables.forEach((t, i) => add(taskSel, Object.assign(el("option", t.task + " (" + t.rows.length + ")"), { value: String(i) })));
    function fillRuns() {
      const t = tables[Number(taskSel.value)];
      for (const [sel, idx] of [[aSel, 0], [bSel, 1]]) {
        sel.replaceChildren(Object.assign(el("option", "-"), { value: "" }));
        t.runs.forEach(id => sel.appendChild(Object.assign(el("option", modelOf(data, id) + " — " + id), { value: id })));
        sel.value = t.runs[idx] || "";
      }
    }
    function cell(a, fullMarks) {
      const d = el("div", null, failed(a, fullMarks) ? "answer bad" : "answer ok");
      if (!a) { d.textContent = "no answer stored"; return d; }
      add(d, el("div", (a.score == null ? a.outcome : "score " + num(a.score, 2)) + (a.epochs > 1 ? " (epoch 0 of " + a.epochs + ")" : ""), "score"));
      add(d, el("pre", a.response));
      if (a.answer != null && a.answer !== a.response) add(d, el("div", "extracted: " + a.answer, "muted"));
      if (a.explanation) add(d, el("div", a.explanation, "muted"));
      return d;
    }
    function draw() {
      const t = tables[Number(taskSel.value)];
      const A = aSel.value, B = bSel.value, q = search.value.toLowerCase();
      let max = 0;
      for (const r of t.rows) for (const a of Object.values(r.answers)) if (a.score != null) max = Math.max(max, a.score);
      const fullMarks = max <= 1 ? 1 : max;  // graded tasks (MT-Bench 1–10): anything below the best score seen
      tbody.replaceChildren();
      let shown = 0, matched = 0;
      for (const r of t.rows) {
        const a = A ? r.answers[A] : null, b = B ? r.answers[B] : null;
        if (failures.checked && !((A && failed(a, fullMarks)) || (B && failed(b, fullMarks)))) continue;
        if (disagree.checked && !(A && B && a && b && (a.score !== b.score || a.outcome !== b.outcome))) continue;
        if (q) {
          const hay = [r.sample_id, r.input, (r.target || []).join(" "), a && a.response, a && a.answer, b && b.response, b && b.answer].join("\n").toLowerCase();
          if (!hay.includes(q)) continue;
        }
        matched++;
        if (shown >= 300) continue;
        shown++;
        const inp = el("div");
        add(inp, el("pre", r.input));
        if ((r.target || []).length) add(inp, el("div", "target: " + r.target.join(" | "), "muted"));
        const tr = row(tbody, [r.sample_id, inp, A ? cell(a, fullMarks) : "-", B ? cell(b, fullMarks) : "-"]);
        tr.dataset.sample = r.sample_id;
      }
      count.textContent = matched + " of " + t.rows.length + " samples" + (matched > shown ? ", first " + shown + " shown" : "");
    }
    taskSel.addEventListener("change", () => { fillRuns(); draw(); });
    for (const c of [aSel, bSel, failures, disagree]) c.addEventListener("change", draw);
    search.addEventListener("input", draw);
    fillRuns();
    draw();
  }

  function manifests(root, data) {
    const s = section(root, "manifests", "Runs and their manifests");
    const tb = table(s, ["run", "kind", "task", "model", "catalogue model", "status", "started", "ended"]);
    for (const r of data.runs) row(tb, [r.run_id, r.kind, r.task, r.model, r.catalog_model || "-", r.status, r.started_at, r.ended_at || "-"]);
    for (const r of data.runs) {
      const d = add(s, el("details"));
      add(d, el("summary", r.run_id + " — what exactly was run"));
      add(d, el("pre", JSON.stringify(r.manifest, null, 2)));
    }
    for (const n of data.notes || []) add(s, el("p", n, "muted"));
  }

  function render(data, root) {
    root.replaceChildren();
    add(root, el("h1", "Arbiter report — " + data.runs.length + " run" + (data.runs.length === 1 ? "" : "s")));
    add(root, el("p", "Generated " + data.generated_at + " from the run store. Runs: " + data.runs.map(r => r.run_id).join(", "), "muted"));
    add(root, el("p", "In brackets: 95% intervals, the normal one (value ± 1.96·SE) unless marked Wilson "
      + "(the Wilson score interval the run records for proportions).", "muted"));
    const nav = add(root, el("nav", null, "report-nav"));
    for (const part of [summary, comparison, tasks, paired, probes, bench, samples, manifests]) part(root, data);
    for (const s of root.querySelectorAll("section.report-section")) {
      const a = add(nav, el("a", s.querySelector("h2").textContent));
      a.href = "#" + s.id;  // in-page anchors only
    }
  }

  return { render };
})();
