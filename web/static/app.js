// The trainer's page: plain JavaScript, no outside resources. Every text from the server or
// from input goes into the page with textContent, never as markup, so nothing is read as HTML.
"use strict";

const S = {
  lang: "nl", meta: null, kb: [], examples: [],
  doc: null, baseline: null, baselineDoc: null, whatif: null,
  seq: 0, timer: null,
};

// --- small helpers -------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

const $ = (id) => document.getElementById(id);
const ui = (key) => (S.meta && S.meta.ui[key]) || key;
const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

class ApiError extends Error {
  constructor(message, field) { super(message); this.field = field; }
}

async function api(path, body, kind) {
  const options = body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)};
  const response = await fetch(path, options);
  if (!response.ok) {
    let detail = `${ui("server_error")} (${response.status})`, field = null;
    try { const data = await response.json(); detail = data.detail || detail; field = data.field || null; } catch (e) { /* not JSON */ }
    throw new ApiError(String(detail), field);
  }
  if (kind === "text") return response.text();
  if (kind === "blob") return {blob: await response.blob(), name: filenameOf(response)};
  return response.json();
}

function filenameOf(response) {
  const found = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
  return found ? found[1] : "download";
}

function showError(error) {
  const box = $("error");
  document.querySelectorAll(".field.invalid").forEach((n) => n.classList.remove("invalid"));
  if (!error) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = `${ui("invalid")}: ${error.message}`;
  if (error.field) {
    const field = $(`field-${String(error.field).split(".")[0]}`);
    if (field) field.classList.add("invalid");
  }
}

function busy(on) { $("busy").hidden = !on; document.body.dataset.state = on ? "busy" : "ready"; }

function fieldMeta(name) { return S.meta.fields.find((f) => f.name === name); }

function valueLabel(name, value) {
  if (Array.isArray(value)) return value.length ? value.map((v) => valueLabel(name, v)).join(", ") : ui("nothing");
  const meta = fieldMeta(name) || S.meta.decisions.find((d) => d.name === name);
  const choices = meta ? (meta.choices || meta.levels || []) : [];
  const found = choices.find((c) => c.value === value);
  if (found) return found.label;
  if (value === true) return ui("yes");
  if (value === false) return ui("no");
  return value === null || value === undefined ? "–" : String(value);
}

function decisionLabel(name, value) {
  const meta = S.meta.decisions.find((d) => d.name === name);
  const level = meta && meta.levels.find((l) => l.value === value);
  return level ? level.label : String(value);
}

function levelIndex(name, value) {
  const meta = S.meta.decisions.find((d) => d.name === name);
  return meta ? meta.levels.findIndex((l) => l.value === value) : -1;
}

// --- the form, generated from the scenario model (GET /api/form) -----------------------------

function buildForm() {
  const box = clear($("fields"));
  for (const f of S.meta.fields) {
    const id = `f-${f.name}`;
    let control;
    if (f.kind === "enum" || f.kind === "bool") {
      control = el("select", {id, name: f.name});
      if (!f.required && f.default === null) control.append(el("option", {value: "", text: ui("automatic")}));
      if (f.required && f.default === null) control.append(el("option", {value: "", text: "–"}));
      for (const c of f.choices) control.append(el("option", {value: String(c.value), text: c.label}));
    } else if (f.kind === "int") {
      control = el("input", {id, name: f.name, type: "number", min: 0, max: 100000, step: 1, inputmode: "numeric"});
    } else if (f.kind === "list") {
      control = el("div", {class: "checks", id},
        f.choices.map((c) => el("label", {}, el("input", {type: "checkbox", id: `${id}-${c.value}`, value: c.value}), c.label)));
    } else {
      control = el("input", {id, name: f.name, type: "text", maxlength: 200});
    }
    const label = f.kind === "list" ? el("span", {class: "label", text: f.label}) : el("label", {for: id, text: f.label});
    const only = f.only_when ? el("div", {class: "question",
      text: ui("only_when") + f.only_when.map((w) => `${w.label} = ${w.labels.join(" / ")}`).join("; ")}) : null;
    box.append(el("div", {class: "field", id: `field-${f.name}`}, label,
      el("span", {class: "question", text: f.question}), control, only,
      f.why ? el("details", {}, el("summary", {text: ui("why_we_ask")}), el("div", {text: f.why})) : null));
  }
}

function readForm() {
  const out = {};
  for (const f of S.meta.fields) {
    const node = $(`f-${f.name}`);
    if (f.kind === "list") {
      out[f.name] = f.choices.filter((c) => $(`f-${f.name}-${c.value}`).checked).map((c) => c.value);
    } else if (f.kind === "bool") {
      if (node.value !== "") out[f.name] = node.value === "true";
    } else if (f.kind === "int") {
      const raw = node.value.trim();
      if (raw !== "") out[f.name] = /^\d+$/.test(raw) ? parseInt(raw, 10) : raw;
    } else if (node.value.trim() !== "") {
      out[f.name] = node.value;
    }
  }
  return out;
}

function writeForm(scenario) {
  for (const f of S.meta.fields) {
    const has = Object.prototype.hasOwnProperty.call(scenario, f.name) && scenario[f.name] !== null;
    const value = has ? scenario[f.name] : f.default;
    if (f.kind === "list") {
      for (const c of f.choices) $(`f-${f.name}-${c.value}`).checked = (value || []).includes(c.value);
    } else {
      $(`f-${f.name}`).value = value === null || value === undefined ? "" : String(value);
    }
  }
  markInactive();
}

function markInactive() {
  const now = readForm();
  for (const f of S.meta.fields) {
    if (!f.only_when) continue;
    const active = f.only_when.every((w) => {
      let v = now[w.field];
      if (v === undefined && w.field === "initiator") v = now.subject === "labour_migrant_housing" ? "private" : "municipality";
      return w.values.includes(v);
    });
    $(`field-${f.name}`).classList.toggle("inactive", !active);
  }
}

// --- running: advise, and whatif against the baseline -----------------------------------------

function changesFrom(base, now) {
  const out = {};
  for (const key of Object.keys(now)) {
    if (key === "name") continue;
    if (JSON.stringify(base[key]) !== JSON.stringify(now[key])) out[key] = now[key];
  }
  return out;
}

function schedule() { markInactive(); clearTimeout(S.timer); S.timer = setTimeout(refresh, 150); }

async function refresh() {
  const seq = ++S.seq;
  busy(true);
  try {
    const doc = await api(`/api/advise?lang=${S.lang}`, readForm());
    let whatif = null;
    if (S.baseline) {
      const changes = changesFrom(S.baseline, doc.scenario);
      whatif = await api(`/api/whatif?lang=${S.lang}`, {scenario: S.baseline, changes});
      if (seq === S.seq && (!S.baselineDoc || S.baselineDoc.language !== S.lang)) {
        S.baselineDoc = await api(`/api/advise?lang=${S.lang}`, S.baseline);
      }
    }
    if (seq !== S.seq) return;
    S.doc = doc; S.whatif = whatif;
    showError(null);
    render();
  } catch (error) {
    if (seq !== S.seq) return;
    showError(error);
  } finally {
    if (seq === S.seq) busy(false);
  }
}

function render() {
  renderDecisions();
  renderChanges();
  renderPlan();
  renderWhyNotChoices();
  document.querySelectorAll(".field.changed").forEach((n) => n.classList.remove("changed"));
  if (S.whatif) for (const key of Object.keys(S.whatif.changes)) {
    const node = $(`field-${key}`);
    if (node) node.classList.add("changed");
  }
}

function renderDecisions() {
  const body = clear(document.querySelector("#decisions tbody"));
  const before = S.whatif ? S.whatif.before.decisions : null;
  for (const d of S.meta.decisions) {
    const now = S.doc.decisions[d.name];
    const then = before ? before[d.name] : null;
    const changed = before !== null && then !== now;
    body.append(el("tr", {id: `d-${d.name}`, class: changed ? "changed" : null, "data-value": now},
      el("th", {text: d.label}),
      el("td", {class: then ? "value" : "", text: then ? decisionLabel(d.name, then) : "–",
                onclick: then ? () => explain(S.baseline, d.name, `${d.label} – ${ui("baseline_col")}`) : null}),
      el("td", {class: "value current", text: decisionLabel(d.name, now),
                onclick: () => explain(readForm(), d.name, d.label)})));
  }
  $("baseline-state").textContent = S.baseline ? ui("baseline_set") : ui("baseline_none");
}

function itemOf(doc, id) {
  if (!doc) return null;
  for (const key of ["recommendations", "warnings", "tradeoffs"]) {
    const found = doc[key].find((item) => item.id === id);
    if (found) return found;
  }
  return null;
}

function citationsOf(item) {
  return el("div", {class: "citations"}, el("h4", {text: ui("citations")}),
    (item.citations || []).map((c) => el("div", {class: "citation"},
      el("div", {class: "quote", text: `“${c.quote}”`}),
      el("div", {class: "where", text: `${c.source} § ${c.section}`}))));
}

function detailOf(item, actions, withText) {
  return el("div", {class: "detail"},
    withText && item.text ? el("p", {text: item.text}) : null,
    item.rationale ? el("p", {class: "rationale"}, el("strong", {text: `${ui("rationale")}: `}), item.rationale) : null,
    citationsOf(item), actions);
}

function entryLi(id, title, category, source, actions, extraClass, withText) {
  const li = el("li", {"data-id": id, class: extraClass || null});
  const head = el("div", {class: "head", role: "button", tabindex: 0},
    el("span", {class: "title", text: title}),
    el("span", {class: "topic", text: S.meta.categories[category] || category}));
  let open = null;
  const toggle = () => {
    if (open) { open.remove(); open = null; li.classList.remove("open"); return; }
    const item = itemOf(source, id);
    open = item ? detailOf(item, actions, withText) : el("div", {class: "detail"}, actions);
    li.append(open); li.classList.add("open");
  };
  head.addEventListener("click", toggle);
  head.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
  li.append(head);
  return li;
}

function renderChanges() {
  const list = clear($("changed-fields"));
  const added = clear($("added")), removed = clear($("removed"));
  if (!S.whatif) { list.append(el("li", {class: "empty", text: ui("baseline_none")})); return; }
  const keys = Object.keys(S.whatif.changes);
  if (!keys.length) list.append(el("li", {class: "empty", text: ui("no_changes")}));
  for (const key of keys) {
    const f = fieldMeta(key);
    list.append(el("li", {text: `${f ? f.label : key}: ${valueLabel(key, S.baseline[key])} → ${valueLabel(key, S.whatif.changes[key])}`}));
  }
  for (const item of S.whatif.added) {
    added.append(entryLi(item.id, item.title, item.category, S.doc,
      el("button", {type: "button", class: "how", text: ui("how"), onclick: () => explain(readForm(), item.id, item.title)})));
  }
  for (const item of S.whatif.removed) {
    removed.append(entryLi(item.id, item.title, item.category, S.baselineDoc,
      el("button", {type: "button", class: "whynot", text: ui("why_not"), onclick: () => explain(readForm(), item.id, item.title)})));
  }
  if (!S.whatif.added.length) added.append(el("li", {class: "empty", text: ui("nothing")}));
  if (!S.whatif.removed.length) removed.append(el("li", {class: "empty", text: ui("nothing")}));
}

function renderPlan() {
  const box = clear($("plan"));
  const doc = S.doc;
  box.append(el("h2", {text: ui("plan")}));
  const essential = new Set(doc.summary.essentials);
  const section = (key, items) => {
    if (!items.length) return;
    box.append(el("h3", {text: ui(key)}));
    const groups = new Map();
    for (const item of items) {
      if (!groups.has(item.category)) groups.set(item.category, []);
      groups.get(item.category).push(item);
    }
    for (const [category, group] of groups) {
      const ul = el("ul", {class: "entries"});
      for (const item of group) {
        const title = item.title || item.text;
        const li = entryLi(item.id, title, category, doc,
          el("button", {type: "button", class: "how", text: ui("how"), onclick: () => explain(readForm(), item.id, title)}),
          essential.has(item.id) ? "essential" : null, true);
        if (item.priority) li.querySelector(".head").append(el("span", {class: "badge", text: S.meta.priorities[item.priority] || item.priority}));
        ul.append(li);
      }
      box.append(el("div", {class: "group"}, ul));
    }
  };
  section("warnings", doc.warnings);
  section("recommendations", doc.recommendations);
  section("tradeoffs", doc.tradeoffs);
}

function renderWhyNotChoices() {
  const select = clear($("whynot-select"));
  const advised = new Set([...S.doc.recommendations, ...S.doc.warnings, ...S.doc.tradeoffs].map((i) => i.id));
  select.append(el("option", {value: "", text: ui("all_ids")}));
  for (const entry of S.kb) {
    if (advised.has(entry.id)) continue;
    select.append(el("option", {value: entry.id, text: `${entry.title[S.lang] || entry.id} (${S.meta.categories[entry.category] || entry.category})`}));
  }
}

// --- the side panel: HOW and WHY NOT (POST /api/explain, the CLI's text) ------------------------

async function explain(scenario, id, title) {
  const panel = $("panel"), body = clear($("panel-body"));
  $("panel-title").textContent = `${ui("explanation")}: ${title}`;
  panel.hidden = false;
  body.append(el("p", {class: "hint", text: ui("busy")}));
  try {
    const text = await api(`/api/explain?lang=${S.lang}&format=text`, {scenario, id}, "text");
    clear(body).append(el("pre", {class: "explain", id: "explain-text", text}));
  } catch (error) {
    clear(body).append(el("p", {class: "hint", text: error.message}));
  }
}

// --- the grid (POST /api/sweep) -------------------------------------------------------------------

function fillGridChoices() {
  const x = clear($("grid-x")), y = clear($("grid-y")), d = clear($("grid-decision"));
  y.append(el("option", {value: "", text: ui("grid_y_none")}));
  for (const f of S.meta.fields) {
    if (f.name === "name") continue;
    x.append(el("option", {value: f.name, text: f.label}));
    y.append(el("option", {value: f.name, text: f.label}));
  }
  for (const dec of S.meta.decisions) d.append(el("option", {value: dec.name, text: dec.label}));
  x.value = "existing_protest"; y.value = "trust_in_government"; d.value = "police_visibility";
}

function isCurrent(field, value, values, current) {
  if (typeof current === "number" && typeof value === "number") {
    const lower = values.filter((v) => v <= current);
    return lower.length > 0 && Math.max(...lower) === value;
  }
  return JSON.stringify(value) === JSON.stringify(current);
}

async function drawGrid() {
  const fx = $("grid-x").value, fy = $("grid-y").value, decision = $("grid-decision").value;
  const vary = [{field: fx}];
  if (fy && fy !== fx) vary.push({field: fy});
  const box = clear($("grid")), legend = clear($("legend"));
  try {
    const result = await api(`/api/sweep?lang=${S.lang}`, {scenario: readForm(), vary});
    showError(null);
    const uniq = (k) => { const seen = []; for (const r of result.rows) { const v = r.values[k]; if (!seen.some((s) => JSON.stringify(s) === JSON.stringify(v))) seen.push(v); } return seen; };
    const xs = uniq(fx), ys = vary.length > 1 ? uniq(fy) : [null];
    const ranges = result.ranges || null;
    const head = el("tr", {}, el("th", {text: vary.length > 1 ? `${fieldMeta(fx).label} ↓ / ${fieldMeta(fy).label} →` : fieldMeta(fx).label}));
    const meta = S.meta.decisions.find((d) => d.name === decision);
    for (const v of ys) head.append(el("th", {text: v === null ? meta.label : valueLabel(fy, v)}));
    const table = el("table", {class: "grid", id: "grid-table"}, el("thead", {}, head));
    const tbody = el("tbody");
    xs.forEach((xv, i) => {
      const tr = el("tr", {}, el("th", {text: ranges ? ranges[i] : valueLabel(fx, xv)}));
      ys.forEach((yv, j) => {
        const row = result.rows[i * ys.length + j];
        const value = row.decisions[decision];
        const here = isCurrent(fx, xv, xs, result.current[fx]) && (yv === null || isCurrent(fy, yv, ys, result.current[fy]));
        const tip = S.meta.decisions.map((d) => `${d.label}: ${decisionLabel(d.name, row.decisions[d.name])}`).join("\n");
        tr.append(el("td", {class: `lvl-${levelIndex(decision, value)}${here ? " current" : ""}`, title: tip,
                            "data-value": value, text: decisionLabel(decision, value)}));
      });
      tbody.append(tr);
    });
    table.append(tbody);
    box.append(table);
    legend.append(el("strong", {text: `${ui("legend")} – ${meta.label}:`}));
    meta.levels.forEach((l, i) => legend.append(el("span", {class: `lvl-${i}`, text: l.label})));
  } catch (error) {
    showError(error);
  }
}

// --- downloads -----------------------------------------------------------------------------------

async function download(path) {
  try {
    const {blob, name} = await api(path, readForm(), "blob");
    const url = URL.createObjectURL(blob);
    const a = el("a", {href: url, download: name});
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) { showError(error); }
}

// --- loading: the language, examples, uploads ------------------------------------------------------

async function loadLanguage(lang) {
  const values = S.meta ? readForm() : null;
  S.lang = lang;
  S.meta = await api(`/api/form?lang=${lang}`);
  S.baselineDoc = null;
  document.documentElement.lang = lang;
  document.title = ui("title");
  document.querySelectorAll("[data-ui]").forEach((n) => { n.textContent = ui(n.dataset.ui); });
  buildForm();
  fillGridChoices();
  fillExamples();
  if (values) writeForm(values);
}

function fillExamples() {
  const select = clear($("example"));
  select.append(el("option", {value: "", text: ui("example_none")}));
  for (const e of S.examples) select.append(el("option", {value: e.name, text: e.title || e.name}));
}

async function loadExample(name) {
  if (!name) return;
  try {
    writeForm(await api(`/api/examples/${encodeURIComponent(name)}`));
    await refresh();
  } catch (error) { showError(error); }
}

function upload(file) {
  if (!file) return;
  const reader = new FileReader();
  reader.onload = async () => {
    try {
      writeForm(await api("/api/parse", {filename: file.name, text: String(reader.result)}));
      $("example").value = "";
      await refresh();
    } catch (error) { showError(error); }
  };
  reader.readAsText(file.slice(0, 1000001));
}

function selectTab(name) {
  document.querySelectorAll("#tabs button").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
  document.querySelectorAll(".tab").forEach((t) => { t.hidden = t.id !== `tab-${name}`; });
}

async function start() {
  S.examples = await api("/api/examples");
  const wanted = new URLSearchParams(location.search).get("lang");
  await loadLanguage(wanted === "en" ? "en" : "nl");
  $("lang").value = S.lang;
  S.kb = await api("/api/kb");
  $("fields").addEventListener("input", schedule);
  $("fields").addEventListener("change", schedule);
  $("example").addEventListener("change", (e) => loadExample(e.target.value));
  $("upload").addEventListener("change", (e) => upload(e.target.files[0]));
  $("lang").addEventListener("change", async (e) => { await loadLanguage(e.target.value); await refresh(); });
  $("baseline-btn").addEventListener("click", async () => {
    if (!S.doc) return;
    S.baseline = S.doc.scenario; S.baselineDoc = S.doc;
    $("baseline-clear").hidden = false;
    await refresh();
  });
  $("baseline-clear").addEventListener("click", async () => {
    S.baseline = null; S.baselineDoc = null; $("baseline-clear").hidden = true; await refresh();
  });
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => selectTab(b.dataset.tab)));
  $("grid-draw").addEventListener("click", drawGrid);
  $("panel-close").addEventListener("click", () => { $("panel").hidden = true; });
  $("whynot-btn").addEventListener("click", () => {
    const id = $("whynot-select").value;
    if (id) explain(readForm(), id, $("whynot-select").selectedOptions[0].textContent);
  });
  $("dl-html").addEventListener("click", () => download(`/api/memo?format=html&lang=${S.lang}`));
  $("dl-docx").addEventListener("click", () => download(`/api/memo?format=docx&lang=${S.lang}`));
  $("dl-yaml").addEventListener("click", () => download("/api/scenario.yaml"));
  const first = S.examples.find((e) => e.name === "azc-informatiemarkt") || S.examples[0];
  if (first) { $("example").value = first.name; await loadExample(first.name); } else { writeForm({}); await refresh(); }
}

document.addEventListener("DOMContentLoaded", () => { start().catch(showError); });
