export { StanceMap } from './stance-map-element.js';
