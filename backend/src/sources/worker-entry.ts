import { runWorkerProcess } from '../sync/worker/worker-process';
import { WORKER_STEPS } from './worker-steps';

// The file the supervisor forks for each run (config `workerEntry`): the worker's composition root. It loads the
// run's own source step only, never the registry of definitions.
runWorkerProcess(WORKER_STEPS);
