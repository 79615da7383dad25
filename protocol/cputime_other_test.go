//go:build !unix

package protocol

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
