// Side-effect entry: defines <stance-map> and <stance-map-compare> in the global registry.
import { StanceMap } from './stance-map-element.js';
import { StanceMapCompare } from './stance-map-compare-element.js';

StanceMap.define();
StanceMapCompare.define();

export { StanceMap, StanceMapCompare };
