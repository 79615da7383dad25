//go:build unix

package protocol

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, user and system: on a
// busy machine it tells the work apart from the waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
