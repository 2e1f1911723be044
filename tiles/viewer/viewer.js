// The conflictmap viewer: control zones with a date slider, strike density, events with their source
// sentences, and the gazetteer's admin boundaries as an offline basemap. Everything it loads comes from the
// folder `conflictmap web` wrote, described by config.json.
"use strict";

// Empty tiles are not stored; the PMTiles protocol answers a missing raster tile with no data at all, on
// which MapLibre waits forever, so a missing tile becomes a transparent pixel.
const TRANSPARENT_PNG = Uint8Array.from(atob(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII="), (c) => c.charCodeAt(0));
const protocol = new pmtiles.Protocol();
maplibregl.addProtocol("pmtiles", async (params, abortController) => {
  const response = await protocol.tilev4(params, abortController);
  if (params.type !== "json" && response.data === null) return { data: TRANSPARENT_PNG.slice().buffer };
  return response;
});

const viewer = { map: null, config: null, snapshot: 0 };
window.conflictmapViewer = viewer;

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function style(config) {
  const sources = {
    boundaries: { type: "geojson", data: config.boundaries },
  };
  const layers = [
    { id: "background", type: "background", paint: { "background-color": "#f4f1ea" } },
  ];
  if (config.online_basemap) {
    sources.online = { type: "raster", tiles: config.online_basemap.tiles, tileSize: 256,
                       attribution: config.online_basemap.attribution };
    layers.push({ id: "online", type: "raster", source: "online", layout: { visibility: "none" } });
  }
  layers.push({ id: "boundaries-fill", type: "fill", source: "boundaries",
                paint: { "fill-color": "#ffffff", "fill-opacity": 0.6 } });
  (config.control?.snapshots ?? []).forEach((snapshot, i) => {
    sources[`control-${i}`] = { type: "raster", url: `pmtiles://${snapshot.tiles}`, tileSize: 256 };
    layers.push({ id: `control-${i}`, type: "raster", source: `control-${i}`,
                  layout: { visibility: i === 0 ? "visible" : "none" }, paint: { "raster-opacity": 0.75,
                  "raster-resampling": "nearest" } });
    if (snapshot.zones) {
      // invisible fills over the raster zones: clicking one tells who holds it and which reports decided it
      sources[`zones-${i}`] = { type: "geojson", data: snapshot.zones };
      layers.push({ id: `zones-${i}`, type: "fill", source: `zones-${i}`,
                    layout: { visibility: i === 0 ? "visible" : "none" }, paint: { "fill-opacity": 0 } });
    }
    if (snapshot.fronts) {
      sources[`fronts-${i}`] = { type: "geojson", data: snapshot.fronts };
      layers.push({ id: `fronts-${i}`, type: "line", source: `fronts-${i}`,
                    layout: { visibility: i === 0 ? "visible" : "none" },
                    paint: { "line-color": "#141414", "line-width": 1.5 } });
    }
  });
  if (config.density) {
    sources.density = { type: "raster", url: `pmtiles://${config.density.tiles}`, tileSize: 256 };
    layers.push({ id: "density", type: "raster", source: "density", paint: { "raster-opacity": 0.85 } });
  }
  layers.push({ id: "boundaries-line", type: "line", source: "boundaries",
                paint: { "line-color": "#6b6b6b", "line-width": 0.8 } });
  if (config.events) {
    sources.events = { type: "geojson", data: config.events };
    layers.push({ id: "events", type: "circle", source: "events",
                  paint: { "circle-radius": 5, "circle-color": "#1f3b73", "circle-stroke-color": "#ffffff",
                           "circle-stroke-width": 1.5 } });
  }
  return { version: 8, sources, layers };
}

function setVisible(ids, visible) {
  for (const id of ids) {
    if (viewer.map.getLayer(id)) viewer.map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
  }
}

function showSnapshot(index) {
  const snapshots = viewer.config.control?.snapshots ?? [];
  viewer.snapshot = index;
  const controlOn = document.getElementById("toggle-control").checked;
  const frontsOn = document.getElementById("toggle-fronts").checked;
  snapshots.forEach((_, i) => {
    setVisible([`control-${i}`, `zones-${i}`], controlOn && i === index);
    setVisible([`fronts-${i}`], frontsOn && i === index);
  });
  document.getElementById("as-of").textContent = snapshots[index]?.as_of ?? "";
}

function legend(config) {
  const control = document.getElementById("legend-control");
  for (const category of config.control?.categories ?? []) {
    const row = document.createElement("div");
    row.className = "legend-row";
    row.innerHTML = `<span class="swatch" style="background:${escapeHtml(category.colour)}"></span>${escapeHtml(category.label)}`;
    control.appendChild(row);
  }
  if (config.density) {
    const stops = config.density.ramp.map((s) => `rgba(${s.rgba[0]},${s.rgba[1]},${s.rgba[2]},${s.rgba[3] / 255}) ${s.fraction * 100}%`);
    document.getElementById("legend-density").innerHTML =
      `<div>Strike density (${escapeHtml(config.density.unit)})</div>` +
      `<div class="ramp" style="background:linear-gradient(to right, ${stops.join(",")})"></div>` +
      `<div class="ramp-labels"><span>0</span><span>${Number(config.density.maximum).toPrecision(3)}</span></div>`;
  }
}

function popupFor(feature) {
  const p = feature.properties;
  const actors = [p.actor1, p.actor2].filter(Boolean).map(escapeHtml).join(" vs ");
  return `<strong>${escapeHtml(p.sub_event_type)}</strong> — ${escapeHtml(p.location)}` +
         `<div class="popup-meta">${escapeHtml(p.event_date || "undated")}${actors ? " · " + actors : ""}` +
         `${p.strike_count ? " · " + escapeHtml(p.strike_count) + " strikes" : ""}</div>` +
         `<div class="popup-sentence">“${escapeHtml(p.notes)}”</div>` +
         `<div class="popup-meta">${escapeHtml(p.source_document)}</div>`;
}

function zonePopup(feature) {
  const p = feature.properties;
  let ids = p.event_ids;
  if (typeof ids === "string") {
    try { ids = JSON.parse(ids); } catch { ids = [ids]; }
  }
  ids = (ids ?? []).filter(Boolean);
  return `<strong class="zone-controller">${escapeHtml(p.label)}</strong>` +
         `<div class="popup-meta">as of ${escapeHtml(p.as_of)} · ${escapeHtml(p.settlements)} settlements · ` +
         `${escapeHtml(p.area_km2)} km²</div>` +
         (ids.length ? `<div class="popup-meta">decided by events ${ids.slice(0, 12).map(escapeHtml).join(", ")}` +
                       `${ids.length > 12 ? " …" : ""}</div>` : `<div class="popup-meta">from the baseline</div>`);
}

async function start() {
  const config = await (await fetch("config.json")).json();
  viewer.config = config;
  document.getElementById("title").textContent = config.title;
  document.getElementById("credits").textContent = config.attribution ?? "";
  const map = new maplibregl.Map({
    container: "map", style: style(config), bounds: config.bounds, fitBoundsOptions: { padding: 20 },
    attributionControl: { compact: true }, canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  viewer.map = map;
  map.addControl(new maplibregl.NavigationControl(), "top-left");
  legend(config);
  const slider = document.getElementById("date-slider");
  const snapshots = config.control?.snapshots ?? [];
  slider.max = String(Math.max(0, snapshots.length - 1));
  if (snapshots.length < 2) document.getElementById("dates").hidden = snapshots.length === 0;
  slider.addEventListener("input", () => showSnapshot(Number(slider.value)));
  for (const [box, ids] of [["toggle-density", ["density"]], ["toggle-events", ["events"]],
                            ["toggle-boundaries", ["boundaries-fill", "boundaries-line"]], ["toggle-online", ["online"]]]) {
    document.getElementById(box).addEventListener("change", (e) => setVisible(ids, e.target.checked));
  }
  for (const box of ["toggle-control", "toggle-fronts"]) {
    document.getElementById(box).addEventListener("change", () => showSnapshot(viewer.snapshot));
  }
  // Every event under the pointer: several reports often name the same village.
  map.on("click", "events", (e) => {
    const html = e.features.map(popupFor).join("<hr>");
    new maplibregl.Popup({ maxWidth: "360px" }).setLngLat(e.features[0].geometry.coordinates).setHTML(html).addTo(map);
  });
  map.on("click", (e) => {
    if (map.queryRenderedFeatures(e.point, { layers: ["events"].filter((id) => map.getLayer(id)) }).length) return;
    const zoneLayers = (config.control?.snapshots ?? []).map((_, i) => `zones-${i}`).filter((id) => map.getLayer(id));
    const zone = map.queryRenderedFeatures(e.point, { layers: zoneLayers })[0];
    if (zone) new maplibregl.Popup({ maxWidth: "360px" }).setLngLat(e.lngLat).setHTML(zonePopup(zone)).addTo(map);
  });
  map.on("mouseenter", "events", () => { map.getCanvas().style.cursor = "pointer"; });
  map.on("mouseleave", "events", () => { map.getCanvas().style.cursor = ""; });
  map.on("error", (e) => console.error("map error:", e.error?.message ?? e));
  map.once("load", () => showSnapshot(0));
  viewer.ready = new Promise((resolve) => map.once("idle", resolve));
}

start().catch((error) => {
  document.body.insertAdjacentHTML("afterbegin", `<p style="color:#b00">The viewer could not start: ${escapeHtml(error.message)}</p>`);
  console.error(error);
});
