// zlib's raw inflate, with which the .xlsx reader inflates each ZIP entry itself: bounded by the
// entry's compressed size, checked against a limit while it inflates, CRC checked.
#include <zlib.h>
