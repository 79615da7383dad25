// Command throughput measures `respond` as a whole process on the sample
// transcript, against the limit of reading that input and writing that
// output once.
//
//	go run ./protocol/testdata/throughput [-runs 7] [-lines 200000] BINARY [BINARY…]
//
// It writes protocol.SampleTranscript to a file, then in each run starts,
// in turn, every BINARY as `BINARY respond -policy msn-2009-06` and two
// copies made by itself: the input copied to the output (cat), and the
// input read while respond's output is copied to the output (read input +
// write output), both through bufio with respond's buffer sizes. Output
// goes to a file, as a log's answers would. It prints a Markdown table of
// lines per second (wall clock and CPU), the ratio to the copies and the
// peak resident memory (by GNU time, /usr/bin/time), each as the spread
// over the runs; with -rows FILE, the first BINARY's rows of the table
// ./build.sh bench prints (| measure | median | spread (min–max) | aim |).
// With -write FILE it only writes the sample transcript.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"cvq-playground/protocol"
)

// The buffer sizes of protocol.RespondStream.
const bufSize = 64 << 10

func main() {
	runs := flag.Int("runs", 7, "interleaved runs")
	lines := flag.Int("lines", 200000, "client lines in the sample")
	seed := flag.Uint64("seed", 1, "sample seed")
	write := flag.String("write", "", "only write the sample transcript to `FILE`")
	rowsFile := flag.String("rows", "", "also write the first binary's rows of the bench's table to `FILE`")
	copyMode := flag.String("copy", "", "internal: copy stdin to stdout; with a `FILE`, write FILE while reading stdin")
	flag.Parse()
	if *copyMode != "" {
		if err := copyOnce(*copyMode); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	sample := protocol.SampleTranscript(*seed, *lines)
	if *write != "" {
		must(os.WriteFile(*write, sample, 0o644))
		return
	}
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: throughput [-runs N] [-lines N] BINARY [BINARY…]")
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "cvq-throughput")
	must(err)
	defer os.RemoveAll(dir)
	in, out, answers := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.txt"), filepath.Join(dir, "answers.txt")
	must(os.WriteFile(in, sample, 0o644))
	self, err := os.Executable()
	must(err)

	type cmd struct {
		name string
		args []string
	}
	var cmds []cmd
	for _, b := range flag.Args() {
		cmds = append(cmds, cmd{"respond (" + filepath.Base(b) + ")", []string{b, "respond", "-policy", protocol.SamplePolicy}})
	}
	// respond's answers, for the second copy.
	must(run(cmds[0].args, in, answers, nil))
	cmds = append(cmds,
		cmd{"copy: input to output (cat)", []string{self, "-copy", "-"}},
		cmd{"copy: read input, write respond's output", []string{self, "-copy", answers}})

	res := make([][]measure, len(cmds))
	for r := 0; r < *runs; r++ {
		for i, c := range cmds {
			var m measure
			must(run(c.args, in, out, &m))
			res[i] = append(res[i], m)
		}
	}
	inInfo, _ := os.Stat(in)
	ansInfo, _ := os.Stat(answers)
	fmt.Printf("%d client lines (%.1f MB in, %.1f MB out), %d interleaved runs, each figure min–max (median)\n\n",
		*lines, float64(inInfo.Size())/1e6, float64(ansInfo.Size())/1e6, *runs)
	fmt.Println("| process | million lines/s, wall | million lines/s, CPU | ÷ the copy reading input and writing output, wall (CPU) | peak RSS |")
	fmt.Println("|---|---|---|---|---|")
	limit := res[len(res)-1]
	for i, c := range cmds {
		var wall, cpu, ratio, cpuRatio, rss []float64
		for r, m := range res[i] {
			wall = append(wall, float64(*lines)/m.wall.Seconds()/1e6)
			cpu = append(cpu, float64(*lines)/m.cpu.Seconds()/1e6)
			ratio = append(ratio, m.wall.Seconds()/limit[r].wall.Seconds())
			cpuRatio = append(cpuRatio, m.cpu.Seconds()/limit[r].cpu.Seconds())
			rss = append(rss, float64(m.rssKB)/1024)
		}
		fmt.Printf("| %s | %s | %s | %s (%s) | %s MiB |\n", c.name, spread(wall, "%.2f"), spread(cpu, "%.2f"), spread(ratio, "%.1f×"), spread(cpuRatio, "%.1f×"), spread(rss, "%.0f"))
		if i == 0 && *rowsFile != "" {
			rows := row("respond as a process, 200,000-line sample: million lines per second", wall, "%.2f", "≥ 1.6") +
				row("the same, per CPU second", cpu, "%.2f", "") +
				row("the same: time ÷ the copy that reads its input and writes its output", ratio, "%.1f×", "") +
				row("the same: peak resident memory", rss, "%.0f MiB", "")
			must(os.WriteFile(*rowsFile, []byte(rows), 0o644))
		}
	}
}

// row is one row of the bench's table: the median and range of v.
func row(measure string, v []float64, format, aim string) string {
	s := slices.Clone(v)
	slices.Sort(s)
	num, unit, _ := strings.Cut(format, " ")
	if unit != "" {
		unit = " " + unit
	} else if n, ok := strings.CutSuffix(format, "×"); ok {
		num, unit = n, "×"
	}
	return fmt.Sprintf("| %s | "+format+" | "+num+"–"+num+unit+" | %s |\n", measure, s[len(s)/2], s[0], s[len(s)-1], aim)
}

type measure struct {
	wall, cpu time.Duration
	rssKB     int64
}

// run starts args with stdin from in and stdout to out.
func run(args []string, in, out string, m *measure) error {
	fin, err := os.Open(in)
	if err != nil {
		return err
	}
	defer fin.Close()
	fout, err := os.Create(out)
	if err != nil {
		return err
	}
	defer fout.Close()
	// GNU time reports the peak memory of the command alone: the
	// rusage of a child that Go starts also counts this process's memory,
	// which the child shares until it executes.
	rss := out + ".rss"
	c := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", rss}, args...)...)
	c.Stdin, c.Stdout, c.Stderr = fin, fout, os.Stderr
	start := time.Now()
	err = c.Run()
	wall := time.Since(start)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 && len(args) > 1 && args[1] == "respond" {
		err = nil // a pasted answer differs: the sample has some
	}
	if err != nil {
		return fmt.Errorf("%s: %v", strings.Join(args, " "), err)
	}
	if m != nil {
		kb, err := os.ReadFile(rss)
		if err != nil {
			return err
		}
		*m = measure{wall: wall, cpu: c.ProcessState.UserTime() + c.ProcessState.SystemTime()}
		// The last line; a line before it tells a non-zero exit status.
		f := strings.Fields(string(kb))
		if len(f) > 0 {
			fmt.Sscan(f[len(f)-1], &m.rssKB)
		}
	}
	return nil
}

// copyOnce reads stdin line by line and writes, through buffers of
// respond's sizes, either each line ("-") or the file's lines, one for
// every line read while both last.
func copyOnce(file string) error {
	br := bufio.NewReaderSize(os.Stdin, bufSize)
	bw := bufio.NewWriterSize(os.Stdout, bufSize)
	var src *bufio.Reader
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return err
		}
		defer f.Close()
		src = bufio.NewReaderSize(f, bufSize)
	}
	for {
		line, err := br.ReadSlice('\n')
		if src == nil {
			bw.Write(line)
		}
		if err == io.EOF {
			break
		}
		if err != nil && err != bufio.ErrBufferFull {
			return err
		}
		if src != nil {
			// respond writes about two lines for each it reads.
			for i := 0; i < 2; i++ {
				if out, err := src.ReadSlice('\n'); len(out) > 0 || err == nil {
					bw.Write(out)
				}
			}
		}
	}
	if src != nil {
		if _, err := io.Copy(bw, src); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// spread writes "min–max (median)".
func spread(v []float64, format string) string {
	s := slices.Clone(v)
	slices.Sort(s)
	lo, hi, med := fmt.Sprintf(format, s[0]), fmt.Sprintf(format, s[len(s)-1]), fmt.Sprintf(format, s[len(s)/2])
	if lo == hi {
		return lo
	}
	return lo + "–" + hi + " (" + med + ")"
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "throughput:", err)
		os.Exit(1)
	}
}
