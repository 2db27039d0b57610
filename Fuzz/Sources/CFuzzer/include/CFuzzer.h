#ifndef C_FUZZER_H
#define C_FUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (from libclang_rt.fuzzer_no_main, linked by scripts/fuzz): runs the fuzzing
/// loop with the command line's options, calling `callback` for every input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
