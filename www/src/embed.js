// The example news page's script: defining the element is all it takes. A site using the npm
// package writes:  import 'stancemap/define';
import '../lib/define.js';
