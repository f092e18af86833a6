type Json = Record<string, unknown>;
const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Browsable API docs rendered on the server from the OpenAPI document: no script, so the CSP stays strict. */
export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = ((doc.components as Json).schemas ?? {}) as Record<string, unknown>;
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = JSON.stringify(
        { parameters: op.parameters, requestBody: op.requestBody, responses: op.responses },
        null,
        2,
      );
      return `<section id="${esc(op.operationId)}"><h3><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)} <small>(${esc(op.operationId)})</small></p><details><summary>Parameters and responses</summary><pre>${esc(body)}</pre></details></section>`;
    }),
  );
  const models = Object.entries(schemas).map(
    ([name, s]) =>
      `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3><pre>${esc(JSON.stringify(s, null, 2))}</pre></section>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} ${esc(info.version)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:13px}.m{display:inline-block;min-width:4.5em;color:#0b5394}
section{border-top:1px solid #ddd;padding:.5rem 0}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}pre{background:#222}.m{color:#8ab4f8}}</style>
</head><body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p><h2>Operations</h2>${ops.join('\n')}<h2>Schemas</h2>${models.join('\n')}</body></html>`;
}
