/**
 * @module The endpoints outside the route table (streams, files, exports, the C2SP log), described
 * for the OpenAPI document. Their shapes are not JSON, so they are written here by hand; a test
 * checks every path listed is really served.
 */
type Op = { method: 'get' | 'post'; path: string; tag: string; summary: string; produces: string; consumes?: string; public?: boolean };

export const EXTRA_OPERATIONS: readonly Op[] = [
  { method: 'get', path: '/api/monitoring/events', tag: 'monitoring', summary: 'Server-Sent Events: a report arrived or an incident changed (topic, id, time; refetch to see it)', produces: 'text/event-stream' },
  { method: 'get', path: '/api/handover/events', tag: 'force', summary: 'Server-Sent Events: the plan changed (milestones, deployments, contributions)', produces: 'text/event-stream' },
  { method: 'get', path: '/api/compliance/events', tag: 'compliance', summary: 'Server-Sent Events: a provision changed (delivery, score, dispute)', produces: 'text/event-stream' },
  { method: 'post', path: '/api/evidence', tag: 'monitoring', summary: 'Upload an evidence file (JPEG, PNG, WebP, PDF; 10 MB); stored by its SHA-256, which reports cite', produces: 'application/json', consumes: 'image/jpeg, image/png, image/webp, application/pdf' },
  { method: 'get', path: '/api/evidence/{sha256}', tag: 'monitoring', summary: 'An evidence file by its SHA-256', produces: 'application/octet-stream' },
  { method: 'post', path: '/api/reports/import', tag: 'monitoring', summary: 'Bulk import of reports: CSV with ACLED columns or GeoJSON; all or nothing, bad rows named by line', produces: 'application/json', consumes: 'text/csv, application/geo+json' },
  { method: 'get', path: '/api/force/gap.csv', tag: 'force', summary: 'The gap table for a day as CSV with HXL tags (?on=YYYY-MM-DD)', produces: 'text/csv' },
  { method: 'get', path: '/api/exports/provisions.csv', tag: 'compliance', summary: 'Provisions with derived statuses as CSV (HXL tags; never names)', produces: 'text/csv' },
  { method: 'get', path: '/api/exports/provision-deliveries.csv', tag: 'compliance', summary: 'Delivery events as CSV (counts only; never names)', produces: 'text/csv' },
  { method: 'get', path: '/api/exports/incidents.csv', tag: 'monitoring', summary: "Incidents as CSV with ACLED's column names and HXL tags (list filters apply; parties get points rounded to ~1 km)", produces: 'text/csv' },
  { method: 'get', path: '/api/exports/incidents.geojson', tag: 'monitoring', summary: 'Incidents as GeoJSON (same filters and redaction as the CSV)', produces: 'application/geo+json' },
  { method: 'get', path: '/api/sitrep.md', tag: 'reports', summary: 'The daily situation report as Markdown (?date=YYYY-MM-DD, Asia/Gaza day)', produces: 'text/markdown' },
  { method: 'get', path: '/api/log/proof', tag: 'log', summary: 'tlog-proof bundle (inclusion proof + signed checkpoint) and the entry at ?index=N (public, like the log)', produces: 'application/json', public: true },
  { method: 'get', path: '/log/checkpoint', tag: 'log', summary: 'C2SP signed checkpoint (witness-cosigned when witnesses are configured)', produces: 'text/plain', public: true },
  { method: 'get', path: '/log/vkey', tag: 'log', summary: "The log's Ed25519 verifier key", produces: 'text/plain', public: true },
  { method: 'get', path: '/log/tile/{L}/{N}', tag: 'log', summary: 'C2SP tlog-tiles hash tile (full tiles immutable; partial ones as .p/{W})', produces: 'application/octet-stream', public: true },
  { method: 'get', path: '/log/tile/entries/{N}', tag: 'log', summary: 'C2SP tlog-tiles entry bundle (partial ones as .p/{W})', produces: 'application/octet-stream', public: true },
];
