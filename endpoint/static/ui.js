// The query UI: YASGUI against this server's /sparql, with the named queries as examples.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("ui-config").textContent);
  var endpoint = new URL("/sparql", window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: { value: config.defaultQuery, autocompleters: ["prefixes", "variables"] },
    yasr: { prefixes: {} },
  });
  window.reskgYasgui = yasgui;
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
      tab.setName ? tab.setName(example.title) : null;
    });
    item.appendChild(button);
    if (example.description) {
      var note = document.createElement("span");
      note.className = "description";
      note.textContent = example.description;
      item.appendChild(note);
    }
    list.appendChild(item);
  });
})();
