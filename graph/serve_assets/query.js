// kg serve's query page: the CodeMirror editor, the saved queries with their
// parameters, and the results table whose actor and fact IRIs open the explorer.
// Values from the graph are only ever set with textContent, never as markup.
"use strict";
(function () {
  const ID = "https://w3id.org/influence-kg/id/";
  const EXPLORED = /^(actor|investment|agreement|event)\//;
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const textarea = $("query"), status = $("status"), error = $("error"), table = $("results");
  let catalog = { prefixes: {}, terms: [], queries: [] };
  let editor = null;
  const getQuery = () => (editor ? editor.get() : textarea.value);
  const setQuery = (text) => { if (editor) editor.set(text); else textarea.value = text; };

  // An IRI as the table shows it: prefixed when a known prefix covers it.
  function compact(iri) {
    let best = null;
    for (const [p, ns] of Object.entries(catalog.prefixes)) {
      if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
    }
    return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
  }
  // Where an IRI of this graph leads: actors and facts to the explorer, documents to their text.
  function target(iri) {
    if (!iri.startsWith(ID)) return null;
    const local = iri.slice(ID.length);
    if (EXPLORED.test(local)) return "/network#" + encodeURIComponent(iri);
    if (local.startsWith("document/")) return "/document/" + encodeURIComponent(local.slice(9));
    return null;
  }
  function cell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      const href = target(term.value);
      const node = href ? el("a", compact(term.value)) : el("span", compact(term.value));
      if (href) node.href = href;
      node.title = term.value;
      td.append(node);
    } else {
      td.append(document.createTextNode(term.type === "bnode" ? "_:" + term.value : term.value));
      if (term.datatype && /#(decimal|integer|double|float)$/.test(term.datatype)) td.className = "num";
      if (term["xml:lang"]) td.append(el("span", " @" + term["xml:lang"], "dt"));
    }
    return td;
  }
  function showTable(data) {
    const vars = data.head.vars, head = table.insertRow();
    for (const v of vars) head.append(el("th", v));
    for (const b of data.results.bindings) {
      const row = table.insertRow();
      for (const v of vars) row.append(cell(b[v]));
    }
    status.textContent = data.results.bindings.length + (data.results.bindings.length === 1 ? " row" : " rows");
  }

  async function run() {
    const missing = missingParams();
    status.textContent = "running\u2026"; error.textContent = ""; table.replaceChildren();
    if (missing.length) {
      status.textContent = "not run";
      error.textContent = "set the required parameter(s) " + missing.join(", ") + " first";
      return;
    }
    const body = new URLSearchParams({ query: getQuery() });
    let res, text;
    try {
      res = await fetch("/sparql", { method: "POST", body,
        headers: { Accept: "application/sparql-results+json, text/turtle;q=0.9" } });
      text = await res.text();
    } catch (e) {
      status.textContent = "no answer"; error.textContent = String(e) + " (is kg serve still running?)";
      return;
    }
    if (!res.ok) { status.textContent = "error " + res.status; error.textContent = text; return; }
    if (!(res.headers.get("Content-Type") || "").includes("json")) {
      status.textContent = "graph result (Turtle)"; table.append(el("caption", text)); return;
    }
    const data = JSON.parse(text);
    if ("boolean" in data) { status.textContent = "answer: " + data.boolean; return; }
    showTable(data);
  }

  // Saved queries: the menu, the description, one field per parameter.
  function chosen() { return catalog.queries.find((q) => q.name === $("saved").value) || null; }
  function missingParams() {
    const q = chosen();
    if (!q) return [];
    const text = getQuery();  // a required $name still in the text is unbound, whatever the fields say
    return q.required.filter((p) => new RegExp("\\$" + p + "\\b").test(text));
  }
  async function bind() {
    const q = chosen();
    if (!q) return;
    const args = new URLSearchParams();
    for (const p of q.params) {
      const input = $("param-" + p);
      input.classList.toggle("missing", q.required.includes(p) && !input.value.trim());
      if (input.value.trim()) args.set(p, input.value.trim());
    }
    const res = await fetch("/api/queries/" + encodeURIComponent(q.name) + "?" + args);
    const text = await res.text();
    if (res.ok) { setQuery(text); error.textContent = ""; } else error.textContent = text;
  }
  function showParams(q) {
    const box = $("params");
    box.replaceChildren();
    for (const p of q ? q.params : []) {
      const label = el("label", null, q.required.includes(p) ? "required" : "");
      const input = el("input");
      input.id = "param-" + p; input.name = p; input.type = "text";
      input.placeholder = q.required.includes(p) ? "required" : "optional";
      input.addEventListener("change", bind);
      label.append(el("span", "$" + p), document.createTextNode(" "), input);
      box.append(label);
    }
  }
  function choose() {
    const q = chosen();
    $("saved-about").textContent = q ? q.description : "";
    showParams(q);
    setQuery(q ? q.text : textarea.defaultValue);
    table.replaceChildren(); error.textContent = ""; status.textContent = "";
    if (q && q.required.length) status.textContent = "set " + q.required.map((p) => "$" + p).join(", ") + ", then run";
  }

  // Prefixes: listed, completed in the editor, and written out on demand.
  function declarePrefixes() {
    const text = getQuery();
    const declared = new Set([...text.matchAll(/PREFIX\s+([A-Za-z][\w.-]*)?:/gi)].map((m) => m[1] || ""));
    const used = Object.keys(catalog.prefixes).filter((p) => !declared.has(p) && new RegExp("(^|[\\s(,;/^|])" + p + ":", "m").test(text));
    if (used.length) setQuery(used.map((p) => "PREFIX " + p + ": <" + catalog.prefixes[p] + ">").join("\n") + "\n" + text);
  }
  function completions() {
    const out = [];
    for (const [p, ns] of Object.entries(catalog.prefixes)) {
      out.push({ label: p + ":", type: "namespace", detail: ns });
      out.push({ label: "PREFIX " + p + ":", type: "keyword", detail: "<" + ns + ">", apply: "PREFIX " + p + ": <" + ns + ">" });
    }
    for (const t of catalog.terms) out.push({ label: t.label, type: t.type, detail: t.detail });
    return out;
  }
  function fillMenus() {
    const menu = $("saved");
    for (const q of catalog.queries) {
      const opt = el("option", q.name + (q.required.length ? " (needs " + q.required.map((p) => "$" + p).join(", ") + ")" : ""));
      opt.value = q.name; opt.title = q.description;
      menu.append(opt);
    }
    menu.addEventListener("change", choose);
    for (const [p, ns] of Object.entries(catalog.prefixes)) $("prefix-list").append(el("li", p + ": <" + ns + ">"));
    $("declare").addEventListener("click", declarePrefixes);
  }

  async function start() {
    $("form").addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
    try {
      const res = await fetch("/api/catalog");
      if (res.ok) catalog = await res.json();
      else error.textContent = "saved queries unavailable: " + (await res.text());
    } catch (e) {
      error.textContent = "saved queries unavailable: " + e;
    }
    fillMenus();
    if (window.ikgCodeMirror) {
      const nonce = (document.querySelector('meta[name="ikg-style-nonce"]') || {}).content || "";
      editor = window.ikgCodeMirror.createEditor($("editor"), { doc: textarea.value, completions: completions(), onRun: run, nonce });
      textarea.hidden = true;
    }
    window.ikgQueryReady = true;
  }
  start();
})();
