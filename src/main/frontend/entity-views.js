/*
 * The pictures on an entity's page: the network of its neighbourhood (one or two steps) and, on a country's
 * page, its partners on the world map. The data is in the page (script type="application/json"); the tables
 * beside each picture say the same in text. Drawn state is exposed as window.coopkgViews for the browser tests.
 */
(function () {
  'use strict';

  var views = window.CoopViews;
  var state = { network: null, steps: 1, map: null };
  window.coopkgViews = state;

  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  /** The web/ folder of this server, relative to the page (…/id/kind/x → ../../web/). */
  function assetBase() {
    var script = document.querySelector('script[src$="views.js"]');
    return script.getAttribute('src').replace(/views\.js$/, '');
  }

  function drawNetwork(steps) {
    var all = data('coop-network-data');
    var container = document.getElementById('coop-network');
    if (!all || !container) return;
    var nodes = all.nodes.filter(function (n) { return n.depth <= steps; }).map(function (n) {
      return { id: n.id, label: n.label, kind: n.kind, href: n.depth === 0 ? '' : n.href, center: n.depth === 0 };
    });
    var edges = all.edges.filter(function (e) { return e.step <= steps; });
    container.hidden = false;
    state.network = views.network(container, { nodes: nodes, edges: edges });
    state.steps = steps;
    document.querySelectorAll('.coop-view-controls button[data-steps]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-steps')) === steps));
    });
    container.setAttribute('data-steps', String(steps));
  }

  function drawMap() {
    var d = data('coop-map-data');
    var container = document.getElementById('coop-map');
    if (!d || !container) return;
    container.hidden = false;
    state.map = views.map(container, {
      values: d.partners.map(function (p) { return { iso: p.iso, value: p.links, label: p.label, href: p.href }; }),
      highlight: d.iso, highlightLabel: d.label, valueLabel: 'shared things'
    }, assetBase()).catch(function (e) {
      container.textContent = 'The map could not be drawn: ' + e.message + '. The table below lists the partners.';
    });
  }

  function start() {
    if (!views) return;
    var controls = document.querySelector('.coop-view-controls');
    if (controls) {
      controls.hidden = false;
      controls.addEventListener('click', function (event) {
        var steps = event.target && event.target.getAttribute('data-steps');
        if (steps) drawNetwork(Number(steps));
      });
    }
    drawNetwork(1);
    drawMap();
    document.body.setAttribute('data-coopkg-views', 'ready');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
