/*
 * The coop-kg query page: YASGUI pointed at this server's SPARQL endpoint, with the ontology's prefixes
 * declared, the query gallery as named examples, a summary of the graph, and result tables that show
 * labels for entity IRIs. Everything it loads comes from this server (web/page.json and the endpoint);
 * YASGUI's calls to other hosts (class and property autocompletion from Linked Open Vocabularies, the
 * endpoint catalogue) are replaced by local ones. Data is inserted as text, never as HTML.
 */
(function () {
  'use strict';

  var Yasgui = window.Yasgui;
  /** IRI → label, filled from the endpoint after each response. */
  var labels = new Map();
  var LABEL_BATCH = 200;
  var MAX_LABEL_LOOKUP = 2000;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs[name];
      else if (name === 'className') node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"'`]/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function showError(message) {
    var box = document.getElementById('coop-error');
    box.textContent = message;
    box.hidden = false;
  }

  function prefixDeclarations(prefixes) {
    var width = prefixes.reduce(function (w, p) { return Math.max(w, p.prefix.length + 1); }, 0);
    return prefixes.map(function (p) {
      var name = p.prefix + ':';
      return 'PREFIX ' + name + ' '.repeat(width - name.length + 1) + '<' + p.namespace + '>';
    }).join('\n');
  }

  function compact(iri, prefixes) {
    var best = null;
    prefixes.forEach(function (p) {
      if (iri.indexOf(p.namespace) === 0 && (!best || p.namespace.length > best.namespace.length)) best = p;
    });
    return best ? best.prefix + ':' + iri.substring(best.namespace.length) : iri;
  }

  /* ---- the summary, the prefixes and the examples -------------------------------------------- */

  function showSummary(page, endpoint) {
    document.getElementById('coop-endpoint').textContent = endpoint;
    var list = document.getElementById('coop-counts');
    page.counts.forEach(function (c) {
      list.appendChild(el('li', { 'data-kind': c.kind }, [
        el('span', { className: 'coop-count', text: c.count.toLocaleString('en') }),
        ' ' + c.label
      ]));
    });
    var t = page.totals;
    document.getElementById('coop-totals').textContent =
      t.triples.toLocaleString('en') + ' triples in ' + t.namedGraphs.toLocaleString('en') + ' named graphs, ' +
      t.assertions.toLocaleString('en') + ' of them curated rows with their source and quote: ' +
      t.stated.toLocaleString('en') + ' stated by their quote, ' + t.implied.toLocaleString('en') +
      ' implied (the curator\'s reading of the quote in context, with a note saying why).';
  }

  /** Links to what this server serves besides the endpoint (dumps, dataset description), if any. */
  function showLinks(links) {
    if (!links || links.length === 0) return;
    var list = document.getElementById('coop-link-list');
    links.forEach(function (link) {
      // Paths on this server only, relative to the page (no scheme, no host), so that they keep working
      // behind a reverse proxy that serves the page under a path prefix.
      if (typeof link.path !== 'string' || !/^[A-Za-z0-9._-][A-Za-z0-9._~\/-]*$/.test(link.path)) return;
      list.appendChild(el('li', {}, [el('a', { href: link.path, text: link.label })]));
    });
    document.getElementById('coop-links').hidden = list.children.length === 0;
  }

  function showPrefixes(prefixes) {
    var list = document.getElementById('coop-prefix-list');
    prefixes.forEach(function (p) {
      list.appendChild(el('dt', { text: p.prefix + ':' }));
      list.appendChild(el('dd', { text: p.namespace }));
    });
  }

  function tabName(index, title) {
    var name = (index + 1) + '. ' + title;
    return name.length > 40 ? name.substring(0, 39) + '…' : name;
  }

  function showExamples(examples, yasgui) {
    var list = document.getElementById('coop-example-list');
    if (examples.length === 0) {
      list.appendChild(el('li', { className: 'coop-note', text: 'No example queries are bundled in this build.' }));
      return;
    }
    examples.forEach(function (example, index) {
      var button = el('button', {
        type: 'button', className: 'coop-example', 'data-file': example.file, title: example.file
      }, [
        el('span', { className: 'coop-example-title', text: example.title }),
        el('span', { className: 'coop-example-question', text: example.question })
      ]);
      if (example.view && example.view !== 'table') button.setAttribute('data-view', example.view);
      button.addEventListener('click', function () {
        var tab = {
          name: tabName(index, example.title),
          yasqe: { value: example.sparql }
        };
        // A query made for a picture opens in that view; the Table stays one click away.
        if (example.view && example.view !== 'table') tab.yasr = { settings: { selectedPlugin: 'coop' + example.view }, response: undefined };
        yasgui.addTab(true, tab, { avoidDuplicateTabs: true });
      });
      list.appendChild(el('li', {}, [button]));
    });
  }

  /* ---- YASGUI without other hosts ------------------------------------------------------------- */

  /** Words of a name as the lookup compares them: lower case, accents folded. */
  function folded(text) {
    return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  /** An ontology term matches what was typed by its IRI or, after the namespace, by the words of its label. */
  function termMatches(iri, info, typed) {
    var t = folded(typed);
    if (folded(iri).indexOf(t) >= 0) return true;
    var local = t.replace(/^.*[#\/:]/, '');
    if (!local || !info) return false;
    var words = folded(info.label).split(/[^a-z0-9]+/);
    var typedWords = local.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^a-z0-9]+/).filter(Boolean);
    return typedWords.every(function (w) { return words.some(function (x) { return x.indexOf(w) === 0; }); }) ||
      folded(info.label).replace(/\s+/g, '').indexOf(local) === 0;
  }

  function localAutocompletion(page) {
    var Yasqe = Yasgui.Yasqe;
    var info = page.termInfo || {};
    // Classes and properties come from the ontology instead of the Linked Open Vocabularies service, and the
    // list shows each one's label and definition.
    ['class', 'property'].forEach(function (kind) {
      var base = Yasqe.Autocompleters[kind];
      if (!base) return;
      var terms = page.terms[kind] || [];
      Yasqe.registerAutocompleter(Object.assign({}, base, {
        get: function (yasqe, token) {
          var typed = token && token.autocompletionString || '';
          return Promise.resolve(terms.filter(function (iri) { return termMatches(iri, info[iri], typed); }));
        },
        postprocessHints: function (yasqe, hints) {
          return hints.map(function (hint) {
            var iri = yasqe.getPrefixesFromQuery ? expand(hint.text, yasqe.getPrefixesFromQuery()) : hint.text;
            var about = info[iri];
            if (about) {
              hint.displayText = hint.text + ' — ' + about.label + (about.definition ? ': ' + about.definition : '');
              hint.className = 'coop-hint';
            }
            return hint;
          });
        }
      }), true);
    });
    entityAutocompletion(page);
    // The ontology's prefixes first, then YASQE's bundled list (never fetched).
    var prefixes = Yasqe.Autocompleters.prefixes;
    if (prefixes) {
      var ours = page.prefixes.map(function (p) { return p.prefix + ': <' + p.namespace + '>'; });
      var taken = new Set(page.prefixes.map(function (p) { return p.prefix + ':'; }));
      Yasqe.registerAutocompleter(Object.assign({}, prefixes, {
        persistenceId: 'coopkg-prefixes',
        get: function (yasqe, token) {
          return prefixes.get(yasqe, token).then(function (bundled) {
            return ours.concat(bundled.filter(function (line) { return !taken.has(line.split(' ')[0]); }));
          });
        }
      }), true);
    }
    Yasqe.defaults.prefixCcApi = null;
  }

  /** A prefixed name (coop:Country) as a full IRI, by the prefixes the query declares. */
  function expand(text, prefixes) {
    var colon = text.indexOf(':');
    if (colon < 0 || text.charAt(0) === '<') return text.replace(/^<|>$/g, '');
    var ns = prefixes[text.substring(0, colon)];
    return ns ? ns + text.substring(colon + 1) : text;
  }

  /**
   * Entity IRIs by name: typing "<" and the beginning of a name ("<tsing") offers the entities the lookup
   * service (api/lookup) finds, shown with their kind and description, and inserts the IRI.
   */
  function entityAutocompletion(page) {
    var Yasqe = Yasgui.Yasqe;
    var found = new Map();
    var lookup = new URL(page.lookup, document.baseURI).href;
    Yasqe.registerAutocompleter({
      name: 'coopEntities',
      bulk: false,
      autoShow: true,
      isValidCompletionPosition: function (yasqe) {
        var token = yasqe.getCompleteToken();
        var text = token && token.string || '';
        if (text.charAt(0) !== '<' || /^<[a-z][a-z0-9+.-]*:/i.test(text)) return false;
        return text.replace(/^<|>$/g, '').trim().length >= 2;
      },
      preProcessToken: function (yasqe, token) {
        token.autocompletionString = token.string.replace(/^<|>$/g, '');
        return token;
      },
      get: function (yasqe, token) {
        var typed = (token && (token.autocompletionString || token.string) || '').replace(/^<|>$/g, '').trim();
        if (typed.length < 2) return Promise.resolve([]);
        return fetch(lookup + '?' + new URLSearchParams({ q: typed, limit: '10' }), { headers: { Accept: 'application/json' } })
          .then(function (response) {
            if (!response.ok) throw new Error('lookup: HTTP ' + response.status);
            return response.json();
          })
          .then(function (matches) {
            return matches.map(function (m) {
              found.set('<' + m.iri + '>', m);
              labels.set(m.iri, m.label);
              return '<' + m.iri + '>';
            });
          });
      },
      postprocessHints: function (yasqe, hints) {
        return hints.map(function (hint) {
          var m = found.get(hint.text);
          if (m) {
            hint.displayText = m.label + ' (' + m.kind + ')' + (m.description ? ' — ' + m.description : '') + ' ' + hint.text;
            hint.className = 'coop-hint';
          }
          return hint;
        });
      }
    }, true);
  }

  /* ---- labels in result tables ---------------------------------------------------------------- */

  /**
   * Where to open an IRI: an entity of this graph opens its page on this server (the IRI's path under
   * the data's base), whatever host and port the base names; other http(s) IRIs open as they are.
   */
  function linkTarget(iri, idBase) {
    if (idBase && iri.indexOf(idBase) === 0) return 'id/' + iri.substring(idBase.length);
    return /^https?:\/\//i.test(iri) ? iri : null;
  }

  function labelledLinks(prefixes, idBase) {
    var Table = Yasgui.Yasr.plugins.table;
    if (!Table || !Table.prototype.getUriLinkFromBinding) return;
    Table.prototype.getUriLinkFromBinding = function (binding) {
      var iri = binding.value;
      var label = labels.get(iri);
      var target = linkTarget(iri, idBase);
      var href = target ? " href='" + escapeHtml(target) + "'" : '';
      var text = label === undefined ? compact(iri, prefixes) : label;
      return "<a class='iri" + (label === undefined ? '' : ' coop-label') + "' target='_blank' rel='noopener noreferrer'" +
        href + " title='" + escapeHtml(compact(iri, prefixes) + '  ' + iri) + "'>" + escapeHtml(text) + '</a>';
    };
  }

  /** Every IRI of the results, for which no label has been looked up yet. */
  function unlabelledIris(yasr) {
    var results = yasr && yasr.results;
    if (!results || typeof results.getBindings !== 'function') return [];
    var seen = new Set();
    (results.getBindings() || []).forEach(function (row) {
      Object.keys(row).forEach(function (v) {
        var term = row[v];
        if (term && term.type === 'uri' && !labels.has(term.value) && /^[^<>"{}|^`\\\s]+$/.test(term.value)) seen.add(term.value);
      });
    });
    return Array.from(seen).slice(0, MAX_LABEL_LOOKUP);
  }

  function rank(term) {
    var lang = (term['xml:lang'] || '').toLowerCase();
    return lang === 'en' ? 0 : lang.indexOf('en-') === 0 ? 1 : lang === '' ? 2 : 3;
  }

  function lookUpLabels(endpoint, labelProperties, iris) {
    var batches = [];
    for (var i = 0; i < iris.length; i += LABEL_BATCH) batches.push(iris.slice(i, i + LABEL_BATCH));
    var properties = labelProperties.map(function (p) { return '<' + p + '>'; }).join('|');
    return Promise.all(batches.map(function (batch) {
      var query = 'SELECT ?iri ?label WHERE {\n  VALUES ?iri { ' +
        batch.map(function (iri) { return '<' + iri + '>'; }).join(' ') +
        ' }\n  ?iri ' + properties + ' ?label .\n}';
      return fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/sparql-results+json' },
        body: new URLSearchParams({ query: query })
      }).then(function (response) {
        if (!response.ok) throw new Error('label lookup: HTTP ' + response.status);
        return response.json();
      }).then(function (json) {
        var best = new Map();
        json.results.bindings.forEach(function (row) {
          var iri = row.iri.value;
          var current = best.get(iri);
          if (!current || rank(row.label) < rank(current) ||
              (rank(row.label) === rank(current) && row.label.value < current.value)) best.set(iri, row.label);
        });
        batch.forEach(function (iri) { labels.set(iri, best.has(iri) ? best.get(iri).value : undefined); });
        return best.size;
      });
    })).then(function (found) {
      return found.reduce(function (a, b) { return a + b; }, 0);
    });
  }

  function labelResults(tab, endpoint, labelProperties) {
    var yasr = tab.getYasr();
    var iris = unlabelledIris(yasr);
    if (iris.length === 0) return;
    lookUpLabels(endpoint, labelProperties, iris).then(function (found) {
      if (found > 0 && tab.getYasr() === yasr) yasr.refresh();
    }).catch(function (e) {
      console.warn('coop-kg: could not look up labels', e);
    });
  }

  /* ---- start ---------------------------------------------------------------------------------- */

  function start(page) {
    var endpoint = new URL(page.endpoint, document.baseURI).href;
    var prefixMap = {};
    page.prefixes.forEach(function (p) { prefixMap[p.prefix] = p.namespace; });
    var defaultQuery = prefixDeclarations(page.prefixes) + '\n\n' +
      '# What kinds of things does the graph hold?\n' +
      'SELECT ?class (COUNT(DISTINCT ?thing) AS ?things) WHERE {\n' +
      '  ?thing a ?class .\n' +
      '}\nGROUP BY ?class\nORDER BY DESC(?things)\nLIMIT 25\n';

    showSummary(page, endpoint);
    showLinks(page.links);
    showPrefixes(page.prefixes);
    localAutocompletion(page);
    labelledLinks(page.prefixes, page.idBase);
    if (window.CoopResultViews) window.CoopResultViews.register(Yasgui, {
      endpoint: endpoint, idBase: page.idBase, prefixes: page.prefixes, labels: labels,
      linkTarget: function (iri) { return linkTarget(iri, page.idBase); }
    });
    Yasgui.Yasqe.defaults.value = defaultQuery;

    var yasgui = new Yasgui(document.getElementById('yasgui'), {
      requestConfig: { endpoint: endpoint, method: 'POST' },
      copyEndpointOnNewTab: false,
      endpointCatalogueOptions: {
        getData: function () { return [{ endpoint: endpoint }]; }
      },
      persistenceId: 'coopkg',
      tabName: 'Query',
      yasqe: { value: defaultQuery },
      yasr: { prefixes: prefixMap }
    });
    // YASGUI tells of a response before it hands the response to the table: look at it just after.
    yasgui.on('queryResponse', function (instance, tab) {
      setTimeout(function () { labelResults(tab, endpoint, page.labelProperties); }, 0);
    });
    yasgui.on('tabSelect', function (instance, tabId) {
      setTimeout(function () {
        var tab = instance.getTab(tabId);
        if (tab && tab.getYasr()) labelResults(tab, endpoint, page.labelProperties);
      }, 0);
    });
    showExamples(page.examples, yasgui);
    // The tab restored from an earlier visit gets its labels too.
    var current = yasgui.getTab();
    if (current && current.getYasr()) labelResults(current, endpoint, page.labelProperties);
    window.coopkg = { yasgui: yasgui, page: page };
    document.body.setAttribute('data-coopkg-ready', 'true');
  }

  if (!Yasgui) {
    showError('YASGUI did not load (web/yasgui.min.js); the endpoint /coop/sparql still answers queries.');
    return;
  }
  fetch('web/page.json', { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('web/page.json: HTTP ' + response.status);
      return response.json();
    })
    .then(start)
    .catch(function (e) {
      showError('The query page could not start: ' + e.message);
    });
})();
