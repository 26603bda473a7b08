// `npm run build` (and `npm start`, through prestart): bundles src/main.ts into dist/main.js (and the feed
// parser's thread into dist/feed-worker.js), so that the bot runs as plain JavaScript. Running the TypeScript through tsx costs the bot process ~40 MB (tsx's
// loader thread and its compiled sources); the bundle takes ~0.1 s to build, so it is built at every start
// and can never be older than the sources. Packages stay in node_modules (not bundled).
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = resolve(root, "dist");

/**
 * Modules find their data files next to their source (`new URL("./catalog.json", import.meta.url)`). In
 * the bundle every module's import.meta.url would be dist/main.js, so each one gets its source file's URL
 * instead, and data files are read from src/ as under tsx.
 */
const sourceUrls = {
  name: "source-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const fromDist = relative(outdir, args.path).split("\\").join("/");
      return {
        contents: source.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
        ),
        loader: "ts",
      };
    });
  },
};

await build({
  absWorkingDir: root,
  // The feed parser's thread (src/ingest/feed-pool.ts starts dist/feed-worker.js when __NASHRA_BUNDLE__ is set).
  entryPoints: { main: "src/main.ts", "feed-worker": "src/ingest/feed-worker.ts" },
  define: { __NASHRA_BUNDLE__: "true" },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  plugins: [sourceUrls],
  logLevel: "warning",
});
