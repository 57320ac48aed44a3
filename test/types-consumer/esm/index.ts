// An ES module consumer (a browser app's settings: lib es2022 + dom).
import { nd } from 'ndvec';
import { checks } from './checks.js';

await nd.ready();
console.log(checks());
