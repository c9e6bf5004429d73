// influence-kg explorer: a big graph opens clustered, by country or by
// community, one node per group with its edges to other groups aggregated
// ("12 facts"); a click opens a group, and searching or selecting an actor
// opens the group that holds it. Groups and positions come from Python
// (graph/render/cluster.py); physics stays off.
//
// The network is given DataViews of the page's DataSets: it only ever holds
// what is on screen (60 groups, not 5,000 actors). vis-network's own
// clustering (network.cluster / openCluster) needs every node and edge in the
// network first and builds intermediate cluster edges: measured on 4,359
// actors it took 2.4 s to cluster and 2 s to open everything again, more than
// the unclustered page took to draw.
"use strict";
window.ikgClusters = function (ctx) {
  const { DATA, nodes, edges, factOk } = ctx;
  const C = DATA.clusters;
  const MODES = ["country", "community"];
  const FILL = { country: { background: "#dde8f6", border: "#4a77b4" }, community: { background: "#eee4f6", border: "#7f58a8" } };
  const LABEL_PX = 14;  // a group's name on screen at the first fit
  const AGG = { arrows: "", dashes: false, color: { color: "#9a9a9a", highlight: "#333333", hover: "#333333", opacity: 0.45 }, font: { size: 12 } };
  let mode = C.mode;
  const opened = new Set();   // groups of the current mode the reader opened
  let shownNodes = new Set(), shownEdges = new Set();
  let counts = [];            // per group of the current mode: visible actors, facts
  const nodeView = new vis.DataView(nodes, { filter: (n) => shownNodes.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => shownEdges.has(e.id) });
  const idOf = (m, i) => "cluster:" + m + ":" + i;
  const slot = () => MODES.indexOf(mode);

  // The scale at which a mode's groups fit the canvas.
  function fitScale(groups) {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const g of groups) {
      x0 = Math.min(x0, g.x - g.r); x1 = Math.max(x1, g.x + g.r);
      y0 = Math.min(y0, g.y - g.r); y1 = Math.max(y1, g.y + g.r);
    }
    const box = document.getElementById("ikg-network");
    return Math.min(box.clientWidth / Math.max(x1 - x0, 1), box.clientHeight / Math.max(y1 - y0, 1), 1);
  }
  const fits = {};             // mode -> the scale of its first fit
  // The name sits in the middle of its bubble (vis puts a dot's label under it).
  const dotSize = (g) => Math.max(10, g.r * 0.6);
  const fontOf = (g, size) => ({ size, vadjust: -(dotSize(g) + size * 1.15), strokeWidth: 4, strokeColor: "#ffffff" });
  // Group names stay LABEL_PX tall on screen when zooming in, and shrink with the bubbles when zooming out.
  const fontAt = (scale) => LABEL_PX / Math.max(scale, fits[mode] || 1);
  let lastFont = 0;
  function zoomed(scale) {
    const size = fontAt(scale);
    if (mode === "none" || Math.abs(size - lastFont) < lastFont * 0.05) return;
    lastFont = size;
    nodes.update(C.groups[mode].map((g, i) => ({ id: idOf(mode, i), font: fontOf(g, size) })));
  }
  // One node per group of each mode, kept in the DataSet; the view shows the closed ones.
  function groupNodes() {
    const items = [];
    for (const m of MODES) {
      fits[m] = fitScale(C.groups[m]);
      C.groups[m].forEach((g, i) => items.push({
        id: idOf(m, i), cluster: [m, i], label: g.label, shape: "dot", size: dotSize(g),
        x: g.x, y: g.y, color: FILL[m], borderWidth: 2, font: fontOf(g, LABEL_PX / fits[m]),
        }));
    }
    nodes.add(items);
  }
  const sizeText = (c) => c.actors + (c.actors === 1 ? " actor" : " actors") + (c.facts ? " \u00b7 " + c.facts + " facts" : "");
  // Where a node is drawn now: itself, or the cluster of its closed group.
  function shownAs(n) {
    if (mode === "none") return n.id;
    const i = n.grp[slot()];
    return opened.has(i) || counts[i].actors + counts[i].facts < 2 ? n.id : idOf(mode, i);
  }
  function count() {
    counts = mode === "none" ? [] : C.groups[mode].map(() => ({ actors: 0, facts: 0 }));
    if (mode === "none") return;
    nodes.forEach((n) => {
      if (n.cluster || n.hidden) return;
      const c = counts[n.grp[slot()]];
      if (n.isFact) c.facts++; else c.actors++;
    });
  }
  // The edges between groups (or a group and an opened actor): one per pair, counting its facts.
  function aggregate(where) {
    const pairs = new Map(), base = new Set();
    edges.forEach((e) => {
      if (e.agg || e.hidden) return;
      const a = where.get(e.from), b = where.get(e.to);
      if (a === e.from && b === e.to) { base.add(e.id); return; }
      if (a === b || a === undefined || b === undefined) return;
      const key = a < b ? a + "|" + b : b + "|" + a;
      if (!pairs.has(key)) pairs.set(key, { from: a < b ? a : b, to: a < b ? b : a, facts: new Set() });
      for (const f of e.facts) if (factOk(f)) pairs.get(key).facts.add(f);
    });
    // Between two groups an edge says how many facts it stands for; to an opened actor it stays quiet.
    const both = (p) => String(p.from).startsWith("cluster:") && String(p.to).startsWith("cluster:");
    const items = [...pairs].map(([key, p]) => ({
      ...AGG, id: "agg:" + key, from: p.from, to: p.to, agg: true, facts: [...p.facts], value: p.facts.size,
      label: both(p) ? p.facts.size + (p.facts.size === 1 ? " fact" : " facts") : "",
    }));
    return { base, items };
  }
  // Only what differs goes to the DataSet: every update it forwards costs the network a redraw of the item.
  const changed = (set, items, key) => items.filter((x) => { const old = set.get(x.id); return !old || key(old) !== key(x); });
  // Bring the network in line with the mode, the opened groups and the filters.
  function sync() {
    count();
    const where = new Map(), want = new Set();
    nodes.forEach((n) => {
      if (n.cluster) return;
      const at = shownAs(n);
      where.set(n.id, at);
      if (!n.hidden) want.add(at);
    });
    const { base, items } = aggregate(where);
    const ids = new Set(items.map((x) => x.id));
    edges.remove(edges.getIds({ filter: (e) => e.agg && !ids.has(e.id) }));
    edges.update(changed(edges, items, (x) => x.facts.join(" ")));
    const labels = mode === "none" ? [] : C.groups[mode].map((g, i) => ({ id: idOf(mode, i), label: g.label + "\n" + sizeText(counts[i]),
      tip: { h: g.label, rows: [["grouped by", mode], ["shown", sizeText(counts[i])], ["open", "click to show them"]] } }));
    nodes.update(changed(nodes, labels, (x) => x.label));
    shownNodes = want;
    nodeView.refresh();
    shownEdges = new Set([...base, ...ids]);
    edgeView.refresh();
  }
  // Every actor to its place in a mode's layout ("none" uses the community one).
  function place() {
    shownNodes = new Set([...shownNodes].filter((id) => String(id).startsWith("cluster:")));
    shownEdges = new Set();
    nodeView.refresh();
    edgeView.refresh();
    const k = mode === "country" ? 0 : 2;
    nodes.update(nodes.get({ fields: ["id", "pos"], filter: (n) => !n.cluster }).map((n) => ({ id: n.id, x: n.pos[k], y: n.pos[k + 1] })));
  }
  function setMode(next) {
    mode = next;
    lastFont = 0;
    opened.clear();
    place();
    sync();
  }
  const isCluster = (id) => String(id).startsWith("cluster:") && Boolean(nodes.get(id));
  // Open a closed group; its members' ids, for the view to fit.
  function open(id) {
    const [m, i] = nodes.get(id).cluster;
    if (m !== mode) return [];
    opened.add(i);
    sync();
    return nodes.getIds({ filter: (n) => !n.cluster && !n.hidden && n.grp[slot()] === i });
  }
  // The group holding an actor opens if it was closed: true when something opened.
  function reveal(nodeId) {
    const n = nodes.get(nodeId);
    if (!n || n.cluster || mode === "none" || shownAs(n) === n.id) return false;
    open(idOf(mode, n.grp[slot()]));
    return true;
  }
  function bind(after) {
    const box = document.getElementById("ikg-grouping");
    const select = document.getElementById("ikg-cluster");
    box.hidden = false;
    select.value = mode;
    select.addEventListener("change", () => { setMode(select.value); after(); });
    document.getElementById("ikg-regroup").addEventListener("click", () => { setMode(mode); after(); });
  }
  groupNodes();
  return {
    views: { nodes: nodeView, edges: edgeView }, sync, open, reveal, setMode, isCluster, bind, zoomed,
    visible: () => [...shownNodes], mode: () => mode,
    size: (id) => { const c = counts[nodes.get(id).cluster[1]]; return c.actors + c.facts; },
    closed: () => [...shownNodes].filter((id) => String(id).startsWith("cluster:")),
  };
};
