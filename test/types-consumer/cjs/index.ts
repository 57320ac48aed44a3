// A CommonJS consumer: this `import` compiles to require('ndvec') (the package's "require"
// condition, dist/cjs/), and the test runs the output in Node.
import { nd } from 'ndvec';
import { checks } from './checks';

console.log(JSON.stringify({ checks: JSON.parse(checks()), info: nd.info() }));
