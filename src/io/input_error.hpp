#pragma once
// An error in a user's input, carrying where it is so the message can name the file, line and field.
#include <stdexcept>
#include <string>

namespace conflictmap {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, long line, std::string field, const std::string& message);
  const std::string& file() const { return file_; }
  long line() const { return line_; }
  const std::string& field() const { return field_; }

 private:
  std::string file_;
  long line_;
  std::string field_;
};

}  // namespace conflictmap
