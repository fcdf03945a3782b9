/**
 * @module A self-contained API reference page at /api/docs (no CDN: missions run on closed
 * networks). It renders /api/openapi.json with a small script served beside it.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Truce API</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#14202b;background:#f5f7f9}
header{background:#12324a;color:#fff;padding:1rem 2rem}main{padding:1rem 2rem;max-width:70rem}
details{background:#fff;border:1px solid #cfd8e0;border-radius:6px;margin:.5rem 0;padding:.5rem 1rem}
summary{cursor:pointer;font-weight:600}code,pre{font:13px ui-monospace,monospace}
pre{background:#eef2f5;padding:.75rem;overflow:auto;border-radius:4px}
.m{display:inline-block;min-width:4.5rem;text-transform:uppercase;color:#fff;border-radius:3px;padding:0 .4rem;margin-inline-end:.5rem;text-align:center}
.get{background:#1f6f43}.post{background:#1d4f91}.patch{background:#8a5a00}.delete{background:#9b1c1c}.put{background:#5b3a8a}
</style></head><body><header><h1>Truce API</h1><p>OpenAPI 3.1: <a style="color:#fff" href="/api/openapi.json">/api/openapi.json</a></p></header>
<main id="ops" aria-live="polite">Loading…</main><script src="/api/docs.js"></script></body></html>`;

export const DOCS_JS = `(async()=>{const r=await fetch('/api/openapi.json');const d=await r.json();const m=document.getElementById('ops');m.textContent='';
for(const [p,ops] of Object.entries(d.paths)){for(const [method,op] of Object.entries(ops)){const det=document.createElement('details');const s=document.createElement('summary');
const b=document.createElement('span');b.className='m '+method;b.textContent=method;s.append(b,document.createTextNode(p+' — '+op.summary));det.append(s);
const pre=document.createElement('pre');pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);det.append(pre);m.append(det);}}})();`;
