// Side-effect entry: defines <stance-map> in the global registry.
import { StanceMap } from './stance-map-element.js';

StanceMap.define();

export { StanceMap };
