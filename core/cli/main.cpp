// siterank: rank land parcels for an industrial project.
// Diagnostics go to stderr, data to stdout or -o FILE; the exit code says
// which kind of error stopped a command (exit_codes.hpp). Each command is
// in its own file under commands/.
#include <iostream>
#include <map>
#include <siterank/host/errors.hpp>
#include <siterank/host/signals.hpp>
#include <siterank/version.hpp>

#include "args.hpp"
#include "commands/commands.hpp"
#include "exit_codes.hpp"

namespace siterank::cli {

namespace {

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> cmds{
      {"rank", rank_command()},
      {"report", report_command()},
      {"explain", explain_command()},
      {"plugins", plugins_command()},
      {"platforms", platforms_command()},
      {"validate", validate_command()},
      {"weights", weights_command()},
      {"mcda", mcda_command()},
      {"sensitivity", sensitivity_command()},
      {"isochrones", isochrones_command()},
  };
  return cmds;
}

std::string main_usage() {
  std::string s =
      "Usage: siterank COMMAND [OPTIONS]\n\nRanks land parcels for an industrial investment "
      "project.\n\nCommands:\n";
  for (const auto& [name, c] : commands())
    s += "  " + name + std::string(12 - name.size(), ' ') + c.synopsis.substr(9 + name.size() + 1) +
         "\n";
  s += "\n'siterank COMMAND --help' describes each command.\n"
       "Exit codes: 0 success, 1 internal error, 2 usage error, 3 input error (profile, dataset, "
       "data),\n"
       "4 plugin error, 5 output error.\n";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  install_signal_handling();  // before any thread: no partial output on ^C or a plugin crash
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string command = args.empty() ? "" : args[0];
  try {
    // Without a command, a usage error: one line on stderr, as for every
    // other one; --help prints the usage on stdout.
    if (command.empty())
      throw UsageError("siterank: no command given; siterank --help lists the commands");
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << main_usage();
      return 0;
    }
    if (command == "--version") {
      std::cout << "siterank " << SITERANK_VERSION << " (SDK " << SITERANK_SDK_VERSION_STRING
                << ", API " << SITERANK_SDK_API_VERSION << ")\n";
      return 0;
    }
    const auto it = commands().find(command);
    if (it == commands().end())
      throw UsageError("siterank: unknown command '" + command + "' (see siterank --help)");
    const Command& c = it->second;
    args.erase(args.begin());
    const Args parsed(command, c.options, args);
    if (parsed.has("--help")) {
      std::cout << usage_text(c.synopsis, c.description, c.options);
      return 0;
    }
    return c.run(parsed);
  } catch (const UsageError& e) {
    std::cerr << e.what() << "\n";
    return static_cast<int>(ExitCode::usage);
  } catch (const InputError& e) {
    std::cerr << "siterank " << command << ": error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::input);
  } catch (const PluginError& e) {
    std::cerr << "siterank " << command << ": error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::plugin);
  } catch (const OutputError& e) {
    std::cerr << "siterank " << command << ": error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::output);
  } catch (const std::exception& e) {
    std::cerr << "siterank " << command << ": internal error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace siterank::cli

int main(int argc, char** argv) { return siterank::cli::main(argc, argv); }
