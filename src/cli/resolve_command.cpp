// `conflictmap resolve`: place strings to coordinates, one by one or a whole CSV column.
#include "cli/resolve_command.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/gazetteer_loader.hpp"
#include "core/parallel.hpp"
#include "core/script.hpp"
#include "io/atomic_file.hpp"
#include "io/delimited_table.hpp"
#include "io/input_error.hpp"
#include "resolve/resolution_json.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap::cli {

namespace {

class ResolveCommand : public Command {
 public:
  explicit ResolveCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("resolve", "Resolve place names (any spelling, English or Arabic) to coordinates");
    app->add_option("names", names_, "Place strings to resolve, e.g. \"Tal Rifaat\" or \"village of X in the Y countryside\"");
    app->add_option("--context", contexts_,
                    "Context for every name: a governorate, a region or nearby places, e.g. \"northern countryside of Aleppo\" (repeatable)");
    app->add_flag("--json", json_, "Print JSON: the answer, its status, and ranked candidates with scores");
    app->add_option("--input", input_, "Batch mode: a UTF-8 CSV file with a header row")->check(CLI::ExistingFile);
    app->add_option("--name-column", name_column_, "Batch mode: the column holding the place string");
    app->add_option("--context-column", context_columns_,
                    "Batch mode: a column holding context such as the governorate (repeatable)");
    app->add_option("--output", output_,
                    "Batch mode: the CSV to write; every input column plus "
                    "resolved_lat,resolved_lon,place_id,place_name,score,precision,match,status,namesakes (other places over 25 km away the name fits as well)");
    app->add_option("--threads", threads_, "Batch mode: resolving threads (default: all cores); the output is the same for any number")
        ->check(CLI::Range(1, 1024));
    app->add_option("--max-candidates", max_candidates_, "How many candidates to list (default 5)")->check(CLI::Range(1, 50));
    return app;
  }

  int run() override {
    if (!input_.empty() || !output_.empty() || !name_column_.empty()) return run_batch();
    if (names_.empty()) throw CLI::ValidationError("resolve", "give NAME... or --input FILE --name-column COL --output FILE");
    // checked before any work: a name or context that is not UTF-8 would only fail when the answer is written
    for (const auto* texts : {&names_, &contexts_}) {
      for (const auto& text : *texts) {
        if (!is_valid_utf8(text)) throw CLI::ValidationError(texts == &names_ ? "NAME" : "--context", "not UTF-8 text (convert it to UTF-8 first)");
      }
    }
    const Gazetteer gazetteer = load_selected_gazetteer(common_.gazetteer);
    ResolverOptions options;
    options.max_candidates = max_candidates_;
    const Resolver resolver(gazetteer, options);
    ResolveContext context;
    context.texts = contexts_;
    auto all = nlohmann::ordered_json::array();
    for (const auto& name : names_) {
      const Resolution r = resolver.resolve(name, context);
      if (json_) {
        all.push_back(resolution_to_json(r, gazetteer));
        continue;
      }
      print_text(r, gazetteer);
    }
    if (json_) std::cout << (all.size() == 1 ? all[0] : all).dump(2) << '\n';
    return 0;
  }

 private:
  static void print_text(const Resolution& r, const Gazetteer& gazetteer) {
    if (r.has_point()) {
      std::cout << fmt::format("{}\t{}: {} ({}) at {:.5f}, {:.5f}  score {:.2f}, precision {}, {}{}\n", r.query,
                               to_string(r.status), r.place_name, r.place_id, r.point.lat, r.point.lon, r.score,
                               static_cast<int>(r.precision), to_string(r.match), r.note.empty() ? "" : "; " + r.note);
    } else {
      std::cout << fmt::format("{}\tunresolved: {}\n", r.query, r.note);
    }
    for (const auto& c : r.candidates) {
      const Place& p = gazetteer.at(c.place);
      std::cout << fmt::format("  {:.3f}  {:<28} {:<14} {:<13} {:.4f}, {:.4f}  {} \"{}\"{}\n", std::min(1.0, c.score),
                               p.display_name(), p.id, to_string(p.kind), p.lat, p.lon, to_string(c.match),
                               c.matched_name, c.reason.empty() ? "" : "  [" + c.reason.substr(0, c.reason.size() - 2) + "]");
    }
  }

  int run_batch() {
    if (input_.empty() || name_column_.empty() || output_.empty()) {
      throw CLI::ValidationError("resolve", "batch mode needs --input, --name-column and --output together");
    }
    const auto table = read_delimited_file(input_, ',');
    const std::size_t name_index = table.column(name_column_);
    std::vector<std::size_t> context_indexes;
    for (const auto& column : context_columns_) context_indexes.push_back(table.column(column));
    for (const char* added : {"resolved_lat", "resolved_lon", "place_id", "place_name", "score", "precision", "match", "status", "namesakes"}) {
      if (table.find_column(added)) {
        throw InputError(input_, 1, added, "the input already has this column, which resolve would add");
      }
    }
    const Gazetteer gazetteer = load_selected_gazetteer(common_.gazetteer);
    const Resolver resolver(gazetteer);

    AtomicFile out(output_);
    std::string header;
    for (const auto& h : table.header) header += csv_field(h) + ",";
    out.stream() << header << "resolved_lat,resolved_lon,place_id,place_name,score,precision,match,status,namesakes\n";
    std::size_t counts[4] = {0, 0, 0, 0};
    std::vector<std::string> unresolved;
    // every row's answer depends on that row alone: resolved on every core, written in row order
    std::vector<Resolution> answers(table.records.size());
    run_ranges_on_threads(answers.size(), 256, threads_ ? unsigned(threads_) : available_cores(),
                          [&](std::size_t begin, std::size_t end) {
                            for (std::size_t i = begin; i < end; ++i) {
                              const auto& record = table.records[i];
                              ResolveContext context;
                              context.explain = false;  // the output file has no column for the reasons
                              for (const auto index : context_indexes) context.texts.push_back(record.fields[index]);
                              answers[i] = resolver.resolve(record.fields[name_index], context);
                            }
                          });
    for (std::size_t row = 0; row < table.records.size(); ++row) {
      const auto& record = table.records[row];
      const Resolution& r = answers[row];
      ++counts[static_cast<int>(r.status)];
      std::string line;
      for (const auto& field : record.fields) line += csv_field(field) + ",";
      if (r.has_point()) {
        line += fmt::format("{:.6f},{:.6f},{},{},{:.3f},{},{},{},{}", r.point.lat, r.point.lon, csv_field(r.place_id),
                            csv_field(r.place_name), r.score, static_cast<int>(r.precision), to_string(r.match),
                            to_string(r.status), r.namesakes);
      } else {
        line += ",,,,,,,unresolved,";
        unresolved.push_back(fmt::format("{}:{}: '{}'", input_, record.line, record.fields[name_index]));
      }
      out.stream() << line << '\n';
    }
    out.commit();
    std::cerr << fmt::format("resolve: {} rows → {}: {} resolved, {} ambiguous, {} region only, {} unresolved\n",
                             table.records.size(), output_, counts[0], counts[1], counts[2], counts[3]);
    for (std::size_t i = 0; i < unresolved.size(); ++i) {
      if (i == 20) {
        std::cerr << fmt::format("  … and {} more unresolved (empty resolved_lat in the output)\n", unresolved.size() - 20);
        break;
      }
      std::cerr << "  unresolved: " << unresolved[i] << '\n';
    }
    return 0;
  }

  const CommonOptions& common_;
  std::vector<std::string> names_;
  std::vector<std::string> contexts_;
  bool json_ = false;
  std::string input_;
  std::string name_column_;
  std::vector<std::string> context_columns_;
  std::string output_;
  std::size_t max_candidates_ = 5;
  int threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_resolve_command(const CommonOptions& common) {
  return std::make_unique<ResolveCommand>(common);
}

}  // namespace conflictmap::cli
