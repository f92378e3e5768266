#ifndef PANELIST_CZLIB_SHIM_H
#define PANELIST_CZLIB_SHIM_H

#include <zlib.h>

#endif
