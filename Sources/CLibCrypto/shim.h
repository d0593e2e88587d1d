// Only the EVP digest interface: it picks the processor's SHA instructions when it has them.
#include <openssl/evp.h>
