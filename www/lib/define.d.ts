// Importing this module defines <stance-map> and <stance-map-compare> in the global custom-element registry.
export { StanceMap } from './stance-map-element.js';
export { StanceMapCompare } from './stance-map-compare-element.js';
