/**
 * Bundles the recording Excel test double (test/doubles/excel-recording-double.ts) and its
 * browser installer into one IIFE script with webpack, the bundler the pane already uses.
 * The harness serves this file where taskpane.html asks for office-js/office.js, so the built
 * pane runs unchanged against the double instead of Excel.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import webpack from 'webpack';
import { DOUBLE_BUNDLE, DOUBLE_ENTRY, ROOT } from './paths';

export async function buildDoubleBundle(): Promise<string> {
  mkdirSync(dirname(DOUBLE_BUNDLE), { recursive: true });
  const compiler = webpack({
    mode: 'development',
    // No eval-based modules or source maps: the pane's CSP forbids eval.
    devtool: false,
    context: ROOT,
    target: ['web', 'es2020'],
    entry: DOUBLE_ENTRY,
    output: { path: dirname(DOUBLE_BUNDLE), filename: basename(DOUBLE_BUNDLE), iife: true, clean: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: `${ROOT}/tsconfig.json`, compilerOptions: { noEmit: false, sourceMap: false } } },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error('webpack gave no result')) : resolve(result))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(`bundling the Excel test double failed:\n${stats.toString({ all: false, errors: true })}`);
  return DOUBLE_BUNDLE;
}
