/*
 * The coop-kg views, shared by the query page (as YASR result views) and the entity pages: a network (cytoscape),
 * a world map of countries (d3-geo over the Natural Earth boundaries of world-atlas, matched by ISO 3166-1 code)
 * and a timeline that is honest about precision (a date without a year is never placed on a year). Each view
 * draws into an element it is given, from plain data; names are set as text, never as HTML. Everything it loads
 * comes from this server (web/…). Each drawn view records what it drew in data-* attributes (data-nodes,
 * data-edges, data-coloured, data-items), which the browser tests read.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  var XSD = 'http://www.w3.org/2001/XMLSchema#';
  /** Colours by kind of entity: the palette of the legend. */
  var KIND_COLOURS = {
    country: '#1f77b4', place: '#6baed6', organisation: '#ff7f0e', person: '#2ca02c', facility: '#9467bd',
    project: '#d62728', agreement: '#8c564b', lab: '#e377c2', event: '#bcbd22', figure: '#7f7f7f',
    concept: '#17becf', post: '#aec7e8', party: '#c5b0d5', source: '#98df8a'
  };
  var OTHER_COLOUR = '#9aa5b1';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function kindColour(kind) {
    return KIND_COLOURS[kind] || OTHER_COLOUR;
  }

  function legend(container, entries) {
    var list = el('ul', { 'class': 'coop-legend' });
    entries.forEach(function (e) {
      var item = el('li');
      var swatch = el('span', { 'class': 'coop-swatch' });
      swatch.style.background = e.colour;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(e.label));
      list.appendChild(item);
    });
    container.appendChild(list);
  }

  /* ---- network ------------------------------------------------------------------------------- */

  /**
   * Draws {nodes: [{id, label, kind, href}], edges: [{source, target, label, href, weight}]} with cytoscape.
   * A click on a node or an edge with an href opens it (options.open, default: this window). Returns the
   * cytoscape instance.
   */
  function network(container, data, options) {
    options = options || {};
    var cytoscape = window.cytoscape;
    if (!cytoscape) throw new Error('cytoscape did not load (web/cytoscape.min.js)');
    container.textContent = '';
    var canvas = el('div', { 'class': 'coop-network-canvas' });
    container.appendChild(canvas);
    var kinds = {};
    var elements = [];
    var seen = {};
    data.nodes.forEach(function (n) {
      if (seen[n.id]) return;
      seen[n.id] = true;
      kinds[n.kind || 'other'] = true;
      elements.push({ group: 'nodes', data: { id: n.id, label: n.label || n.id, colour: kindColour(n.kind),
        href: n.href || '', center: n.center ? 1 : 0 } });
    });
    var maxWeight = data.edges.reduce(function (m, e) { return Math.max(m, e.weight || 1); }, 1);
    data.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, label: e.label || '',
        href: e.href || '', width: 1.5 + 4 * ((e.weight || 1) / maxWeight) } });
    });
    var cy = cytoscape({
      container: canvas,
      elements: elements,
      minZoom: 0.2,
      maxZoom: 1.6,
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 11,
          'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': 140,
          width: 18, height: 18, color: '#1d2733', 'text-background-color': '#fff', 'text-background-opacity': 0.7 } },
        { selector: 'node[center = 1]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#1d2733',
          'font-weight': 'bold' } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#b7c0ca', 'curve-style': 'bezier',
          'target-arrow-shape': 'triangle', 'target-arrow-color': '#b7c0ca', 'arrow-scale': 0.8,
          label: 'data(label)', 'font-size': 9, color: '#5b6673', 'text-rotation': 'autorotate',
          'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
        { selector: 'edge[href != ""]', style: { 'line-style': 'dashed' } },
        { selector: ':selected', style: { 'border-width': 3, 'border-color': '#1f6f8b', 'line-color': '#1f6f8b' } }
      ],
      // cytoscape's own force-directed layout, with the spacing of its documentation's example; very large
      // answers fall back to a grid so that the page never hangs on a layout.
      layout: { name: elements.length > 1500 ? 'grid' : 'cose', animate: false, randomize: true, nodeOverlap: 20,
        nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 100; }, numIter: 1000,
        padding: 30 }
    });
    var open = options.open || function (href) { window.location.href = href; };
    cy.on('tap', 'node, edge', function (event) {
      var href = event.target.data('href');
      if (href) open(href);
    });
    legend(container, Object.keys(kinds).sort().map(function (k) {
      return { label: k, colour: kindColour(k) };
    }).concat(data.edges.some(function (e) { return e.href; })
      ? [{ label: 'dashed: a post or agreement party (click to open it)', colour: '#b7c0ca' }] : []));
    container.setAttribute('data-nodes', String(cy.nodes().length));
    container.setAttribute('data-edges', String(cy.edges().length));
    return cy;
  }

  /* ---- map ----------------------------------------------------------------------------------- */

  var atlas = null;

  /** The Natural Earth countries and the ISO alpha-2 → numeric table, fetched once from this server. */
  function loadAtlas(base) {
    if (!atlas) {
      atlas = Promise.all([
        fetch(base + 'countries-50m.json').then(function (r) {
          if (!r.ok) throw new Error('countries-50m.json: HTTP ' + r.status);
          return r.json();
        }),
        fetch(base + 'codes.json').then(function (r) {
          if (!r.ok) throw new Error('codes.json: HTTP ' + r.status);
          return r.json();
        })
      ]).then(function (loaded) {
        var numeric = {};
        loaded[1].forEach(function (row) { numeric[row[0]] = row[2]; });
        return { countries: window.topojson.feature(loaded[0], loaded[0].objects.countries).features, numeric: numeric };
      });
    }
    return atlas;
  }

  function shade(fraction) {
    // From a pale to a deep teal, by the share of the largest value.
    var from = [204, 230, 240], to = [8, 69, 98];
    var c = from.map(function (v, i) { return Math.round(v + (to[i] - v) * fraction); });
    return 'rgb(' + c.join(',') + ')';
  }

  /**
   * Draws a world map with {values: [{iso, value, label, href}], highlight: iso, valueLabel}: each country with a
   * value is coloured by it, the highlighted one in its own colour. base is the URL of web/. Resolves to the
   * number of countries coloured; countries the atlas has no boundary for are named under the map.
   */
  function map(container, data, base) {
    container.textContent = '';
    return loadAtlas(base).then(function (loaded) {
      var d3 = window.d3;
      var width = Math.max(container.clientWidth || 0, 640), height = Math.round(width * 0.5);
      var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, 'class': 'coop-map-svg', role: 'img' });
      var projection = d3.geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
      var path = d3.geoPath(projection);
      root.appendChild(svg('path', { d: path({ type: 'Sphere' }), 'class': 'coop-sphere' }));
      var byNumeric = {};
      var max = 0;
      data.values.forEach(function (v) {
        var id = loaded.numeric[v.iso];
        if (!id) return;
        var entry = byNumeric[id] || (byNumeric[id] = { iso: v.iso, value: 0, label: v.label, href: v.href });
        entry.value += v.value;
        max = Math.max(max, entry.value);
      });
      var drawn = {};
      var coloured = 0;
      loaded.countries.forEach(function (feature) {
        var entry = byNumeric[feature.id];
        var highlighted = data.highlight && loaded.numeric[data.highlight] === feature.id;
        var attrs = { d: path(feature), 'class': 'coop-country' };
        var shape = svg('path', attrs);
        var title = svg('title');
        if (highlighted) {
          shape.setAttribute('class', 'coop-country coop-highlight');
          shape.setAttribute('data-iso', data.highlight);
          title.textContent = (data.highlightLabel || data.highlight) + ' (this country)';
        } else if (entry) {
          shape.setAttribute('class', 'coop-country coop-coloured');
          shape.style.fill = shade(max > 0 ? entry.value / max : 1);
          shape.setAttribute('data-iso', entry.iso);
          shape.setAttribute('data-value', String(entry.value));
          title.textContent = entry.label + ': ' + entry.value + (data.valueLabel ? ' ' + data.valueLabel : '');
          if (!drawn[entry.iso]) coloured++;
          drawn[entry.iso] = true;
          if (entry.href) {
            shape.style.cursor = 'pointer';
            shape.addEventListener('click', function () { window.location.href = entry.href; });
          }
        } else {
          title.textContent = feature.properties && feature.properties.name || '';
        }
        shape.appendChild(title);
        root.appendChild(shape);
      });
      container.appendChild(root);
      var missing = data.values.filter(function (v) { return !drawn[v.iso] && v.iso !== data.highlight; });
      if (missing.length) {
        container.appendChild(el('p', { 'class': 'coop-view-note' }, 'Not on the map (no ISO 3166-1 code in the data, ' +
          'or no boundary in the atlas): ' + missing.map(function (v) { return v.label; }).join(', ') + '.'));
      }
      legend(container, [{ label: 'fewest ' + (data.valueLabel || ''), colour: shade(0.05) },
        { label: 'most (' + max + ')', colour: shade(1) }].concat(data.highlight
        ? [{ label: data.highlightLabel || 'this country', colour: '#d9822b' }] : []));
      container.setAttribute('data-coloured', String(coloured));
      return coloured;
    });
  }

  /* ---- timeline ------------------------------------------------------------------------------ */

  /**
   * A date as the data states it, with its precision: xsd:date, gYearMonth, gYear (placed on the years), and
   * gMonthDay, gMonth (no year: placed by month and day only, never on a year).
   */
  function parseDate(lexical, datatype) {
    var type = (datatype || '').replace(XSD, '');
    var m;
    if (type === 'gMonthDay' && (m = /^--(\d\d)-(\d\d)/.exec(lexical))) {
      return { year: null, month: +m[1], day: +m[2], precision: 'day, year not stated',
        text: +m[2] + ' ' + MONTHS[+m[1] - 1] + ', year not stated' };
    }
    if (type === 'gMonth' && (m = /^--(\d\d)/.exec(lexical))) {
      return { year: null, month: +m[1], day: null, precision: 'month, year not stated',
        text: MONTHS[+m[1] - 1] + ', year not stated' };
    }
    if (type === 'gYear' && (m = /^(-?\d{4,})/.exec(lexical))) {
      return { year: +m[1], month: null, day: null, precision: 'year', text: m[1] };
    }
    if (type === 'gYearMonth' && (m = /^(-?\d{4,})-(\d\d)/.exec(lexical))) {
      return { year: +m[1], month: +m[2], day: null, precision: 'month', text: MONTHS[+m[2] - 1] + ' ' + m[1] };
    }
    if ((type === 'date' || type === 'dateTime') && (m = /^(-?\d{4,})-(\d\d)-(\d\d)/.exec(lexical))) {
      return { year: +m[1], month: +m[2], day: +m[3], precision: 'day',
        text: +m[3] + ' ' + MONTHS[+m[2] - 1] + ' ' + m[1] };
    }
    return null;
  }

  /** Where in its lane a date falls, from 0 to 1: by year for dated lanes, by day of the year for year-less ones. */
  function position(d, range) {
    var dayOfYear = ((d.month || 1) - 1) * 30.5 + (d.day || (d.month ? 15 : 1));
    if (d.year === null) return dayOfYear / 366;
    var span = Math.max(range.max - range.min + 1, 1);
    return (d.year - range.min + (d.month ? dayOfYear / 366 : 0.5)) / span;
  }

  function spanText(start, end) {
    if (!end) return start.text;
    if (start.year === null && end.year === null) {
      return start.text.replace(', year not stated', '') + ' – ' + end.text;
    }
    return start.text + ' – ' + end.text;
  }

  /**
   * Draws [{label, href, start: {lexical, datatype}, end: {…}|null, note}] in two lanes: dated items on a scale of
   * years, and items whose date has no year on a scale of months only, said so in words. Items without a date
   * are listed apart. Each item says its date and precision in words.
   */
  function timeline(container, items) {
    container.textContent = '';
    var dated = [], yearless = [], undated = [];
    items.forEach(function (item) {
      var start = item.start ? parseDate(item.start.lexical, item.start.datatype) : null;
      var end = item.end ? parseDate(item.end.lexical, item.end.datatype) : null;
      var entry = { item: item, start: start, end: end };
      if (!start) undated.push(entry);
      else if (start.year === null) yearless.push(entry);
      else dated.push(entry);
    });
    var range = dated.reduce(function (r, e) {
      return { min: Math.min(r.min, e.start.year), max: Math.max(r.max, (e.end && e.end.year) || e.start.year) };
    }, { min: Infinity, max: -Infinity });

    function lane(title, entries, axis) {
      var section = el('section', { 'class': 'coop-timeline-lane' });
      section.appendChild(el('h3', {}, title));
      var scale = el('div', { 'class': 'coop-timeline-axis' });
      axis.forEach(function (tick) {
        var t = el('span', { 'class': 'coop-timeline-tick' }, tick.text);
        t.style.left = (tick.at * 100) + '%';
        scale.appendChild(t);
      });
      section.appendChild(scale);
      var rows = el('ol', { 'class': 'coop-timeline-rows' });
      entries.sort(function (a, b) { return position(a.start, range) - position(b.start, range); });
      entries.forEach(function (e) {
        var row = el('li', { 'class': 'coop-timeline-item', 'data-precision': e.start ? e.start.precision : 'not stated' });
        var at = e.start ? position(e.start, range) : 0;
        var to = e.end ? position(e.end, range) : at;
        var bar = el('span', { 'class': 'coop-timeline-mark' + (e.end ? ' coop-timeline-span' : '') });
        bar.style.left = (at * 100) + '%';
        bar.style.width = e.end ? Math.max((to - at) * 100, 0.8) + '%' : '';
        row.appendChild(bar);
        // The words sit on the side of the mark with more room, cut short (in full on hover) if they need more.
        var text = el('span', { 'class': 'coop-timeline-text' + (at > 0.5 ? ' coop-timeline-text-before' : '') });
        if (at > 0.5) {
          text.style.right = ((1 - at) * 100) + '%';
          text.style.maxWidth = (at * 100) + '%';
        } else {
          text.style.left = (at * 100) + '%';
          text.style.maxWidth = ((1 - at) * 100) + '%';
        }
        var name = e.item.href ? el('a', { href: e.item.href }, e.item.label) : el('span', {}, e.item.label);
        text.appendChild(name);
        text.appendChild(el('span', { 'class': 'coop-timeline-date' },
          ' · ' + (e.start ? spanText(e.start, e.end) : 'date not stated') + (e.item.note ? ' (“' + e.item.note + '”)' : '')));
        text.title = text.textContent;
        row.appendChild(text);
        rows.appendChild(row);
      });
      section.appendChild(rows);
      container.appendChild(section);
    }

    if (dated.length) {
      var ticks = [];
      var step = Math.max(1, Math.ceil((range.max - range.min + 1) / 12));
      for (var y = range.min; y <= range.max; y += step) ticks.push({ text: String(y), at: position({ year: y }, range) - 0.5 / Math.max(range.max - range.min + 1, 1) });
      lane('Dated', dated, ticks);
    }
    if (yearless.length) {
      lane('Year not stated — placed by month and day only, not on any year', yearless,
        MONTHS.map(function (m, i) { return { text: m.substring(0, 3), at: (i * 30.5) / 366 }; }));
    }
    if (undated.length) {
      var list = el('section', { 'class': 'coop-timeline-lane' });
      list.appendChild(el('h3', {}, 'No date stated'));
      var ul = el('ul', { 'class': 'coop-timeline-undated' });
      undated.forEach(function (e) {
        var li = el('li', { 'class': 'coop-timeline-item', 'data-precision': 'not stated' });
        li.appendChild(e.item.href ? el('a', { href: e.item.href }, e.item.label) : el('span', {}, e.item.label));
        ul.appendChild(li);
      });
      list.appendChild(ul);
      container.appendChild(list);
    }
    container.setAttribute('data-items', String(items.length));
    container.setAttribute('data-dated', String(dated.length));
    container.setAttribute('data-yearless', String(yearless.length));
    return items.length;
  }

  window.CoopViews = { network: network, map: map, timeline: timeline, parseDate: parseDate, kindColour: kindColour };
})();
