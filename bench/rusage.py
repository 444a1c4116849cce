"""Runs a command and writes to file descriptor 3 what bench/measure.ts runOnce reports: the wall time
from its start to its exit, the CPU time the kernel accounted to it (user + system) and its peak
resident memory, each to the microsecond or kilobyte (GNU time prints CPU to 10 ms, and timing the
spawn from Node adds milliseconds of its own to both sides of a comparison).

    /usr/bin/python3 bench/rusage.py COMMAND [ARG...] 3>report   ->  "WALL_MS CPU_MS PEAK_KB"
"""
import os
import sys
import time

argv = sys.argv[1:]
start = time.perf_counter_ns()
pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_CLOSE, 3)])
_, status, usage = os.wait4(pid, 0)
wall_ms = (time.perf_counter_ns() - start) / 1e6
os.write(3, f"{wall_ms} {(usage.ru_utime + usage.ru_stime) * 1e3} {usage.ru_maxrss}\n".encode())
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
