// Browser bundles. Today: the engine (core + .xlsx host) as a library; the task pane and the
// offline web page are added as entries beside it.
const path = require('path');

module.exports = (_env, argv) => ({
  mode: argv.mode ?? 'production',
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: { 'tricolor-engine': './src/web/engine.ts' },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    library: { name: 'TricolorEngine', type: 'umd' },
    globalObject: 'globalThis',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json' } }],
  },
  performance: { hints: false },
});
