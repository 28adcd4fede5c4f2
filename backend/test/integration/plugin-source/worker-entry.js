// The worker entry of the plug-in source test (WORKER_ENTRY): the forked worker must know the test's catalog,
// which lives in TypeScript next to this file. TypeScript's own transpiler (already installed for the build)
// compiles each .ts file as it is required; no extra loader package, no build step for test code.
const { readFileSync } = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};

const { runWorkerProcess } = require('../../../src/sync/worker/worker-process.ts');
const { librarySource } = require('./library.source.ts');

runWorkerProcess({ library: librarySource.loadStep });
