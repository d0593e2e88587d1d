// libexpat's streaming (SAX) parser: fed chunk by chunk as the ZIP entry inflates.
#include <expat.h>
