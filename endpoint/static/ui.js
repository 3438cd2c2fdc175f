// The query UI: YASGUI against this server's /sparql, with the named queries as examples.
//
// - results table (YASR's, subclassed): numbers, dates and texts as values; IRIs as labels
//   (one more query to /sparql per result) or prefixed names; our own IRIs (under the base IRI)
//   link to their page on this server, in the same tab; other http(s) IRIs open in a new tab;
// - a chart view of the results drawn with the vendored Vega-Lite (pick x, y, colour, mark);
// - examples load the query without its "#+" header; title, description and parameters are
//   shown beside the editor.
// Nothing here calls another server: no LOV, no prefix.cc, no CDN.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("ui-config").textContent);
  var endpoint = new URL("/sparql", window.location.href).href;
  var base = config.baseIri;
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"];
  var TEMPORAL = ["date", "dateTime", "time", "gYear", "gYearMonth", "gMonthDay"];
  var LABEL_PREDICATES = ["http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label", "https://schema.org/name",
    "http://purl.org/dc/terms/title"];
  var MAX_LABELLED = 300;  // IRIs per label query (keeps it well under the query length limit)
  var labels = Object.create(null);  // IRI -> label

  // Namespaces, longest first, so reskg: (under the base IRI) wins over the base itself, which
  // shows as the empty prefix.
  var namespaces = Object.keys(config.prefixes).map(function (p) {
    return [p, config.prefixes[p]];
  });
  namespaces.push(["", base]);
  namespaces.sort(function (a, b) { return b[1].length - a[1].length; });

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function isOurs(iri) { return iri.indexOf(base) === 0 && iri.length > base.length; }

  // The path on this server that dereferences one of our IRIs (a hash IRI by its document).
  function localHref(iri) { return "/" + iri.slice(base.length); }

  function prefixed(iri) {
    for (var i = 0; i < namespaces.length; i++) {
      var ns = namespaces[i][1];
      if (iri.indexOf(ns) === 0 && iri.length > ns.length) {
        return namespaces[i][0] + ":" + iri.slice(ns.length);
      }
    }
    return iri;
  }

  function shown(iri) { return labels[iri] || prefixed(iri); }

  function xsdType(binding) {
    var dt = binding.datatype;
    return dt && dt.indexOf(XSD) === 0 ? dt.slice(XSD.length) : null;
  }

  function isNumeric(binding) {
    return !!binding && binding.type !== "uri" && NUMERIC.indexOf(xsdType(binding)) >= 0;
  }

  function iriHtml(iri) {
    var title = escapeHtml(iri);
    var text = escapeHtml(shown(iri));
    if (isOurs(iri)) {
      return "<a class='iri' href='" + escapeHtml(localHref(iri)) + "' title='" + title +
        "' data-iri='" + title + "'>" + text + "</a>";
    }
    if (/^https?:\/\//i.test(iri)) {
      return "<a class='iri' href='" + title + "' target='_blank' rel='noopener noreferrer'" +
        " title='" + title + "' data-iri='" + title + "'>" + text + "</a>" +
        "<span class='external' aria-hidden='true'>↗</span>";
    }
    return "<span class='iri' title='" + title + "'>" + text + "</span>";
  }

  function literalHtml(binding, compact) {
    var value = escapeHtml(binding.value);
    if (binding.value.length > 80) value = "<span class='wide-text'>" + value + "</span>";
    var local = xsdType(binding);
    if (binding["xml:lang"]) {
      return compact ? value : value + "<span class='lang'>@" + escapeHtml(binding["xml:lang"]) +
        "</span>";
    }
    if (NUMERIC.indexOf(local) >= 0) {
      return "<span class='num' title='xsd:" + local + "'>" + value + "</span>";
    }
    if (local !== null) {
      return "<span class='value' title='xsd:" + escapeHtml(local) + "'>" + value + "</span>";
    }
    if (binding.datatype && !compact) {
      return value + "<span class='datatype'>" + escapeHtml(prefixed(binding.datatype)) +
        "</span>";
    }
    return value;
  }

  var BaseTable = Yasgui.Yasr.plugins.table;
  class ReskgTable extends BaseTable {
    constructor(yasr) {
      super(yasr);
      // Ellipsis needs fixed column widths, which cut headers: off unless asked for.
      this.persistentConfig = { isEllipsed: false };
    }
    getCellContent(binding) {
      var html;
      if (binding.type === "uri") html = iriHtml(binding.value);
      else if (binding.type === "bnode") html = "_:" + escapeHtml(binding.value);
      else html = literalHtml(binding, !!this.persistentConfig.compact);
      return "<div>" + html + "</div>";
    }
    getUriLinkFromBinding(binding) { return iriHtml(binding.value); }
    formatLiteral(binding) { return literalHtml(binding, !!this.persistentConfig.compact); }
  }
  Yasgui.Yasr.registerPlugin("table", ReskgTable);

  // ------------------------------------------------------------------------------ labels

  var IRIREF = /^[^<>"{}|^`\\\u0000-\u0020]+$/;

  function fetchLabels(bindings) {
    var wanted = [];
    var seen = Object.create(null);
    bindings.forEach(function (row) {
      Object.keys(row).forEach(function (name) {
        var b = row[name];
        if (b && b.type === "uri" && !(b.value in labels) && !seen[b.value] &&
            IRIREF.test(b.value) && wanted.length < MAX_LABELLED) {
          seen[b.value] = true;
          wanted.push(b.value);
        }
      });
    });
    if (!wanted.length) return Promise.resolve(false);
    var query = "SELECT ?s ?label WHERE { VALUES ?s { " +
      wanted.map(function (iri) { return "<" + iri + ">"; }).join(" ") + " } ?s " +
      LABEL_PREDICATES.map(function (p) { return "<" + p + ">"; }).join("|") + " ?label }";
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json" },
      body: new URLSearchParams({ query: query }),
    }).then(function (response) {
      if (!response.ok) return false;
      return response.json().then(function (json) {
        var best = Object.create(null);
        json.results.bindings.forEach(function (row) {
          var lang = (row.label["xml:lang"] || "").toLowerCase().split("-")[0];
          var rank = { ru: 0, en: 1, "": 2 }[lang];
          if (rank === undefined) rank = 3;
          var iri = row.s.value;
          if (!(iri in best) || rank < best[iri][0]) best[iri] = [rank, row.label.value];
        });
        Object.keys(best).forEach(function (iri) { labels[iri] = best[iri][1]; });
        return true;
      });
    }).catch(function () { return false; });
  }

  function relabel(root) {
    root.querySelectorAll("a.iri[data-iri]").forEach(function (a) {
      var iri = a.getAttribute("data-iri");
      if (labels[iri] && a.textContent !== labels[iri]) a.textContent = labels[iri];
    });
  }

  // ------------------------------------------------------------------------------ chart

  function columnKinds(variables, bindings) {
    var kinds = {};
    variables.forEach(function (name) {
      var numeric = true, temporal = true, any = false;
      bindings.forEach(function (row) {
        var b = row[name];
        if (!b) return;
        any = true;
        if (!isNumeric(b)) numeric = false;
        if (TEMPORAL.indexOf(xsdType(b)) < 0) temporal = false;
      });
      kinds[name] = !any ? "nominal" : numeric ? "quantitative" : temporal ? "temporal" : "nominal";
    });
    return kinds;
  }

  function ChartPlugin(yasr) {
    this.yasr = yasr;
    this.label = "Chart";
    this.priority = 5;
    this.persistentConfig = {};
  }
  ChartPlugin.prototype.canHandleResults = function () {
    var results = this.yasr.results;
    return !!(results && results.getVariables && results.getBindings &&
              results.getVariables().length > 0 && (results.getBindings() || []).length > 0);
  };
  ChartPlugin.prototype.getIcon = function () {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "15");
    svg.setAttribute("height", "15");
    [[1, 9, 3, 6], [6, 4, 3, 11], [11, 7, 3, 8]].forEach(function (r) {
      var rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      rect.setAttribute("x", r[0]); rect.setAttribute("y", r[1]);
      rect.setAttribute("width", r[2]); rect.setAttribute("height", r[3]);
      rect.setAttribute("fill", "currentColor");
      svg.appendChild(rect);
    });
    var holder = document.createElement("div");
    holder.appendChild(svg);
    return holder;
  };
  ChartPlugin.prototype.draw = function () {
    var self = this;
    var variables = this.yasr.results.getVariables();
    var bindings = this.yasr.results.getBindings();
    var kinds = columnKinds(variables, bindings);
    var numeric = variables.filter(function (v) { return kinds[v] === "quantitative"; });
    var others = variables.filter(function (v) { return kinds[v] !== "quantitative"; });
    var state = this.persistentConfig;
    // Defaults: y the last numeric column (counts come last), x the first other column, and
    // when x is a number or a date (a series), colour by the first text column.
    if (state.y !== "" && numeric.indexOf(state.y) < 0) state.y = numeric[numeric.length - 1] || "";
    if (variables.indexOf(state.x) < 0) {
      state.x = variables.filter(function (v) { return v !== state.y; })[0] || variables[0];
    }
    if (state.color !== "" && (others.indexOf(state.color) < 0 || state.color === state.x)) {
      state.color = kinds[state.x] === "nominal" ? "" : others.filter(function (v) {
        return v !== state.x;
      })[0] || "";
    }
    if (["bar", "line", "point"].indexOf(state.mark) < 0) state.mark = "bar";

    var root = document.createElement("div");
    root.className = "reskg-chart";
    var form = document.createElement("form");
    function select(name, label, options, value) {
      var wrap = document.createElement("label");
      wrap.textContent = label + " ";
      var sel = document.createElement("select");
      sel.name = name;
      options.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o[0];
        opt.textContent = o[1];
        opt.selected = o[0] === value;
        sel.appendChild(opt);
      });
      sel.addEventListener("change", function () {
        state[name] = sel.value;
        self.draw();
      });
      wrap.appendChild(sel);
      form.appendChild(wrap);
    }
    function pairs(list) { return list.map(function (v) { return [v, "?" + v]; }); }
    select("x", "x", pairs(variables), state.x);
    select("y", "y", pairs(numeric).concat([["", "number of rows"]]), state.y);
    select("color", "colour", [["", "none"]].concat(pairs(others.filter(function (v) {
      return v !== state.x;
    }))), state.color);
    select("mark", "as", [["bar", "bars"], ["line", "line"], ["point", "points"]], state.mark);
    root.appendChild(form);
    var view = document.createElement("div");
    view.className = "view";
    root.appendChild(view);
    var results = this.yasr.resultsEl;
    while (results.firstChild) results.firstChild.remove();
    results.appendChild(root);

    var values = bindings.map(function (row) {
      var out = {};
      variables.forEach(function (name) {
        var b = row[name];
        if (!b) out[name] = null;
        else if (kinds[name] === "quantitative") out[name] = Number(b.value);
        else if (b.type === "uri") out[name] = shown(b.value);
        else out[name] = b.value;
      });
      return out;
    });
    // numbers on x (years, positions) are categories, not a scale
    var xType = kinds[state.x] === "quantitative" ? "ordinal" : kinds[state.x];
    var y = state.y ? { field: state.y, type: "quantitative", aggregate: "sum", title: state.y }
      : { aggregate: "count", type: "quantitative", title: "rows" };
    var encoding = {
      x: { field: state.x, type: xType, sort: xType === "nominal" ? null : "ascending",
           axis: { labelLimit: 220 } },
      y: y,
      tooltip: [{ field: state.x, type: xType }, y],
    };
    if (state.color) {
      encoding.color = { field: state.color, type: "nominal", legend: { labelLimit: 260 } };
      encoding.tooltip.push({ field: state.color, type: "nominal" });
    }
    var spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      data: { values: values },
      mark: { type: state.mark, tooltip: true, point: state.mark === "line" },
      encoding: encoding,
      width: "container",
      height: 360,
    };
    view.style.width = "100%";
    return vegaEmbed(view, spec, { actions: false, renderer: "svg" }).catch(function (error) {
      view.textContent = "Cannot draw this chart: " + error.message;
    });
  };
  Yasgui.Yasr.registerPlugin("chart", ChartPlugin);

  // ------------------------------------------------------------------------------ YASGUI

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    // only completers that need no remote service (the prefix list is bundled; the property
    // and class completers would ask LOV)
    yasqe: { value: config.defaultQuery, autocompleters: ["prefixes", "variables"] },
    yasr: { prefixes: config.prefixes, pluginOrder: ["table", "chart", "response"],
            defaultPlugin: "table" },
  });
  window.reskgYasgui = yasgui;
  window.reskgLabels = labels;

  // A tab announces the response before it hands it to its YASR: read the results after that.
  yasgui.on("queryResponse", function (_yasgui, tab) {
    window.setTimeout(function () {
      var yasr = tab.getYasr();
      var results = yasr && yasr.results;
      if (!results || !results.getBindings) return;
      fetchLabels(results.getBindings() || []).then(function (changed) {
        if (!changed) return;
        if (yasr.selectedPlugin === "chart") yasr.draw();
        else relabel(yasr.resultsEl);  // rows drawn later take the labels from the map
      });
    }, 0);
  });

  // ------------------------------------------------------------------------------ examples

  // `code` spans of a description as <code>, the rest as text (never HTML).
  function fillText(element, text) {
    element.textContent = "";
    String(text || "").split("`").forEach(function (part, i) {
      if (i % 2) {
        var code = document.createElement("code");
        code.textContent = part;
        element.appendChild(code);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  function showExample(example) {
    document.getElementById("example").hidden = false;
    document.getElementById("example-title").textContent = example.title;
    fillText(document.getElementById("example-description"), example.description);
    var params = document.getElementById("example-parameters");
    var list = params.querySelector("ul");
    list.textContent = "";
    (example.parameters || []).forEach(function (p) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = "?" + p.name;
      item.appendChild(code);
      var note = document.createElement("span");
      fillText(note, " (" + p.type + (p.optional ? ", optional" : "") + "): " + p.description);
      item.appendChild(note);
      list.appendChild(item);
    });
    params.hidden = !(example.parameters || []).length;
    document.getElementById("example-link").href = "/queries/" + encodeURIComponent(example.name);
  }

  var list = document.getElementById("examples");
  config.examples.forEach(function (example) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = example.title;
    button.dataset.query = example.name;
    button.addEventListener("click", function () {
      var tab = yasgui.getTab();
      tab.setQuery(example.text);
      if (tab.setName) tab.setName(example.title);
      showExample(example);
      list.querySelectorAll("li.current").forEach(function (li) { li.classList.remove("current"); });
      item.classList.add("current");
    });
    item.appendChild(button);
    if (example.description) {
      var note = document.createElement("span");
      note.className = "description";
      fillText(note, example.description);
      item.appendChild(note);
    }
    list.appendChild(item);
  });
})();
