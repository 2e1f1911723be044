"""What the benchmarks share: one child process's wall time and peak memory."""
import os
import subprocess
import sys
import time


def run(command):
    """Wall time (s) and peak RSS (MB) of one child process; exits naming the command if it fails."""
    start = time.monotonic()
    pid = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).pid
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return time.monotonic() - start, usage.ru_maxrss / 1024
