/*
 * The CPUs this process may run on: its affinity mask (taskset, a
 * container's cpuset), not the machine's count, so that threads are not
 * started to wait for one another on a single CPU.
 */
#ifndef UTIL_CPUS_H
#define UTIL_CPUS_H

/* At least 1, at most 1024. */
int usable_cpus(void);

#endif
