// The shadow-DOM styles of <stance-map>, adopted as a constructed stylesheet (which a strict
// style-src allows, unlike a <style> element). Everything a host page may want to change is a
// custom property (--stance-map-*) or a ::part; colours follow the host page's color-scheme
// through light-dark(), so the element is dark only where the page itself is.
// Logical properties throughout, so that the Arabic interface mirrors by itself.

export const css = /* css */ `
:host {
  display: block;
  --_color: var(--stance-map-color, light-dark(#1b1f24, #e6edf3));
  --_muted: var(--stance-map-muted, light-dark(#57606a, #9aa7b4));
  --_surface: var(--stance-map-surface, light-dark(#ffffff, #171d24));
  --_subtle: var(--stance-map-subtle, light-dark(#f6f7f9, #0f1419));
  --_border: var(--stance-map-border, light-dark(#d0d7de, #30363d));
  --_accent: var(--stance-map-accent, light-dark(#0b5cad, #6cb6ff));
  --_radius: var(--stance-map-radius, 10px);
  --_gap: var(--stance-map-gap, 1.25rem);
  --_evidence: var(--stance-map-evidence, light-dark(#fff0a8, #6b5a00));
  --_evidence-color: var(--stance-map-evidence-color, light-dark(#1b1f24, #fff8d6));
  --_error: var(--stance-map-error, light-dark(#b42318, #ff8f87));
  /* Actor colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies. */
  --_c0: var(--stance-map-actor-0, light-dark(#0072b2, #4da3e0));
  --_c1: var(--stance-map-actor-1, light-dark(#d55e00, #ff8a4c));
  --_c2: var(--stance-map-actor-2, light-dark(#009e73, #2fd4a0));
  --_c3: var(--stance-map-actor-3, light-dark(#cc79a7, #e79ac6));
  --_c4: var(--stance-map-actor-4, light-dark(#e69f00, #f2b84b));
  --_c5: var(--stance-map-actor-5, light-dark(#56b4e9, #8fd0f5));
  --_c6: var(--stance-map-actor-6, light-dark(#7a6a00, #d9c84a));
  --_c7: var(--stance-map-actor-7, light-dark(#6a3d9a, #b58be0));
  color: var(--_color);
  font-family: var(--stance-map-font, inherit);
  line-height: 1.55;
}

:host([hidden]) { display: none; }

*, *::before, *::after { box-sizing: border-box; }

[data-colour="0"] { --actor: var(--_c0); }
[data-colour="1"] { --actor: var(--_c1); }
[data-colour="2"] { --actor: var(--_c2); }
[data-colour="3"] { --actor: var(--_c3); }
[data-colour="4"] { --actor: var(--_c4); }
[data-colour="5"] { --actor: var(--_c5); }
[data-colour="6"] { --actor: var(--_c6); }
[data-colour="7"] { --actor: var(--_c7); }

.root {
  display: grid;
  gap: var(--_gap);
  min-inline-size: 0;
}

.sections {
  display: grid;
  gap: var(--_gap);
  min-inline-size: 0;
}

.sections:empty { display: none; }

:focus-visible {
  outline: 3px solid var(--_accent);
  outline-offset: 2px;
}

.status {
  margin: 0;
  color: var(--_muted);
  font-size: 0.9rem;
}

.status:empty { display: none; }

.status[data-state="error"] {
  color: var(--_error);
  font-weight: 600;
}

.status[data-state="analysing"]::before {
  content: "";
  display: inline-block;
  inline-size: 0.7em;
  block-size: 0.7em;
  margin-inline-end: 0.4em;
  border-radius: 50%;
  background: var(--_accent);
  animation: pulse 0.9s ease-in-out infinite alternate;
}

@keyframes pulse {
  from { opacity: 0.25; }
  to { opacity: 1; }
}

@media (prefers-reduced-motion: reduce) {
  .status[data-state="analysing"]::before { animation: none; }
}

.panel {
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  box-shadow: var(--stance-map-shadow, none);
  padding: 1rem 1.1rem 1.1rem;
  min-inline-size: 0;
}

.panel-heading {
  margin: 0 0 0.6rem;
  font-size: 1.1rem;
  line-height: 1.3;
}

.empty-note {
  margin: 0;
  color: var(--_muted);
}

button {
  font: inherit;
  font-size: 0.92rem;
  color: var(--_accent);
  background: transparent;
  border: 1px solid var(--_border);
  border-radius: 999px;
  padding: 0.3rem 0.85rem;
  cursor: pointer;
}

button:hover { border-color: var(--_accent); }

.swatch {
  display: inline-block;
  flex: none;
  inline-size: 0.8rem;
  block-size: 0.8rem;
  border-radius: 3px;
  background: var(--actor, var(--_muted));
}

.badge {
  display: inline-block;
  flex: none;
  padding: 0.05rem 0.5rem;
  border-radius: 999px;
  font-size: 0.78rem;
  font-weight: 600;
  line-height: 1.5;
  white-space: nowrap;
  border: 1px solid var(--_border);
  color: var(--_muted);
}

/* Actors */

.actor-list {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr));
  gap: 0.75rem;
}

.actor {
  border: 1px solid var(--_border);
  border-inline-start: 5px solid var(--actor, var(--_border));
  border-radius: 8px;
  padding: 0.6rem 0.75rem;
  min-inline-size: 0;
  cursor: pointer;
}

.actor[data-focused] {
  border-color: var(--actor);
  box-shadow: 0 0 0 1px var(--actor);
}

.actor-head {
  display: flex;
  align-items: center;
  gap: 0.5rem;
}

button.actor-name {
  flex: 1 1 auto;
  min-inline-size: 0;
  border: none;
  border-radius: 4px;
  padding: 0;
  color: inherit;
  font-size: 1rem;
  font-weight: 700;
  text-align: start;
  overflow-wrap: anywhere;
}

.actor-role,
.actor-aliases {
  color: var(--_muted);
  font-size: 0.9rem;
  overflow-wrap: anywhere;
}

.actor-stats {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  margin-block-start: 0.4rem;
  font-size: 0.85rem;
  color: var(--_muted);
}

.mention-count { white-space: nowrap; }

.salience {
  flex: 1 1 auto;
  block-size: 0.45rem;
  background: var(--_subtle);
  border: 1px solid var(--_border);
  border-radius: 999px;
  overflow: hidden;
}

.salience-fill {
  display: block;
  block-size: 100%;
  background: var(--actor, var(--_accent));
}

.salience-value {
  font-variant-numeric: tabular-nums;
  min-inline-size: 2.6em;
  text-align: end;
}

/* One actor in focus: the others step back everywhere, losing their colour (not their
   contrast: faded text would be hard to read). */

.root[data-focus] .actor:not([data-focused]),
.root[data-focus] .position-group:not([data-focused]) {
  filter: grayscale(1);
}

.root[data-focus] .actor:not([data-focused]) {
  border-inline-start-color: var(--_border);
}

.root[data-focus] mark.mention:not([data-focused]) {
  background: transparent;
  border-block-end-color: color-mix(in srgb, var(--actor) 35%, transparent);
}

.root[data-focus] mark.mention[data-focused] {
  background: light-dark(color-mix(in srgb, var(--actor) 45%, transparent), color-mix(in srgb, var(--actor) 60%, transparent));
}

.comparison [data-focused] {
  background: color-mix(in srgb, var(--actor, var(--_accent)) 12%, transparent);
}

/* Positions */

.position-groups {
  display: grid;
  gap: 0.9rem;
}

.position-actor {
  display: flex;
  align-items: center;
  gap: 0.45rem;
  margin: 0 0 0.35rem;
  font-size: 1rem;
}

.position-list {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 0.4rem;
}

.position {
  display: flex;
  align-items: baseline;
  gap: 0.6rem;
  inline-size: 100%;
  text-align: start;
  color: var(--_color);
  border: 1px solid var(--_border);
  border-radius: 8px;
  padding: 0.45rem 0.6rem;
  line-height: 1.55;
  font-size: 0.95rem;
}

button.position[aria-pressed="true"] {
  border-color: var(--_accent);
  background: color-mix(in srgb, var(--_accent) 10%, transparent);
}

.evidence-text {
  flex: 1 1 auto;
  overflow-wrap: anywhere;
}

.badge.stance[data-stance="supports"],
.badge.stance[data-stance="agrees"],
.badge.stance[data-stance="proposes"] {
  color: light-dark(#0d6b3a, #7ee2a8);
  background: light-dark(#e3f5ea, transparent);
  border-color: light-dark(#9fd8b5, #2f7a4f);
}

.badge.stance[data-stance="opposes"],
.badge.stance[data-stance="rejects"] {
  color: light-dark(#a4161a, #ff9b9b);
  background: light-dark(#fde8e8, transparent);
  border-color: light-dark(#f3a9ab, #8f3434);
}

.badge.stance[data-stance="threatens"],
.badge.stance[data-stance="warns"],
.badge.stance[data-stance="accuses"] {
  color: light-dark(#8a4b00, #ffc774);
  background: light-dark(#fff1dc, transparent);
  border-color: light-dark(#f2c27b, #8a5a14);
}

.badge.stance[data-stance="demands"] {
  color: light-dark(#5b2a86, #d3b3f5);
  background: light-dark(#f1e8fb, transparent);
  border-color: light-dark(#cdb0ec, #6a4a91);
}

/* Comparison table */

.table-source {
  margin: -0.3rem 0 0.6rem;
  color: var(--_muted);
  font-size: 0.9rem;
}

.table-scroll {
  overflow-x: auto;
  border: 1px solid var(--_border);
  border-radius: 8px;
}

table.comparison {
  border-collapse: collapse;
  inline-size: 100%;
  font-size: 0.95rem;
}

.comparison th,
.comparison td {
  padding: 0.5rem 0.7rem;
  border-block-end: 1px solid var(--_border);
  text-align: start;
  vertical-align: top;
  overflow-wrap: break-word;
}

/* Narrow columns would break words letter by letter; the table scrolls instead. */
.comparison td { min-inline-size: 9rem; }
.comparison tbody th { min-inline-size: 6rem; }

.comparison tbody tr:last-child > * { border-block-end: none; }

.comparison thead th {
  background: var(--_subtle);
  white-space: nowrap;
}

.comparison thead th .swatch {
  margin-inline-end: 0.4rem;
  vertical-align: -0.05em;
}

.comparison tbody th {
  font-weight: 600;
  color: var(--_muted);
}

.export {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.4rem;
  margin-block-start: 0.75rem;
  font-size: 0.9rem;
}

.export-label { color: var(--_muted); }

.export button { font-size: 0.85rem; padding: 0.2rem 0.7rem; }

.export-status {
  color: var(--_muted);
  margin-inline-start: 0.25rem;
}

/* Article view */

.article-text {
  position: relative;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  line-height: 1.9;
  font-size: 1.02rem;
  max-block-size: var(--stance-map-article-max-height, 70vh);
  overflow-y: auto;
}

/* A long article fills the box to its maximum height, so its layout (300,000 characters with
   thousands of marks take a few hundred ms) can wait until the box is near the viewport. */
.article-text.long {
  content-visibility: auto;
  contain-intrinsic-block-size: auto var(--stance-map-article-max-height, 70vh);
}

mark.mention {
  color: inherit;
  background: light-dark(color-mix(in srgb, var(--actor) 24%, transparent), color-mix(in srgb, var(--actor) 38%, transparent));
  border-block-end: 2px solid var(--actor);
  border-radius: 3px;
  padding-inline: 0.05em;
  cursor: pointer;
}

.evidence {
  background: var(--_evidence);
  color: var(--_evidence-color);
  outline: 2px solid color-mix(in srgb, var(--_evidence) 60%, var(--_color));
  border-radius: 3px;
}

.evidence:focus-visible { outline: 3px solid var(--_accent); }

button.back-link {
  margin-inline-start: 0.3em;
  vertical-align: 0.1em;
  padding: 0 0.45em;
  font-size: 0.85em;
  line-height: 1.4;
  white-space: nowrap;
}

/* The glyph is generated, so that the article view's text stays exactly the article. */
button.back-link::before { content: "↑"; }
`;
