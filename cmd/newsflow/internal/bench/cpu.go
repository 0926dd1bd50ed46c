package bench

import (
	"syscall"
	"time"
)

// CPUTime returns the user and system CPU time this process has used. On a
// shared machine it measures the work done whatever the neighbours take.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
