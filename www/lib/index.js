// The package's main entry: the analyser (loaded lazily into a worker, shared by the whole page),
// the <stance-map> class (not defined: import "stancemap/define" for that), and the helpers the
// element and the demo page use, for sites that build their own interface.
export { analyze, compare, preload, AnalysisError, defaultTimeout } from './analyser.js';
export { StanceMap, highlightedArticle } from './stance-map-element.js';
export { StanceMapCompare, MAX_COMPARED, firstLine } from './stance-map-compare-element.js';
export { comparisonTable, comparisonToCSV, comparisonToJSON, comparisonToMarkdown, comparisonToTSV } from './compare-export.js';
export { MAX_INPUT_BYTES, utf8Length } from './limits.js';
export { htmlToText, hasDataTable, parseInert, textOf } from './plain-text.js';
export { tableGrid, tableToCSV, tableToJSON, tableToMarkdown, tableToTSV, tableToElement } from './table-export.js';
