// A bundler project (Vite, esbuild): moduleResolution "bundler", extensionless imports.
import { nd } from 'ndvec';
import { checks } from './checks';

void nd.ready().then(() => console.log(checks()));
