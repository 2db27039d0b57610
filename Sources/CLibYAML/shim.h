#ifndef KOERS_CLIBYAML_SHIM_H
#define KOERS_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
