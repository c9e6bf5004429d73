// influence-kg network page. Text from documents is only ever set with
// textContent: never as markup, never as a vis "title" string.
"use strict";
(function () {
  const t0 = performance.now();
  const DATA = JSON.parse(document.getElementById("ikg-data").textContent);
  const { el, makeSearch, makePanel } = window.ikgExplorer;
  const FACT_COLORS = { investment: "#e6a100", agreement: "#17becf", event: "#e377c2" };
  const state = { types: new Set(DATA.factTypes), country: "", status: "", fq: "" };
  const NODE_PX = 13, EDGE_PX = 11, EDGE_LABEL_MIN_SCALE = 0.45;

  // Dates typed in the filter: "" when empty, null when not a date.
  function bound(value, end) {
    const v = value.trim();
    if (!v) return "";
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
    if (!m) return null;
    const month = m[2] ? Number(m[2]) : null, day = m[3] ? Number(m[3]) : null;
    if (month !== null && (month < 1 || month > 12)) return null;
    const last = month ? new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate() : 31;
    if (day !== null && (day < 1 || day > last)) return null;
    if (day !== null) return v;
    if (month !== null) return v + (end ? "-" + String(last).padStart(2, "0") : "-01");
    return v + (end ? "-12-31" : "-01-01");
  }
  let range = { lo: "", hi: "" };
  function factOk(id) {
    const f = DATA.facts[id];
    if (!f || !state.types.has(f.ft)) return false;
    if (state.country && !f.cs.includes(state.country)) return false;
    if (state.status && f.status !== state.status) return false;
    if (state.fq && f.fq !== state.fq) return false;
    if ((range.lo || range.hi) && !f.d0) return false;
    if (range.lo && f.d1 < range.lo) return false;
    if (range.hi && f.d0 > range.hi) return false;
    return true;
  }

  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  const options = {
    nodes: {
      scaling: { min: 10, max: 36, label: { enabled: DATA.big, min: 12, max: 22, drawThreshold: 9 } },
      font: { size: NODE_PX, strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1,
    },
    edges: {
      smooth: DATA.big ? false : { type: "dynamic" },
      font: { size: DATA.big ? 0 : EDGE_PX, align: "middle", strokeWidth: 3 },
      width: 1.5, selectionWidth: 2, scaling: { min: 1.5, max: 6, label: { enabled: false } },
    },
    physics: {
      enabled: !DATA.clusters,  // clustered pages come laid out (graph/render/cluster.py)
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, centralGravity: 0.012, springLength: 140, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: DATA.iterations, updateInterval: 50, fit: true },
    },
    layout: { improvedLayout: !DATA.big, randomSeed: 7 },
    interaction: { hover: true, hideEdgesOnDrag: DATA.big, hideEdgesOnZoom: DATA.big, tooltipDelay: 100 },
  };
  const container = document.getElementById("ikg-network");
  // A clustered page gives the network only what is on screen (clusters.js).
  const clusters = DATA.clusters ? window.ikgClusters({ DATA, nodes, edges, factOk }) : null;
  const network = new vis.Network(container, clusters ? clusters.views : { nodes, edges }, options);
  Object.assign(window, { network, ikgNodes: nodes, ikgEdges: edges, ikgTimings: { created: performance.now() - t0 }, ikgReady: false });
  window.ikgClusterView = clusters;

  // Labels keep a readable size on screen at any zoom out; below a scale edge
  // labels give way (hover or click an edge for its facts).
  let lastScale = 0;
  function fitLabels() {
    if (clusters) clusters.zoomed(network.getScale());
    if (DATA.big) return;
    const s = network.getScale();
    if (Math.abs(s - lastScale) < 1e-3) return;
    lastScale = s;
    const k = 1 / Math.min(s, 1);
    network.setOptions({
      nodes: { font: { size: NODE_PX * k } },
      edges: { font: { size: s < EDGE_LABEL_MIN_SCALE ? 0 : EDGE_PX * k } },
    });
    if (factIds.length) nodes.update(factIds.map((id) => ({ id, font: { size: NODE_PX * k, color: "#222222" } })));
  }
  const factIds = DATA.nodes.filter((n) => n.isFact).map((n) => n.id);
  // The panel narrows the canvas: vis rescales the view, so labels follow.
  function resized() {
    network.setSize("100%", "100%");
    lastScale = 0;
    fitLabels();
  }
  const visibleIds = () => nodes.getIds({ filter: (n) => !n.hidden && !n.cluster });
  function fitView() {
    network.fit({ nodes: clusters ? clusters.visible() : visibleIds(), animation: false });
    fitLabels();
  }
  function ready() {
    if (window.ikgReady) return;
    network.setOptions({ physics: false });
    fitView();
    window.ikgTimings.ready = performance.now() - t0;
    // since navigation: the first frame drawn once the layout is final
    network.once("afterDrawing", () => { window.ikgTimings.stable = performance.now(); });
    network.redraw();
    window.ikgReady = true;
  }
  network.once("afterDrawing", () => { window.ikgTimings.firstDraw = performance.now() - t0; });
  network.once("stabilizationIterationsDone", ready);
  if (DATA.nodes.length === 0) ready();
  network.on("zoom", fitLabels);

  // Tooltips: built on hover from plain data, kept inside the window.
  const tipBox = document.getElementById("ikg-tip");
  function tipRows(rows) {
    for (const [k, v] of rows) {
      const row = el("div");
      row.append(el("span", "k", k + ": "), document.createTextNode(v));
      tipBox.append(row);
    }
  }
  function tipFacts(ids) {
    const shown = ids.filter(factOk);
    for (const id of shown.slice(0, 3)) {
      const f = DATA.facts[id];
      tipBox.append(el("div", "", f.caption + (f.label ? " \u2014 " + f.label : "")));
      const [text, file] = f.ev[0] || ["", ""];
      if (text) {
        const q = el("blockquote", "", "\u201c" + text + "\u201d");
        q.append(el("cite", "", file || "unknown document"));
        tipBox.append(q);
      }
    }
    if (shown.length > 3) tipBox.append(el("div", "more", "\u2026 and " + (shown.length - 3) + " more: click for all"));
  }
  function showTip(item, pointer) {
    if (!item) return;
    if (item.tip) {
      tipBox.replaceChildren(el("strong", "", item.tip.h));
      tipRows(item.tip.rows);
    } else {
      tipBox.replaceChildren(el("strong", "", item.isFact ? item.label : item.facts.length + " fact(s)"));
      tipFacts(item.facts);
    }
    tipBox.style.display = "block";
    const box = container.getBoundingClientRect(), w = tipBox.offsetWidth, h = tipBox.offsetHeight;
    let x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    if (x + w > window.innerWidth - 4) x = Math.max(4, box.left + pointer.x - 14 - w);
    if (y + h > window.innerHeight - 4) y = Math.max(4, box.top + pointer.y - 14 - h);
    tipBox.style.left = x + "px";
    tipBox.style.top = y + "px";
  }
  const hideTip = () => { tipBox.style.display = "none"; };
  network.on("hoverNode", (p) => showTip(nodes.get(p.node), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTip(edges.get(p.edge), p.pointer.DOM));
  for (const ev of ["blurNode", "blurEdge", "dragStart", "zoom"]) network.on(ev, hideTip);

  // Selection: an actor, a fact node or an edge opens the panel with its facts.
  const byActor = {};
  for (const [id, f] of Object.entries(DATA.facts)) for (const [, a] of f.roles) (byActor[a] = byActor[a] || new Set()).add(id);
  const panel = makePanel({ DATA, nodes, factOk, colors: FACT_COLORS, closed: () => { network.unselectAll(); resized(); } });
  function select(id, { focus = true } = {}) {
    const node = nodes.get(id);
    if (!node) return false;
    if (clusters) clusters.reveal(id);
    if (node.isFact) panel.show(node.label, node.facts);
    else panel.show(node.label, [...(byActor[id] || [])], id);
    resized();
    network.selectNodes([id]);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    fitLabels();
    return true;
  }
  network.on("click", (p) => {
    hideTip();
    if (p.nodes.length && clusters && clusters.isCluster(p.nodes[0])) {
      network.fit({ nodes: clusters.open(p.nodes[0]), animation: false });
      lastScale = 0;
      fitLabels();
    } else if (p.nodes.length) select(p.nodes[0], { focus: false });
    else if (p.edges.length) {
      const e = edges.get(p.edges[0]);
      const name = (n) => { const node = nodes.get(n) || {}; return node.cluster ? DATA.clusters.groups[node.cluster[0]][node.cluster[1]].label : node.label; };
      panel.show([e.from, e.to].map(name).join(" \u2013 "), e.facts);
      resized();
    }
  });
  makeSearch({ DATA, nodes, select });

  // Filters hide what fails (positions stay), then fit what is left.
  function refresh() {
    const edgeUpdates = [], nodeUpdates = [], seen = new Set();
    let shownEdges = 0;
    edges.forEach((e) => {
      if (e.agg) return;
      const ok = e.facts.filter(factOk);
      const hidden = ok.length === 0;
      const label = e.facts.length > 1 ? (ok.length === 1 ? DATA.facts[ok[0]].caption : ok.length + " facts") : e.label;
      if (!hidden) { seen.add(e.from); seen.add(e.to); shownEdges++; }
      if (hidden !== Boolean(e.hidden) || label !== e.label) edgeUpdates.push({ id: e.id, hidden, label });
    });
    nodes.forEach((n) => {
      if (n.cluster) return;
      const hidden = n.isFact ? !n.facts.some(factOk) : !seen.has(n.id);
      if (hidden !== Boolean(n.hidden)) nodeUpdates.push({ id: n.id, hidden });
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    if (clusters) clusters.sync();
    document.getElementById("ikg-count").textContent = visibleIds().length + " nodes, " + shownEdges + " edges shown";
    panel.refresh();
    if (window.ikgReady) { lastScale = 0; fitView(); }
  }
  // "#<actor or fact IRI>" in the address selects it (links from kg serve's query results).
  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && nodes.get(id)) select(id);
    else if (id && DATA.facts[id]) {
      const edge = edges.get({ filter: (e) => !e.agg && e.facts.includes(id) })[0];
      panel.show(DATA.facts[id].caption, [id]);
      resized();
      if (edge && clusters) [edge.from, edge.to].forEach((n) => clusters.reveal(n));
      if (edge) network.selectEdges([edge.id]);
    }
  }
  window.addEventListener("hashchange", fromHash);
  network.once("stabilizationIterationsDone", fromHash);
  if (DATA.nodes.length === 0) fromHash();
  window.ikgVisible = () => [visibleIds().length, edges.getIds({ filter: (e) => !e.hidden && !e.agg }).length];
  window.ikgSelect = select;
  window.ikgPanelCsv = () => panel.csvText();

  const typeBox = document.getElementById("ikg-types");
  for (const ft of DATA.factTypes) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = ft;
    box.addEventListener("change", () => {
      if (box.checked) state.types.add(ft); else state.types.delete(ft);
      refresh();
    });
    label.append(box, document.createTextNode(" " + ft + "s"));
    typeBox.append(label);
  }
  for (const [key, values] of [["country", DATA.countries], ["status", DATA.statuses], ["fq", DATA.factualities]]) {
    const select = document.getElementById("ikg-" + key);
    for (const v of values) {
      const opt = el("option", "", v);
      opt.value = v;
      select.append(opt);
    }
    select.addEventListener("change", () => { state[key] = select.value; refresh(); });
  }
  // Issue 8: what the text asserts is shown first; the factuality filter brings in the rest.
  if (DATA.factualities.includes("asserted") && DATA.factualities.length > 1) {
    state.fq = "asserted";
    document.getElementById("ikg-fq").value = "asserted";
  }
  const dateError = document.getElementById("ikg-date-error");
  function readDates() {
    const problems = [];
    const lo = bound(document.getElementById("ikg-from").value, false);
    const hi = bound(document.getElementById("ikg-to").value, true);
    for (const [key, value] of [["from", lo], ["to", hi]]) {
      const input = document.getElementById("ikg-" + key);
      input.classList.toggle("bad", value === null);
      input.setAttribute("aria-invalid", String(value === null));
      if (value === null) problems.push("\u201c" + input.value + "\u201d is not a date");
    }
    dateError.textContent = problems.length ? problems.join("; ") + ": write YYYY, YYYY-MM or YYYY-MM-DD (ignored until fixed)" : "";
    range = { lo: lo || "", hi: hi || "" };
    refresh();
  }
  for (const key of ["from", "to"]) document.getElementById("ikg-" + key).addEventListener("change", readDates);
  const legend = document.getElementById("ikg-legend");
  for (const item of DATA.legend) {
    const span = el("span");
    const sw = el("span", item.shape === "line" ? "sw line" : "sw");
    sw.style.background = item.color;
    span.append(sw, document.createTextNode(item.label));
    legend.append(span);
  }
  document.getElementById("ikg-note").textContent = DATA.note;
  refresh();
  if (clusters) {
    clusters.bind(() => { lastScale = 0; fitView(); });
    ready();
    fromHash();
  }
})();
