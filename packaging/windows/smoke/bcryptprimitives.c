/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8
 * lacks: Go's runtime (1.21 and later) loads ProcessPrng from it at start
 * and from the system directory only. Copied into a throwaway Wine
 * prefix by run.sh; never shipped: every Windows 10/11 PC has the real one.
 */
#include <windows.h>

/* advapi32's RtlGenRandom, exported by that name. */
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
