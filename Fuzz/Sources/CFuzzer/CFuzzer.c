// The declaration in include/CFuzzer.h is all there is; libFuzzer provides the definition.
#include "CFuzzer.h"
