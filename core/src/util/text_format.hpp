// Small text helpers for outputs: CSV, JSON and HTML escaping, and with
// them display width and padding (declared in the public
// siterank/host/text.hpp, implemented in text_format.cpp) and numbers
// (format_fixed, append_fixed, format_general: deterministic, locale-free;
// the SDK's siterank/number_text.hpp, shared with the plugins).
#pragma once

#include <siterank/host/text.hpp>
#include <siterank/number_text.hpp>
#include <string>
#include <string_view>

namespace siterank {

std::string csv_quote(std::string_view s);
std::string json_escape(std::string_view s);
// &, <, > and " as entities, for HTML text and attribute values.
std::string html_escape(std::string_view s);
// ,"key":v with at most `decimals` decimals, or ,"key":null for NaN: one
// member of a JSON object the writers build as text.
void append_json_number(std::string& s, const char* key, double v, int decimals);

}  // namespace siterank
