// Test fixture: a shared library named like a plugin that is not one.
extern "C" __attribute__((visibility("default"))) int some_function() { return 42; }
