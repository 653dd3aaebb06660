/**
 * The start of a worker's `eval` source that lets it `require` the TypeScript sources, compiled as
 * they are required (no build step): how the tests run code in a thread they can stop.
 */
export const REQUIRE_TYPESCRIPT = `
  const ts = require('typescript');
  const fs = require('fs');
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(outputText, filename);
  };
`;
