#include "util/json_file.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <siterank/host/errors.hpp>
#include <vector>

#include "util/input_files.hpp"

namespace siterank {

namespace {

// The whole file, refusing what is no JSON document: a directory, or
// more than max_json_bytes (which also stops /dev/zero or an endless pipe).
std::string read_bounded(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(path + ": is a directory, not a JSON file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open file");
  note_input_file(path);
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_json_bytes)
      throw InputError(path + ": larger than " + std::to_string(max_json_bytes >> 20) +
                       " MiB, too large for a profile, manifest or matrix");
  }
  if (in.bad()) throw InputError(path + ": read failed");
  return text;
}

std::string line_col(const std::string& text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

// Refuses duplicate keys (nlohmann keeps the last silently, which hides a
// typo'd override) and nesting deeper than max_json_depth, naming the
// object's path.
// The parser copies its callback, so the frames live outside it, where
// read_json_file can still ask where the parser was when it threw.
struct JsonFrame {
  bool object;
  std::set<std::string> keys;
  std::string last_key;
};

// "$.a.b[]": the path of the value being read (array positions are not
// counted); with `inner`, down to the innermost frame's current key.
std::string json_where(const std::vector<JsonFrame>& frames, bool inner) {
  std::string s = "$";
  const std::size_t n = inner ? frames.size() : (frames.empty() ? 0 : frames.size() - 1);
  for (std::size_t i = 0; i < n; ++i) s += frames[i].object ? "." + frames[i].last_key : "[]";
  return s;
}

class StrictKeys {
 public:
  StrictKeys(const std::string& path, std::vector<JsonFrame>& frames)
      : path_(path), frames_(frames) {}

  bool operator()(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start:
        if (depth >= max_json_depth)
          throw InputError(path_ + ": " + where() + ": nested deeper than " +
                           std::to_string(max_json_depth) + " levels");
        frames_.push_back({event == E::object_start, {}, ""});
        break;
      case E::object_end:
      case E::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case E::key: {
        JsonFrame& f = frames_.back();
        const std::string key = parsed.get<std::string>();
        if (!f.keys.insert(key).second)
          throw InputError(path_ + ": " + where() + ": duplicate key '" + key +
                           "' (JSON keeps only one; remove the other)");
        f.last_key = key;
        break;
      }
      case E::value:
        break;
    }
    return true;
  }

 private:
  std::string where() const { return json_where(frames_, false); }
  const std::string& path_;
  std::vector<JsonFrame>& frames_;
};

}  // namespace

nlohmann::json read_json_file(const std::string& path) {
  const std::string text = read_bounded(path);
  std::vector<JsonFrame> frames;
  try {
    return nlohmann::json::parse(text, StrictKeys(path, frames));
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (const auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    throw InputError(path + ":" + line_col(text, e.byte) + ": JSON " + what);
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double (1e309) and the like.
    std::string what = e.what();
    if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError(path + ": " + json_where(frames, true) + ": JSON " + what);
  }
}

}  // namespace siterank
