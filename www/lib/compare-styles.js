// The styles <stance-map-compare> adds to those of <stance-map> (styles.js), which it adopts too:
// the same custom properties and parts theme both.

export const compareCss = `
.article-summaries {
  margin: 0;
  padding-inline-start: 1.4rem;
  display: grid;
  gap: 0.3rem;
}

.summary-line { color: var(--_muted); }

.compare-grid thead th { white-space: normal; min-inline-size: 10rem; }
.compare-grid tbody th { color: var(--_color); }
.compare-grid tbody th .badge { margin-inline-start: 0.4rem; font-weight: 500; }
.compare-grid td { min-inline-size: 11rem; }
.compare-grid td[data-absent] { background: var(--_subtle); }

.absent, .not-quoted { color: var(--_muted); font-size: 0.9rem; }

.cell-positions {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 0.35rem;
}

.cell-positions li { line-height: 1.5; }

button.claim {
  border: none;
  border-radius: 4px;
  padding: 0;
  color: var(--_accent);
  text-align: start;
  text-decoration: underline;
  text-underline-offset: 0.2em;
  overflow-wrap: anywhere;
  font-size: 0.95rem;
}

button.claim:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }

.difference-list {
  margin: 0;
  padding-inline-start: 1.2rem;
  display: grid;
  gap: 0.45rem;
}

.difference-list .side { display: inline; }

@media (max-width: 600px) {
  .compare-grid thead th { min-inline-size: 8.5rem; }
  .compare-grid td { min-inline-size: 8.5rem; }
  .compare-grid tbody th { min-inline-size: 5.5rem; }
  /* The actor column stays in view while the articles' columns scroll past it. */
  .compare-grid tbody th,
  .compare-grid thead th:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .compare-grid thead th:first-child { background: var(--_subtle); }
}
`;
