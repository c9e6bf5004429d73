// influence-kg explorer: the search box and the side panel (an actor's facts
// with their evidence, a timeline strip, CSV export). Text from documents is
// only ever set with textContent, never as markup.
"use strict";
window.ikgExplorer = (function () {
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const EXTRA = { "đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i" };
  // Accent- and case-insensitive form: "Vučić" and "Vucic" fold alike.
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[đðłøßæœı]/g, (c) => EXTRA[c]).replace(/\s+/g, " ").trim();
  }

  // Search: every actor node by its label and aliases, best matches first.
  function makeSearch(ctx) {
    const index = ctx.DATA.nodes.filter((n) => !n.isFact).map((n) => ({
      id: n.id, label: n.label, names: [n.label, ...(n.aliases || [])].map(fold),
    }));
    function rank(entry, q) {
      let best = 9;
      for (const name of entry.names) {
        if (name === q) best = Math.min(best, 0);
        else if (name.startsWith(q)) best = Math.min(best, 1);
        else if (name.split(/[\s\-]/).some((w) => w.startsWith(q))) best = Math.min(best, 2);
        else if (name.includes(q)) best = Math.min(best, 3);
      }
      return best;
    }
    function find(query, limit = 8) {
      const q = fold(query);
      if (!q) return [];
      return index.map((e) => [rank(e, q), e]).filter(([r]) => r < 9)
        .sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label)).slice(0, limit).map(([, e]) => e);
    }
    const input = document.getElementById("ikg-search");
    const list = document.getElementById("ikg-results");
    function pick(entry) {
      list.hidden = true;
      input.value = entry.label;
      ctx.select(entry.id);
    }
    function show() {
      const found = find(input.value);
      list.replaceChildren();
      for (const entry of found) {
        const b = el("button", "", entry.label);
        b.type = "button";
        const node = ctx.nodes.get(entry.id);
        const q = fold(input.value);
        const alias = (node.aliases || []).find((a) => fold(a).includes(q) && !fold(node.label).includes(q));
        if (alias) b.append(el("span", "also", " (" + alias + ")"));
        b.addEventListener("click", () => pick(entry));
        list.append(b);
      }
      if (input.value.trim() && found.length === 0) list.append(el("div", "also", "no actor or asset matches"));
      list.hidden = !input.value.trim();
    }
    input.addEventListener("input", show);
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { const first = find(input.value)[0]; if (first) pick(first); }
      if (ev.key === "Escape") list.hidden = true;
    });
    return { find, fold };
  }

  // The side panel: a table of facts, each followed by its evidence sentences.
  function makePanel(ctx) {
    const panel = document.getElementById("ikg-panel");
    let current = { title: "", facts: [], actor: null };
    const label = (id) => { const n = ctx.nodes.get(id); return n ? n.label : id; };

    function counterpart(fact, actor) {
      return fact.roles.filter(([, a]) => a !== actor).map(([r, a]) => r + ": " + label(a)).join("; ");
    }
    function typeText(fact, actor) {
      const own = fact.roles.filter(([, a]) => a === actor).map(([r]) => r);
      return fact.kind + (own.length ? " (" + own.join(", ") + ")" : "");
    }
    function rows(actor, ids) {
      return ids.map((id) => ({ id, f: ctx.DATA.facts[id] })).filter((r) => r.f)
        .sort((a, b) => (a.f.d0 || "9999").localeCompare(b.f.d0 || "9999") || a.id.localeCompare(b.id));
    }
    // Under kg serve --documents, a <meta name="ikg-document-base"> says where document texts are.
    const docBase = (document.querySelector('meta[name="ikg-document-base"]') || {}).content || "";
    function evidence(fact) {
      const cell = el("td");
      cell.colSpan = 5;
      for (const [text, file, published, start, end, doc] of fact.ev) {
        const q = el("blockquote", "", "\u201c" + text + "\u201d");
        const where = [file || "unknown document"];
        if (published) where.push("published " + published);
        if (start !== null && start !== undefined) where.push("characters " + start + "\u2013" + end);
        const cite = el("cite", "", where.join(" \u00b7 "));
        if (docBase && doc && start !== null && start !== undefined) {
          const a = el("a", "doc", "open the document");
          a.href = docBase + encodeURIComponent(doc) + "?start=" + start + "&end=" + end + "#evidence";
          a.target = "_blank"; a.rel = "noopener noreferrer";
          cite.append(" \u00b7 ", a);
        }
        q.append(cite);
        cell.append(q);
      }
      return cell;
    }
    function table(actor, list) {
      const t = el("table");
      const head = el("tr");
      for (const h of ["type", "counterpart", "amount \u00b7 stake", "date", "status \u00b7 factuality"]) head.append(el("th", "", h));
      t.append(head);
      for (const { f } of list) {
        const tr = el("tr");
        const amount = f.amount ? f.amount + " " + f.cur : "";
        const money = [amount, f.stake].filter(Boolean).join(" \u00b7 ");
        const how = [f.status, f.fq].filter(Boolean).join(" \u00b7 ");
        for (const v of [typeText(f, actor), counterpart(f, actor), money, f.date, how]) tr.append(el("td", "", v));
        const ev = el("tr", "ev");
        ev.append(evidence(f));
        t.append(tr, ev);
      }
      return t;
    }
    function timeline(list) {
      const dated = list.filter(({ f }) => f.d0);
      if (!dated.length) return el("div", "meta", "no dated facts");
      const t = (d) => Date.parse(d);
      const lo = Math.min(...dated.map(({ f }) => t(f.d0))), hi = Math.max(...dated.map(({ f }) => t(f.d1)));
      const span = Math.max(hi - lo, 1);
      const strip = el("div", "ikg-timeline");
      strip.setAttribute("aria-label", "timeline of the dated facts");
      const at = (ms) => (4 + 92 * (ms - lo) / span).toFixed(2) + "%";
      const years = [...new Set(dated.flatMap(({ f }) => [f.d0.slice(0, 4), f.d1.slice(0, 4)]))].sort();
      let last = -100;
      for (const y of years) {
        const x = 4 + 92 * (Math.max(lo, t(y + "-01-01")) - lo) / span;
        if (x - last < 12) continue;  // a label per ~12% of the strip, never on top of another
        last = x;
        const tick = el("span", "tick", y);
        tick.style.left = x.toFixed(2) + "%";
        strip.append(tick);
      }
      for (const { f } of dated) {
        const dot = el("span", "dot");
        dot.style.left = at((t(f.d0) + t(f.d1)) / 2);
        dot.style.background = ctx.colors[f.ft] || "#999";
        dot.title = f.date + ": " + f.caption;
        strip.append(dot);
      }
      return strip;
    }
    function render() {
      const list = visibleRows();
      const tools = el("div", "tools");
      const csv = el("button", "", "CSV");
      csv.type = "button"; csv.id = "ikg-csv";
      csv.addEventListener("click", download);
      const close = el("button", "", "\u00d7");
      close.type = "button"; close.setAttribute("aria-label", "close the panel");
      close.addEventListener("click", () => { panel.hidden = true; ctx.closed(); });
      tools.append(csv, close);
      const node = current.actor ? ctx.nodes.get(current.actor) : null;
      const meta = node ? [node.kind, node.country, (node.aliases || []).length ? "also " + node.aliases.join(", ") : ""].filter(Boolean).join(" \u00b7 ") : "";
      const hidden = current.facts.length - list.length;
      const count = list.length + " fact" + (list.length === 1 ? "" : "s") + (hidden ? " (" + hidden + " hidden by the filters)" : "");
      panel.replaceChildren(tools, el("h2", "", current.title), el("div", "meta", meta), el("div", "meta", count), timeline(list), table(current.actor, list));
      panel.hidden = false;
    }
    const visibleRows = () => rows(current.actor, current.facts).filter((r) => ctx.factOk(r.id));
    function show(title, factIds, actor) {
      current = { title, facts: factIds, actor: actor || null };
      render();
    }
    function csvText() {
      const cells = ["fact", "type", "roles", "amount", "currency", "stake", "date", "status", "factuality", "sentence", "document", "published", "char_start", "char_end"];
      const quote = (v) => { const s = v === null || v === undefined ? "" : String(v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
      const lines = [cells.join(",")];
      for (const { id, f } of visibleRows()) {
        const roles = f.roles.map(([r, a]) => r + "=" + label(a)).join("; ");
        for (const [text, file, published, start, end] of f.ev.length ? f.ev : [["", "", "", null, null]]) {
          lines.push([id, f.kind, roles, f.amount, f.cur, f.stake, f.date, f.status, f.fq, text, file, published, start, end].map(quote).join(","));
        }
      }
      return lines.join("\n") + "\n";
    }
    function download() {
      const a = el("a");
      a.href = URL.createObjectURL(new Blob([csvText()], { type: "text/csv" }));
      a.download = (current.title || "facts").replace(/[^\w.-]+/g, "_") + ".csv";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    }
    return { show, refresh: () => { if (!panel.hidden) render(); }, csvText, isOpen: () => !panel.hidden };
  }

  return { el, fold, makeSearch, makePanel };
})();
