// glibc's allocator controls (malloc_trim); Swift's Glibc module does not include malloc.h.
#include <malloc.h>
