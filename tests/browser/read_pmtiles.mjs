// Reads a PMTiles archive with the `pmtiles` npm package (the reader web maps use) and checks it against the
// folder of the same tiles: the header's zooms and bounds, and every tile's bytes.
// Usage: node read_pmtiles.mjs ARCHIVE.pmtiles FOLDER MINZOOM MAXZOOM
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const { PMTiles } = require(resolve(process.env.CONFLICTMAP_VIEWER ?? "tiles", "node_modules/pmtiles/dist/cjs/index.cjs"));

class FileSource {
  constructor(path) { this.path = path; this.bytes = readFileSync(path); }
  getKey() { return this.path; }
  async getBytes(offset, length) {
    const slice = this.bytes.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) };
  }
}

const [archive, folder, minzoom, maxzoom] = process.argv.slice(2);
const pmtiles = new PMTiles(new FileSource(archive));
const header = await pmtiles.getHeader();
const fail = (message) => { console.error(`FAIL: ${message}`); process.exit(1); };
if (header.specVersion !== 3) fail(`spec version ${header.specVersion}`);
if (header.minZoom !== Number(minzoom) || header.maxZoom !== Number(maxzoom)) fail(`zooms ${header.minZoom}-${header.maxZoom}`);
if (!(header.minLon < header.maxLon && header.minLat < header.maxLat)) fail("empty bounds");
const metadata = await pmtiles.getMetadata();
if (metadata.format !== "png") fail(`metadata format ${metadata.format}`);
let checked = 0;
for (const z of readdirSync(folder).filter((d) => /^\d+$/.test(d))) {
  for (const x of readdirSync(join(folder, z))) {
    for (const file of readdirSync(join(folder, z, x))) {
      const y = Number(file.split(".")[0]);
      const tile = await pmtiles.getZxy(Number(z), Number(x), y);
      if (!tile) fail(`tile ${z}/${x}/${y} is missing from the archive`);
      const expected = readFileSync(join(folder, z, x, file));
      if (Buffer.compare(Buffer.from(tile.data), expected) !== 0) fail(`tile ${z}/${x}/${y} differs`);
      checked += 1;
    }
  }
}
if (await pmtiles.getZxy(0, 0, 0) && !statSync(join(folder, "0"), { throwIfNoEntry: false })) fail("a tile the folder lacks");
console.log(`ok: the pmtiles package reads ${archive}: v3, z${header.minZoom}-${header.maxZoom}, ${checked} tiles identical`);
