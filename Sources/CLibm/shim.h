/* libm for the embedded-style core: Glibc is not importable in Embedded Swift. */
#include <math.h>
