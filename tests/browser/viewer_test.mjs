// The viewer end to end in headless Chromium (Debian's, driven by playwright-core), served by
// `conflictmap serve`: every tile request succeeds, the map shows its layers, the date slider changes the
// control layer, and an event's popup shows its source sentence.
// Usage: node viewer_test.mjs URL SCREENSHOT.png
import { createRequire } from "node:module";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require(resolve(process.env.CONFLICTMAP_VIEWER ?? "tiles", "node_modules/playwright-core"));
const [url, screenshot] = process.argv.slice(2);
const fail = (message) => { console.error(`FAIL: ${message}`); process.exitCode = 1; };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const failures = [];
  const tileResponses = [];
  page.on("requestfailed", (request) => failures.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.url().includes("/tiles/")) tileResponses.push(response.status());
    if (response.status() >= 400) failures.push(`${response.url()} ${response.status()}`);
  });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.conflictmapViewer?.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.conflictmapViewer.ready);
  await page.waitForTimeout(500);

  // what the map canvas shows: how many pixels differ from the background, and a fingerprint
  const canvasState = () => page.evaluate(() => {
    const map = window.conflictmapViewer.map;
    const gl = map.getCanvas().getContext("webgl2") ?? map.getCanvas().getContext("webgl");
    const { width, height } = map.getCanvas();
    const pixels = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    let coloured = 0, hash = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const background = Math.abs(pixels[i] - 244) + Math.abs(pixels[i + 1] - 241) + Math.abs(pixels[i + 2] - 234) < 12;
      const white = pixels[i] > 250 && pixels[i + 1] > 250 && pixels[i + 2] > 250;
      if (!background && !white) coloured += 1;
      hash = (hash * 31 + pixels[i] * 7 + pixels[i + 1] * 3 + pixels[i + 2]) >>> 0;
    }
    return { coloured: coloured / (width * height), hash };
  });
  const first = await canvasState();
  await page.screenshot({ path: screenshot });
  if (first.coloured < 0.02) fail(`the map is nearly blank (${(first.coloured * 100).toFixed(1)}% coloured)`);
  else console.log(`ok: the map shows its layers (${(first.coloured * 100).toFixed(1)}% of pixels coloured)`);

  // the slider moves to the last snapshot: the control layer changes
  const snapshots = await page.evaluate(() => window.conflictmapViewer.config.control.snapshots.length);
  await page.evaluate((last) => {
    const slider = document.getElementById("date-slider");
    slider.value = String(last);
    slider.dispatchEvent(new Event("input"));
  }, snapshots - 1);
  await page.evaluate(() => new Promise((done) => window.conflictmapViewer.map.once("idle", done)));
  await page.waitForTimeout(300);
  const moved = await canvasState();
  const visible = await page.evaluate(() => window.conflictmapViewer.map.getLayoutProperty(
    `control-${window.conflictmapViewer.config.control.snapshots.length - 1}`, "visibility"));
  const label = await page.textContent("#as-of");
  if (moved.hash === first.hash || visible !== "visible") fail("moving the slider did not change the control layer");
  else console.log(`ok: the slider shows the control layer as of ${label}`);

  // click an event: the popup gives its source sentence
  const event = await page.evaluate(() => {
    const map = window.conflictmapViewer.map;
    const feature = map.querySourceFeatures("events").find((f) => f.properties.notes);
    const point = map.project(feature.geometry.coordinates);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y, notes: feature.properties.notes };
  });
  await page.mouse.click(event.x, event.y);
  await page.waitForSelector(".maplibregl-popup .popup-sentence", { timeout: 5000 });
  const sentence = (await page.$$eval(".maplibregl-popup .popup-sentence", (nodes) => nodes.map((n) => n.textContent))).join(" | ");
  if (!sentence.includes(event.notes.slice(0, 40))) fail(`the popup shows "${sentence}", not the source sentence`);
  else console.log(`ok: the popup shows the source sentence "${event.notes.slice(0, 60)}…"`);

  // click a control zone away from any event: the popup names its controller
  await page.evaluate(() => document.querySelectorAll(".maplibregl-popup").forEach((p) => p.remove()));
  const zoneClick = await page.evaluate(() => {
    const map = window.conflictmapViewer.map;
    const ids = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith("zones-") && map.getLayoutProperty(id, "visibility") !== "none");
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    for (let y = 20; y < canvas.clientHeight; y += 15) {
      for (let x = 20; x < canvas.clientWidth; x += 15) {
        if (map.queryRenderedFeatures([x, y], { layers: ["events"] }).length) continue;
        const [zone] = map.queryRenderedFeatures([x, y], { layers: ids });
        if (zone) return { x: box.left + x, y: box.top + y, label: zone.properties.label };
      }
    }
    return null;
  });
  if (!zoneClick) fail("no control zone to click");
  else {
    await page.mouse.click(zoneClick.x, zoneClick.y);
    await page.waitForSelector(".maplibregl-popup .zone-controller", { timeout: 5000 });
    const controller = await page.textContent(".maplibregl-popup .zone-controller");
    if (controller !== zoneClick.label) fail(`the zone popup names "${controller}", not "${zoneClick.label}"`);
    else console.log(`ok: a zone's popup names its controller (${controller})`);
  }

  // zoomed out, the view holds tiles that were skipped as empty: the map must still settle
  const settled = await page.evaluate(() => new Promise((done) => {
    const map = window.conflictmapViewer.map;
    const timer = setTimeout(() => done(false), 15000);
    map.once("idle", () => { clearTimeout(timer); done(true); });
    map.zoomTo(Math.max(0, map.getZoom() - 3), { animate: false });
  }));
  if (!settled) fail("zoomed out over skipped tiles, the map never settles");
  else console.log("ok: the map settles over tiles skipped as empty");

  if (tileResponses.length === 0) fail("no tile requests were made");
  if (failures.length) fail(`failed requests or errors:\n  ${failures.join("\n  ")}`);
  else console.log(`ok: all ${tileResponses.length} tile requests succeeded (${[...new Set(tileResponses)].join(", ")})`);
} finally {
  await browser.close();
}
