/* Where the JavaScript side may start its arena: the first address past the module's static data and stack. */
#include "real.h"

extern unsigned char __heap_base;

PB_EXPORT unsigned pb_heap_base(void) { return (unsigned)(size_t)&__heap_base; }
