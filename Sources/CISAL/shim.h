#ifndef PANELIST_CISAL_SHIM_H
#define PANELIST_CISAL_SHIM_H

#include <isa-l/igzip_lib.h>

#endif
