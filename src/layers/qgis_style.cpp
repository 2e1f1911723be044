#include "layers/qgis_style.hpp"

#include <fmt/format.h>

#include "layers/density_ramp.hpp"

namespace conflictmap {

namespace {

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string rgba_text(const std::array<std::uint8_t, 4>& c) { return fmt::format("{},{},{},{}", c[0], c[1], c[2], c[3]); }

std::string document(const std::string& category, const std::string& body) {
  return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
         "<qgis version=\"3.22.0\" styleCategories=\"" + category + "\">\n" + body + "</qgis>\n";
}

std::string fill_symbol(int name, const std::array<std::uint8_t, 4>& fill, const std::string& outline, double opacity) {
  return fmt::format(
      "      <symbol type=\"fill\" name=\"{}\" alpha=\"{}\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
      "        <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
      "          <prop k=\"color\" v=\"{}\"/>\n"
      "          <prop k=\"style\" v=\"solid\"/>\n"
      "          <prop k=\"outline_color\" v=\"{}\"/>\n"
      "          <prop k=\"outline_style\" v=\"solid\"/>\n"
      "          <prop k=\"outline_width\" v=\"0.2\"/>\n"
      "          <prop k=\"outline_width_unit\" v=\"MM\"/>\n"
      "        </layer>\n"
      "      </symbol>\n",
      name, opacity, rgba_text({fill[0], fill[1], fill[2], 255}), outline);
}

std::string level_text(double value) { return fmt::format("{:.6g}", value); }

}  // namespace

std::string density_raster_style(double maximum, const std::string& unit) {
  std::string items;
  for (const auto& stop : density_ramp()) {
    const double value = stop.fraction * maximum;
    items += fmt::format("          <item value=\"{:.9g}\" color=\"{}\" alpha=\"{}\" label=\"{} {}\"/>\n", value,
                         hex_colour(stop.rgba), stop.rgba[3], level_text(value), escaped(unit));
  }
  return document(
      "Symbology",
      fmt::format("  <pipe>\n"
                  "    <rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"1\" alphaBand=\"-1\""
                  " classificationMin=\"0\" classificationMax=\"{:.9g}\" nodataColor=\"\">\n"
                  "      <rasterTransparency/>\n"
                  "      <minMaxOrigin><limits>None</limits><extent>WholeRaster</extent></minMaxOrigin>\n"
                  "      <rastershader>\n"
                  "        <colorrampshader colorRampType=\"INTERPOLATED\" classificationMode=\"2\" clip=\"0\""
                  " minimumValue=\"0\" maximumValue=\"{:.9g}\">\n{}"
                  "        </colorrampshader>\n"
                  "      </rastershader>\n"
                  "    </rasterrenderer>\n"
                  "    <brightnesscontrast brightness=\"0\" contrast=\"0\"/>\n"
                  "    <huesaturation saturation=\"0\" grayscaleMode=\"0\" colorizeOn=\"0\"/>\n"
                  "    <rasterresampler maxOversampling=\"2\"/>\n"
                  "  </pipe>\n"
                  "  <blendMode>0</blendMode>\n",
                  maximum, maximum, items));
}

std::string isoband_style(const std::vector<double>& levels, double maximum, const std::string& unit) {
  std::string ranges, symbols;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const double upper = i + 1 < levels.size() ? levels[i + 1] : maximum;
    ranges += fmt::format("      <range lower=\"{:.9g}\" upper=\"{:.9g}\" symbol=\"{}\" label=\"{} – {} {}\" render=\"true\"/>\n",
                          levels[i], upper, i, level_text(levels[i]), level_text(upper), escaped(unit));
    const auto colour = density_colour(maximum > 0 ? levels[i] / maximum : 0);
    symbols += fill_symbol(int(i), colour, "0,0,0,0", 0.75);
  }
  return document("Symbology",
                  "  <renderer-v2 type=\"graduatedSymbol\" attr=\"density_min\" graduatedMethod=\"GraduatedColor\""
                  " symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
                  "    <ranges>\n" + ranges + "    </ranges>\n"
                  "    <symbols>\n" + symbols + "    </symbols>\n"
                  "  </renderer-v2>\n");
}

std::string control_raster_style(const ControllerPalette& palette) {
  std::string entries;
  for (const auto& category : palette.categories()) {
    entries += fmt::format("        <paletteEntry value=\"{}\" color=\"{}\" alpha=\"255\" label=\"{}\"/>\n", category.value,
                           hex_colour(category.rgba), escaped(category.label));
  }
  return document("Symbology",
                  "  <pipe>\n"
                  "    <rasterrenderer type=\"paletted\" band=\"1\" opacity=\"0.7\" alphaBand=\"-1\" nodataColor=\"\">\n"
                  "      <rasterTransparency/>\n"
                  "      <minMaxOrigin><limits>None</limits><extent>WholeRaster</extent></minMaxOrigin>\n"
                  "      <colorPalette>\n" + entries + "      </colorPalette>\n"
                  "    </rasterrenderer>\n"
                  "    <brightnesscontrast brightness=\"0\" contrast=\"0\"/>\n"
                  "    <huesaturation saturation=\"0\" grayscaleMode=\"0\" colorizeOn=\"0\"/>\n"
                  "    <rasterresampler/>\n"
                  "  </pipe>\n"
                  "  <blendMode>0</blendMode>\n");
}

std::string control_zone_style(const ControllerPalette& palette) {
  std::string categories, symbols;
  int index = 0;
  for (const auto& category : palette.categories()) {
    categories += fmt::format("      <category value=\"{}\" symbol=\"{}\" label=\"{}\" render=\"true\"/>\n",
                              escaped(category.code), index, escaped(category.label));
    symbols += fill_symbol(index, category.rgba, "255,255,255,160", 0.7);
    ++index;
  }
  return document("Symbology",
                  "  <renderer-v2 type=\"categorizedSymbol\" attr=\"controller\" symbollevels=\"0\" enableorderby=\"0\""
                  " forceraster=\"0\">\n"
                  "    <categories>\n" + categories + "    </categories>\n"
                  "    <symbols>\n" + symbols + "    </symbols>\n"
                  "  </renderer-v2>\n");
}

std::string front_line_style() {
  return document("Symbology",
                  "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
                  "    <symbols>\n"
                  "      <symbol type=\"line\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
                  "        <layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\">\n"
                  "          <prop k=\"line_color\" v=\"20,20,20,255\"/>\n"
                  "          <prop k=\"line_style\" v=\"solid\"/>\n"
                  "          <prop k=\"line_width\" v=\"0.6\"/>\n"
                  "          <prop k=\"line_width_unit\" v=\"MM\"/>\n"
                  "          <prop k=\"capstyle\" v=\"round\"/>\n"
                  "          <prop k=\"joinstyle\" v=\"round\"/>\n"
                  "        </layer>\n"
                  "      </symbol>\n"
                  "    </symbols>\n"
                  "  </renderer-v2>\n");
}

}  // namespace conflictmap
