/*
 * The views as YASR result plugins beside Table and Response: Network (CONSTRUCT/DESCRIBE answers, and SELECT
 * answers with two columns of IRIs: one edge per row), Map (SELECT answers with place IRIs of this graph or
 * ISO 3166-1 codes and a number: countries coloured by the sum of that number) and Timeline (SELECT answers with
 * a date column: dated rows on a scale of years, rows whose date has no year on a scale of months only). Each view
 * says under it that the Table view lists the same rows: the table is every view's text alternative.
 */
(function () {
  'use strict';

  var XSD = 'http://www.w3.org/2001/XMLSchema#';
  var DATE_TYPES = ['date', 'dateTime', 'gYear', 'gYearMonth', 'gMonthDay', 'gMonth'].map(function (t) { return XSD + t; });
  var NUMBER_TYPES = ['integer', 'decimal', 'double', 'float', 'long', 'int', 'nonNegativeInteger', 'positiveInteger',
    'short'].map(function (t) { return XSD + t; });
  var RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

  function bindings(results) {
    return results && typeof results.getBindings === 'function' ? results.getBindings() || [] : [];
  }

  function variables(results) {
    return results && typeof results.getVariables === 'function' ? results.getVariables() || [] : [];
  }

  function isGraph(results) {
    return results && typeof results.getType === 'function' && results.getType() === 'ttl';
  }

  /** The columns whose bound values are all of one sort (test), in query order. */
  function columnsWhere(results, test) {
    var rows = bindings(results);
    return variables(results).filter(function (v) {
      var bound = rows.filter(function (r) { return r[v]; });
      return bound.length > 0 && bound.every(function (r) { return test(r[v]); });
    });
  }

  function isIri(term) { return term.type === 'uri'; }
  function isNumber(term) { return term.type !== 'uri' && NUMBER_TYPES.indexOf(term.datatype) >= 0; }
  function isDate(term) { return term.type !== 'uri' && DATE_TYPES.indexOf(term.datatype) >= 0; }
  function isText(term) { return term.type === 'literal' && !term.datatype || term.datatype === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString'; }

  function note(container, text) {
    var p = document.createElement('p');
    p.className = 'coop-view-note';
    p.textContent = text;
    container.appendChild(p);
  }

  function plugin(name, label, symbol, canHandle, draw) {
    function View(yasr) {
      this.yasr = yasr;
      this.priority = 1;
      this.label = label;
    }
    View.prototype.canHandleResults = function () {
      try {
        return canHandle(this.yasr.results);
      } catch (e) {
        return false;
      }
    };
    View.prototype.getIcon = function () {
      var icon = document.createElement('span');
      icon.className = 'coop-view-icon';
      icon.textContent = symbol;
      return icon;
    };
    View.prototype.draw = function () {
      var container = document.createElement('div');
      container.className = 'coop-view coop-result-view';
      container.setAttribute('data-view', name);
      this.yasr.resultsEl.appendChild(container);
      return draw(this.yasr, container);
    };
    return View;
  }

  function register(Yasgui, context) {
    var Yasr = Yasgui.Yasr;
    var views = window.CoopViews;
    var coopNs = (context.prefixes.filter(function (p) { return p.prefix === 'coop'; })[0] || {}).namespace;
    // Countries are places (id/place/…); which places are countries, the ISO code lookup tells.
    var placeSpace = context.idBase ? context.idBase + 'place/' : null;
    var isoCache = new Map();

    function kindOf(iri) {
      if (!context.idBase || iri.indexOf(context.idBase) !== 0) return 'other';
      return iri.substring(context.idBase.length).split('/')[0];
    }

    function name(iri) {
      var label = context.labels.get(iri);
      if (label !== undefined) return label;
      var best = null;
      context.prefixes.forEach(function (p) {
        if (iri.indexOf(p.namespace) === 0 && (!best || p.namespace.length > best.namespace.length)) best = p;
      });
      return best ? best.prefix + ':' + iri.substring(best.namespace.length) : iri;
    }

    /**
     * The name a row gives an IRI column, where the query selects one beside it: ?partnerLabel for ?partner, ?labelA
     * for ?countryA (the gallery's two ways of naming them).
     */
    function labelColumn(row, column) {
      if (!row || !column) return null;
      var candidates = [column + 'Label', 'label' + column.replace(/^[a-z]+/, '')];
      for (var i = 0; i < candidates.length; i++) {
        var term = row[candidates[i]];
        if (term && term.type !== 'uri' && candidates[i] !== 'label') return term.value;
      }
      return null;
    }

    function openElsewhere(href) {
      window.open(href, '_blank', 'noopener');
    }

    /* -- network -- */
    function networkColumns(results) {
      return columnsWhere(results, isIri);
    }

    var Network = plugin('network', 'Network', '⋈', function (results) {
      if (isGraph(results)) return bindings(results).some(function (r) { return r.object && isIri(r.object) && r.predicate.value !== RDF_TYPE; });
      return networkColumns(results).length >= 2;
    }, function (yasr, container) {
      var results = yasr.results;
      var rows = bindings(results);
      var nodes = new Map(), edges = [];
      function node(iri, row, column) {
        if (!nodes.has(iri)) {
          nodes.set(iri, { id: iri, label: labelColumn(row, column) || name(iri), kind: kindOf(iri), href: context.linkTarget(iri) || '' });
        }
      }
      if (isGraph(results)) {
        rows.forEach(function (r) {
          if (!isIri(r.object) || r.predicate.value === RDF_TYPE || !isIri(r.subject)) return;
          node(r.subject.value);
          node(r.object.value);
          edges.push({ source: r.subject.value, target: r.object.value, label: name(r.predicate.value) });
        });
      } else {
        var ends = networkColumns(results).slice(0, 2);
        var weight = columnsWhere(results, isNumber)[0];
        rows.forEach(function (r) {
          var a = r[ends[0]], b = r[ends[1]];
          if (!a || !b) return;
          node(a.value, r, ends[0]);
          node(b.value, r, ends[1]);
          edges.push({ source: a.value, target: b.value, label: weight && r[weight] ? r[weight].value : '',
            weight: weight && r[weight] ? Number(r[weight].value) : 1 });
        });
        note(container, 'One edge per row: ?' + ends[0] + ' → ?' + ends[1] + (weight ? ', labelled and thickened by ?' + weight : '') +
          '. The Table view lists the same rows.');
      }
      var graph = document.createElement('div');
      container.appendChild(graph);
      views.network(graph, { nodes: Array.from(nodes.values()), edges: edges }, { open: openElsewhere });
      container.setAttribute('data-nodes', graph.getAttribute('data-nodes'));
      container.setAttribute('data-edges', graph.getAttribute('data-edges'));
    });

    /* -- map -- */
    function isoColumn(results) {
      return columnsWhere(results, function (t) { return t.type !== 'uri' && /^[A-Z]{2}$/.test(t.value); })[0];
    }

    function countryColumns(results) {
      return placeSpace ? columnsWhere(results, function (t) { return isIri(t) && t.value.indexOf(placeSpace) === 0; }) : [];
    }

    function lookUpIsoCodes(iris) {
      var missing = iris.filter(function (iri) { return !isoCache.has(iri) && /^[^<>"{}|^`\\\s]+$/.test(iri); });
      if (missing.length === 0 || !coopNs) return Promise.resolve();
      var query = 'SELECT ?country ?iso WHERE { VALUES ?country { ' + missing.map(function (i) { return '<' + i + '>'; }).join(' ') +
        ' } ?country <' + coopNs + 'isoCode> ?iso }';
      return fetch(context.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
        body: new URLSearchParams({ query: query })
      }).then(function (response) {
        if (!response.ok) throw new Error('ISO code lookup: HTTP ' + response.status);
        return response.json();
      }).then(function (json) {
        missing.forEach(function (iri) { isoCache.set(iri, null); });
        json.results.bindings.forEach(function (row) { isoCache.set(row.country.value, row.iso.value); });
      });
    }

    var WorldMap = plugin('map', 'Map', '◍', function (results) {
      if (isGraph(results)) return false;
      return columnsWhere(results, isNumber).length > 0 && (isoColumn(results) !== undefined || countryColumns(results).length > 0);
    }, function (yasr, container) {
      var results = yasr.results;
      var rows = bindings(results);
      var value = columnsWhere(results, isNumber)[0];
      var iso = isoColumn(results);
      var countries = iso ? [] : countryColumns(results);
      var iris = [];
      rows.forEach(function (r) { countries.forEach(function (c) { if (r[c]) iris.push(r[c].value); }); });
      return lookUpIsoCodes(iris).then(function () {
        var values = [];
        rows.forEach(function (r) {
          var n = r[value] ? Number(r[value].value) : 0;
          if (iso) {
            if (r[iso]) values.push({ iso: r[iso].value, value: n, label: r[iso].value });
            return;
          }
          countries.forEach(function (c) {
            if (!r[c]) return;
            var code = isoCache.get(r[c].value);
            values.push({ iso: code || '', value: n, label: labelColumn(r, c) || name(r[c].value), href: context.linkTarget(r[c].value) || '' });
          });
        });
        note(container, 'Countries coloured by ' + (iso || countries.length === 1 ? '?' + value : 'the sum of ?' + value +
          ' over the rows naming them (?' + countries.join(', ?') + ')') + '; boundaries: Natural Earth (world-atlas), matched by ' +
          'ISO 3166-1 code. Only countries are drawn. The Table view lists the same rows.');
        var mapEl = document.createElement('div');
        container.appendChild(mapEl);
        return views.map(mapEl, { values: values, valueLabel: '?' + value }, 'web/').then(function (coloured) {
          container.setAttribute('data-coloured', String(coloured));
        });
      }).catch(function (e) {
        note(container, 'The map could not be drawn: ' + e.message);
      });
    });

    /* -- timeline -- */
    var Timeline = plugin('timeline', 'Timeline', '⋯', function (results) {
      return !isGraph(results) && columnsWhere(results, isDate).length > 0;
    }, function (yasr, container) {
      var results = yasr.results;
      var dates = columnsWhere(results, isDate);
      var start = dates[0];
      var end = dates.indexOf('end') > 0 ? 'end' : dates[1];
      var vars = variables(results);
      var labelVar = vars.indexOf('label') >= 0 ? 'label' : columnsWhere(results, isText)[0];
      var iriVar = columnsWhere(results, isIri)[0];
      var noteVar = vars.indexOf('dateNote') >= 0 ? 'dateNote' : null;
      var items = bindings(results).map(function (r) {
        var iri = iriVar && r[iriVar] ? r[iriVar].value : null;
        return {
          label: labelVar && r[labelVar] ? r[labelVar].value : iri ? name(iri) : '(row)',
          href: iri ? context.linkTarget(iri) : null,
          start: r[start] ? { lexical: r[start].value, datatype: r[start].datatype } : null,
          end: end && r[end] ? { lexical: r[end].value, datatype: r[end].datatype } : null,
          note: noteVar && r[noteVar] ? r[noteVar].value : null
        };
      });
      note(container, 'Placed by ?' + start + (end ? ' to ?' + end : '') + '. A date without a year is shown as such and ' +
        'placed by month and day only, never on a year. The Table view lists the same rows.');
      var line = document.createElement('div');
      container.appendChild(line);
      views.timeline(line, items);
      ['data-items', 'data-dated', 'data-yearless'].forEach(function (a) { container.setAttribute(a, line.getAttribute(a)); });
    });

    Yasr.registerPlugin('coopnetwork', Network);
    Yasr.registerPlugin('coopmap', WorldMap);
    Yasr.registerPlugin('cooptimeline', Timeline);
    Yasr.defaults.pluginOrder = ['table', 'coopnetwork', 'coopmap', 'cooptimeline', 'response'];
  }

  window.CoopResultViews = { register: register };
})();
