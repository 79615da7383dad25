//go:build browser && bench

package main

// What a browser costs, read from /proc: its processes' memory and CPU
// time, summed over the process tree or one by one.

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// treeUsage sums the private and the resident (private and shared) memory
// (MB) and the user and system CPU time (s, with that of reaped children)
// of pid and its descendants.
func treeUsage(pid int) (privMB, rssMB, cpuS float64) {
	return procTreeUsage(pid, true)
}

// treeUsageOne is treeUsage of pid alone.
func treeUsageOne(pid int) (privMB, rssMB, cpuS float64) {
	return procTreeUsage(pid, false)
}

func procTreeUsage(pid int, tree bool) (privMB, rssMB, cpuS float64) {
	parent := map[int]int{}
	stats := map[int][]string{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		p, _ := strconv.Atoi(filepath.Base(d))
		data, err := os.ReadFile(d + "/stat")
		if err != nil {
			continue
		}
		s := string(data)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 (state) on
		if len(f) < 15 {
			continue
		}
		pp, _ := strconv.Atoi(f[1])
		parent[p], stats[p] = pp, f
	}
	in := func(p int) bool {
		if !tree {
			return p == pid
		}
		for ; p > 1; p = parent[p] {
			if p == pid {
				return true
			}
		}
		return false
	}
	for p, f := range stats {
		if !in(p) {
			continue
		}
		for _, i := range []int{11, 12, 13, 14} { // utime stime cutime cstime
			v, _ := strconv.ParseFloat(f[i], 64)
			cpuS += v / 100
		}
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", p))
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(data), "\n") {
			f := strings.Fields(l)
			if len(f) < 2 {
				continue
			}
			kb, _ := strconv.ParseFloat(f[1], 64)
			switch f[0] {
			case "Private_Clean:", "Private_Dirty:":
				privMB += kb / 1024
			case "Rss:":
				rssMB += kb / 1024
			}
		}
	}
	return privMB, rssMB, cpuS
}

// procUsage says, for each process of the browser, its kind and its
// private memory (MB) and CPU time (s): where a page's cost goes.
func procUsage(pid int) string {
	var out []string
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		p, _ := strconv.Atoi(filepath.Base(d))
		if p != pid && !descends(p, pid) {
			continue
		}
		cmd, _ := os.ReadFile(d + "/cmdline")
		kind := "browser"
		for _, a := range strings.FieldsFunc(string(cmd), func(r rune) bool { return r == 0 || r == ' ' }) {
			if strings.HasPrefix(a, "--type=") {
				kind = strings.TrimPrefix(a, "--type=")
			}
			if strings.HasPrefix(a, "--utility-sub-type=") {
				kind = strings.TrimPrefix(a, "--utility-sub-type=")
			}
		}
		priv, _, cpu := treeUsageOne(p)
		out = append(out, fmt.Sprintf("%s %.0f MB %.2f s", kind, priv, cpu))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func descends(p, of int) bool {
	for i := 0; p > 1 && i < 64; i++ {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			return false
		}
		s := string(data)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		p, _ = strconv.Atoi(f[1])
		if p == of {
			return true
		}
	}
	return false
}
