// Importing this module defines <stance-map> in the global custom-element registry.
export { StanceMap } from './stance-map-element.js';
