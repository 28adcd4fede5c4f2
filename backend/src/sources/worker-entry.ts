import { runWorkerProcess } from '../sync/worker/worker-process';
import { SOURCE_DEFINITIONS } from './registry';

// The file the supervisor forks for each run (config `workerEntry`): the worker's composition root.
runWorkerProcess(SOURCE_DEFINITIONS);
