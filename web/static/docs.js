// /docs: the OpenAPI description of the API, rendered from /openapi.json with textContent only.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") node.textContent = v; else if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c) node.append(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

function refName(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array" && schema.items) return `[${refName(schema.items)}]`;
  return schema.type || "";
}

async function start() {
  const spec = await (await fetch("/openapi.json")).json();
  const box = document.getElementById("docs");
  while (box.firstChild) box.removeChild(box.firstChild);
  box.append(el("p", {text: spec.info.description || ""}),
    el("p", {class: "hint", text: `Version ${spec.info.version}. Bodies are JSON (or YAML with Content-Type: application/yaml), at most 1 MB; invalid input gives 422 with one line naming the field.`}));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const part = el("div", {class: "op"}, el("div", {}, el("span", {class: "method", text: method.toUpperCase()}),
        el("span", {class: "path", text: path}), " – ", op.summary || ""));
      if (op.parameters && op.parameters.length) {
        part.append(el("table", {}, el("tr", {}, el("th", {text: "parameter"}), el("th", {text: "in"}), el("th", {text: "schema"})),
          op.parameters.map((p) => el("tr", {}, el("td", {text: p.name}), el("td", {text: p.in}),
            el("td", {text: JSON.stringify(p.schema)})))));
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (body) part.append(el("div", {text: `Request body: ${refName(body.schema)}`}));
      for (const [code, r] of Object.entries(op.responses || {})) {
        const json = r.content && r.content["application/json"];
        part.append(el("div", {class: "hint", text: `${code}: ${r.description || ""} ${json ? refName(json.schema) : Object.keys(r.content || {}).join(", ")}`}));
      }
      box.append(part);
    }
  }
  box.append(el("h2", {text: "Schemas"}));
  for (const [name, schema] of Object.entries((spec.components || {}).schemas || {})) {
    box.append(el("details", {}, el("summary", {text: name}), el("pre", {class: "schema", text: JSON.stringify(schema, null, 2)})));
  }
}

document.addEventListener("DOMContentLoaded", () => { start().catch((e) => { document.getElementById("docs").textContent = String(e); }); });
