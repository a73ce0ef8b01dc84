# Grows a list of freshly written 1 MiB strings until something stops it.
import sys

print("allocating", flush=True)
hoard = []
while True:
    hoard.append(b"x" * (1 << 20) + str(len(hoard)).encode())
    if len(hoard) > 64 * 1024:
        print("ESCAPED allocated 64 GiB")
        sys.exit(1)
