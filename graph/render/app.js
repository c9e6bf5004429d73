// influence-kg network page. Text from documents is only ever set with
// textContent: never as markup, never as a vis "title" string.
"use strict";
(function () {
  const t0 = performance.now();
  const DATA = JSON.parse(document.getElementById("ikg-data").textContent);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const state = { types: new Set(DATA.factTypes), country: "", from: "", to: "" };
  let visible = new Set();

  function bound(value, end) {
    const v = value.trim();
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return "";
    if (v.length === 10) return v;
    if (v.length === 7) return end ? v + "-31" : v + "-01";
    return end ? v + "-12-31" : v + "-01-01";
  }
  function factOk(item) {
    if (!state.types.has(item.ft)) return false;
    if (state.country && !item.cs.includes(state.country)) return false;
    const lo = bound(state.from, false), hi = bound(state.to, true);
    if ((lo || hi) && !item.d0) return false;
    if (lo && item.d1 < lo) return false;
    if (hi && item.d0 > hi) return false;
    return true;
  }
  function recompute() {
    visible = new Set();
    edges.forEach((e) => { if (factOk(e)) { visible.add(e.from); visible.add(e.to); } });
  }

  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  recompute();
  const nodeView = new vis.DataView(nodes, { filter: (n) => visible.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: factOk });

  const options = {
    nodes: {
      scaling: { min: 10, max: 36, label: { enabled: DATA.big, min: 11, max: 22, drawThreshold: 6 } },
      font: { size: 12 }, borderWidth: 1,
    },
    edges: {
      smooth: DATA.big ? false : { type: "dynamic" },
      font: { size: DATA.big ? 0 : 10, align: "middle", strokeWidth: 3 },
      width: 1.5, selectionWidth: 2,
    },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.015, springLength: 110, avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: DATA.iterations, updateInterval: 50, fit: true },
    },
    layout: { improvedLayout: !DATA.big, randomSeed: 7 },
    interaction: { hover: true, hideEdgesOnDrag: DATA.big, hideEdgesOnZoom: DATA.big, tooltipDelay: 100 },
  };
  const container = document.getElementById("ikg-network");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.network = network;
  window.ikgNodes = nodes;
  window.ikgEdges = edges;
  window.ikgTimings = { created: performance.now() - t0 };
  window.ikgReady = false;

  function ready() {
    if (window.ikgReady) return;
    network.setOptions({ physics: false });
    window.ikgTimings.ready = performance.now() - t0;
    window.ikgReady = true;
  }
  network.once("afterDrawing", () => { window.ikgTimings.firstDraw = performance.now() - t0; });
  network.once("stabilizationIterationsDone", ready);
  if (nodeView.length === 0) ready();

  // Tooltips: built on hover from plain data, with textContent only.
  const tipBox = document.getElementById("ikg-tip");
  function showTip(item, pointer) {
    if (!item || !item.tip) return;
    tipBox.replaceChildren(el("strong", "", item.tip.h));
    for (const [k, v] of item.tip.rows) {
      const row = el("div");
      row.append(el("span", "k", k + ": "), document.createTextNode(v));
      tipBox.append(row);
    }
    for (const [text, file] of item.tip.ev) {
      const q = el("blockquote", "", "\u201c" + text + "\u201d");
      q.append(el("cite", "", file || "unknown document"));
      tipBox.append(q);
    }
    const box = container.getBoundingClientRect();
    tipBox.style.left = Math.min(box.left + pointer.x + 14, window.innerWidth - 430) + "px";
    tipBox.style.top = box.top + pointer.y + 14 + "px";
    tipBox.style.display = "block";
  }
  const hideTip = () => { tipBox.style.display = "none"; };
  network.on("hoverNode", (p) => showTip(nodes.get(p.node), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTip(edges.get(p.edge), p.pointer.DOM));
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // Controls: fact types, country, date range.
  function refresh() {
    recompute();
    edgeView.refresh();
    nodeView.refresh();
    document.getElementById("ikg-count").textContent =
      nodeView.length + " nodes, " + edgeView.length + " edges shown";
  }
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
  const select = document.getElementById("ikg-country");
  for (const c of DATA.countries) {
    const opt = el("option", "", c);
    opt.value = c;
    select.append(opt);
  }
  select.addEventListener("change", () => { state.country = select.value; refresh(); });
  for (const key of ["from", "to"]) {
    const input = document.getElementById("ikg-" + key);
    input.addEventListener("change", () => { state[key] = input.value; refresh(); });
  }
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
})();
