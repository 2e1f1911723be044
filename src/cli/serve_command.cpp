// `conflictmap serve`: the folder `conflictmap web` wrote, on localhost: static files with range requests
// (PMTiles needs them), XYZ tiles out of MBTiles, the right content types and cache headers, and nothing
// outside the folder.
#include "cli/serve_command.hpp"

#include <httplib.h>

#include <fmt/format.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>

#include "web/static_site.hpp"

namespace conflictmap::cli {

namespace {

// Longer paths are refused with 414: no file of a web folder has one
constexpr std::size_t kMaxPathBytes = 2048;

namespace fs = std::filesystem;

httplib::Server* running_server = nullptr;

void stop_on_signal(int) {
  if (running_server) running_server->stop();
}

// Whether a Range header is of the bytes unit, the one unit served ("bytes=", any letter case, RFC 9110).
bool is_bytes_range(std::string_view header) {
  constexpr std::string_view unit = "bytes=";
  if (header.size() < unit.size()) return false;
  for (std::size_t i = 0; i < unit.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != unit[i]) return false;
  }
  return true;
}

class ServeCommand : public Command {
 public:
  explicit ServeCommand(const CommonOptions&) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("serve", "Serve a folder from `conflictmap web` (viewer, tiles, GeoJSON) on localhost");
    app->add_option("folder", folder_, "The folder to serve")->required();
    app->add_option("--port", port_, "TCP port (0: any free port, printed at start)")->capture_default_str();
    app->add_option("--bind", bind_, "Address to listen on; anything other than loopback exposes the map to the network")
        ->capture_default_str();
    app->add_flag("--quiet", quiet_, "Do not log requests");
    return app;
  }

  int run() override {
    if (!fs::is_directory(folder_)) {
      throw std::runtime_error("serve: " + folder_ + " is not a folder (make one with `conflictmap web -o " + folder_ + "`)");
    }
    if (!fs::exists(fs::path(folder_) / "index.html") && !fs::exists(fs::path(folder_) / "config.json")) {
      std::cerr << "serve: warning: " << folder_ << " has no index.html or config.json: is it a `conflictmap web` folder?\n";
    }
    httplib::Server server;
    server.set_payload_max_length(64 * 1024);  // a map viewer sends no bodies
    // Idle or slow clients must not hold every worker: short timeouts, and more workers than a browser opens
    // connections
    server.set_read_timeout(5, 0);
    server.set_write_timeout(10, 0);
    server.set_keep_alive_timeout(2);
    server.set_keep_alive_max_count(100);
    server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    const fs::path root = folder_;
    auto handle = [root](const httplib::Request& request, httplib::Response& response) {
      if (request.path.size() > kMaxPathBytes) {
        response.status = 414;
        response.set_content("the path is too long\n", "text/plain");
        return;
      }
      if (auto tile = mbtiles_tile(root, request.path)) {
        response.set_header("Cache-Control", "public, max-age=3600");
        response.set_content(*tile, request.path.ends_with(".webp") ? "image/webp" : "image/png");
        return;
      }
      const auto file = resolve_site_path(root, request.path);
      if (!file) {
        response.status = 403;
        response.set_content("forbidden path\n", "text/plain");
        return;
      }
      if (!fs::is_regular_file(*file)) {
        response.status = 404;
        response.set_content("not found\n", "text/plain");
        return;
      }
      const auto size = fs::file_size(*file);
      // This httplib answers a range past the end with a Content-Length the body cannot fill (readers such as
      // PMTiles ask for 16 KiB from the start of smaller files), so ranges are clamped to the file first. The
      // request belongs to the server; only its parsed ranges change.
      auto& ranges = const_cast<httplib::Request&>(request).ranges;
      // Many ranges of one file, overlapping or not, would multiply the body a small request asks for: more
      // than one is answered with the whole file, once
      if (ranges.size() > 1) ranges.clear();
      for (auto& [first, last] : ranges) {
        if (first < 0) {  // a suffix range: the last `last` bytes
          first = std::max<ssize_t>(0, ssize_t(size) - last);
          last = ssize_t(size) - 1;
        }
        if (last < 0 || last >= ssize_t(size)) last = ssize_t(size) - 1;
        if (first >= ssize_t(size) || first > last) {
          ranges.clear();
          response.status = 416;
          response.set_header("Content-Range", fmt::format("bytes */{}", size));
          return;
        }
      }
      response.set_header("Cache-Control", cache_control_for(*file));
      response.set_header("X-Content-Type-Options", "nosniff");
      auto stream = std::make_shared<std::ifstream>(*file, std::ios::binary);
      response.set_content_provider(size, content_type_for(*file),
                                    [stream](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                      std::vector<char> buffer(std::min<std::size_t>(length, 1 << 16));
                                      stream->clear();  // a read that reached the end must not block the next
                                      stream->seekg(std::streamoff(offset));
                                      stream->read(buffer.data(), std::streamsize(buffer.size()));
                                      const auto got = std::size_t(stream->gcount());
                                      if (got == 0) return false;
                                      sink.write(buffer.data(), got);
                                      return true;
                                    });
    };
    // Every request is answered before routing: the routes' regular expressions match recursively, per
    // character, and a path of a few kilobytes overflowed a worker's stack
    auto answer = [handle](const httplib::Request& request, httplib::Response& response) {
      if (request.method == "GET" || request.method == "HEAD") {
        handle(request, response);
      } else {
        response.status = 405;
        response.set_header("Allow", "GET, HEAD");
        response.set_content("only GET and HEAD\n", "text/plain");
      }
      return httplib::Server::HandlerResponse::Handled;
    };
    server.set_pre_routing_handler(answer);
    // A Range of another unit than bytes ("items=0-10") is to be ignored (RFC 9110, 14.2), but this httplib
    // refuses any Range it cannot parse with 416 before routing. Its error handler sees that answer: the request
    // is answered there instead, whole, as if it had come without the header.
    server.set_error_handler(httplib::Server::HandlerWithResponse([answer](const httplib::Request& request, httplib::Response& response) {
      if (response.status != 416 || !request.has_header("Range") || !request.ranges.empty() ||
          is_bytes_range(request.get_header_value("Range"))) {
        return httplib::Server::HandlerResponse::Unhandled;
      }
      response.status = 200;
      return answer(request, response);
    }));
    if (!quiet_) {
      server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        std::cerr << fmt::format("serve: {} {} {}\n", printable_path(request.method), printable_path(request.path),
                                 response.status);
      });
    }
    const int port = port_ == 0 ? server.bind_to_any_port(bind_) : (server.bind_to_port(bind_, port_) ? port_ : -1);
    if (port < 0) throw std::runtime_error(fmt::format("serve: cannot listen on {}:{} (in use, or not an address of this machine)", bind_, port_));
    std::cout << fmt::format("serving {} at http://{}:{}/ (Ctrl-C stops)", folder_, bind_, port) << std::endl;
    running_server = &server;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    server.listen_after_bind();
    running_server = nullptr;
    return 0;
  }

 private:
  std::string folder_, bind_ = "127.0.0.1";
  int port_ = 8080;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_serve_command(const CommonOptions& common) { return std::make_unique<ServeCommand>(common); }

}  // namespace conflictmap::cli
