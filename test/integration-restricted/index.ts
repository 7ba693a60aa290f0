// In-host runner of the Restricted Mode pass: the same mocha runner as test/integration, over this
// folder's tests, in a server started with workspace trust on (see test/harness/run-integration.js).
import { runTestsIn } from '../integration/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
