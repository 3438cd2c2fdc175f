// Charts of the home page and the graph view of a resolution (endpoint/home.py), drawn with the
// vendored Vega-Lite / Vega (static/vega/). The data comes from a JSON block of the page; the same
// data is in server-rendered tables beside each chart, so the page reads without this script.
(function () {
  "use strict";
  var options = { actions: false, renderer: "svg" };

  function bars(values, title) {
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      data: { values: values },
      width: "container",
      mark: { type: "bar", cursor: "pointer", tooltip: true },
      encoding: {
        y: { field: "label", type: "nominal", sort: "-x", title: null,
             axis: { labelLimit: 260 } },
        x: { field: "count", type: "quantitative", title: title,
             axis: { tickMinStep: 1, format: "d" } },
        href: { field: "url" }
      }
    };
  }

  var specs = {
    topicsOverTime: function (values) {
      return {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        data: { values: values },
        width: "container",
        mark: { type: "rect", tooltip: true },
        encoding: {
          x: { field: "year", type: "ordinal", title: "Year" },
          y: { field: "topic", type: "nominal", title: null, axis: { labelLimit: 260 } },
          color: { field: "recommendations", type: "quantitative", title: "Recommendations" }
        }
      };
    },
    byAddressee: function (values) { return bars(values, "Recommendations"); },
    byTopic: function (values) { return bars(values, "Recommendations"); },
    resolutionsByYear: function (values) {
      return {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        data: { values: values },
        width: "container",
        height: 160,
        mark: { type: "bar", tooltip: true },
        encoding: {
          x: { field: "label", type: "ordinal", title: "Year" },
          y: { field: "count", type: "quantitative", title: "Resolutions",
               axis: { tickMinStep: 1, format: "d" } }
        }
      };
    },
    resolutionsByPlace: function (values) { return bars(values, "Resolutions"); },
    places: function (values) {
      // A plain longitude/latitude projection of our own points: no tiles, no base map.
      return {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        data: { values: values },
        width: "container",
        height: 260,
        projection: { type: "equirectangular" },
        layer: [
          { mark: { type: "circle", tooltip: true },
            encoding: {
              longitude: { field: "long", type: "quantitative" },
              latitude: { field: "lat", type: "quantitative" },
              size: { field: "resolutions", type: "quantitative", title: "Resolutions" }
            } },
          { mark: { type: "text", dy: -10 },
            encoding: {
              longitude: { field: "long", type: "quantitative" },
              latitude: { field: "lat", type: "quantitative" },
              text: { field: "label" }
            } }
        ]
      };
    }
  };

  function forceGraph(graph) {
    // A Vega force-directed layout: nodes coloured by kind, links between them.
    return {
      $schema: "https://vega.github.io/schema/vega/v6.json",
      width: 900, height: 600, autosize: "none",
      signals: [{ name: "cx", update: "width / 2" }, { name: "cy", update: "height / 2" }],
      data: [
        { name: "node-data", values: graph.nodes },
        { name: "link-data", values: graph.links }
      ],
      scales: [{ name: "color", type: "ordinal", domain: { data: "node-data", field: "kind" },
                 range: { scheme: "category10" } }],
      legends: [{ fill: "color", orient: "top-left", title: "Kind" }],
      marks: [
        { name: "nodes", type: "symbol", zindex: 1, from: { data: "node-data" },
          encode: { enter: { fill: { scale: "color", field: "kind" }, stroke: { value: "white" },
                             size: { value: 220 }, tooltip: { field: "label" },
                             href: { field: "href" }, cursor: { value: "pointer" } } },
          transform: [{ type: "force", iterations: 300, static: true, signal: "force",
                        forces: [
                          { force: "center", x: { signal: "cx" }, y: { signal: "cy" } },
                          { force: "collide", radius: 12 },
                          { force: "nbody", strength: -90 },
                          { force: "link", links: "link-data", distance: 70 }
                        ] }] },
        { type: "path", from: { data: "link-data" }, interactive: false,
          encode: { update: { stroke: { value: "#aab" }, strokeWidth: { value: 1 } } },
          transform: [{ type: "linkpath", require: { signal: "force" }, shape: "line",
                        sourceX: "datum.source.x", sourceY: "datum.source.y",
                        targetX: "datum.target.x", targetY: "datum.target.y" }] },
        { type: "text", from: { data: "nodes" }, interactive: false, zindex: 2,
          encode: { update: { x: { field: "x" }, y: { field: "y" }, dx: { value: 9 },
                              dy: { value: 3 }, fontSize: { value: 10 },
                              text: { signal: "slice(datum.datum.label, 0, 40)" } } } }
      ]
    };
  }

  function read(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }

  var data = read("chart-data");
  if (data) {
    document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
      var name = el.dataset.chart, values = data[name];
      if (!specs[name] || !values || !values.length) { return; }
      vegaEmbed(el, specs[name](values), options).catch(function (error) {
        el.textContent = "The chart could not be drawn: " + error;
      });
    });
  }
  var graph = read("diagram-data");
  var box = document.getElementById("diagram");
  if (graph && box) {
    vegaEmbed(box, forceGraph(graph), options).catch(function (error) {
      box.textContent = "The graph could not be drawn: " + error;
    });
  }
})();
