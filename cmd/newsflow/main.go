// Command newsflow is the command-line tool of the newsflow pipeline: it
// runs everything in one process (up), drops articles (drop), follows events
// (tail), processes files without servers (process), scores the enrichment
// (eval), handles dead letters (dead-letters), measures throughput (bench),
// shows the state of a running pipeline (status) and enriches stored
// articles again (reenrich).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	// A closed pipe (tail | head) is a write error to handle, not a
	// signal that kills the process with an event in hand.
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	code := 0
	switch {
	case errors.Is(err, errUsage):
		code = 2
	case errors.Is(err, syscall.EPIPE):
		// The reader went away ("newsflow process | head"): what it
		// wanted was written; a quiet end, as before SIGPIPE was ignored.
	case err != nil:
		fmt.Fprintln(os.Stderr, "newsflow:", err)
		code = 1
	}
	os.Exit(code)
}

// strayArgs prints the arguments a command does not take and its usage.
func strayArgs(e env, fs *flag.FlagSet) error {
	fmt.Fprintf(e.stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
	fs.Usage()
	return errUsage
}

// parseFlags parses args with flags allowed after the paths and other
// arguments too ("newsflow drop a.txt --wait"): the flag package stops at
// the first argument that is no flag, and the flags after it would be
// taken for paths. "--" still ends the flags; "-" (stdin) is an argument.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // (Parse reports it)
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 >= len(args) {
			// (Not the "--" added below as its value: "tail --lang" said
			// nothing and followed the language "--".)
			fmt.Fprintf(fs.Output(), "flag needs an argument: %s\n", a)
			fs.Usage()
			return fmt.Errorf("flag needs an argument: %s", a)
		}
		i++
		flags = append(flags, args[i])
	}
	return fs.Parse(append(append(flags, "--"), rest...))
}

// errUsage is returned after usage has been printed.
var errUsage = errors.New("usage")

// env is what every command gets from main.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

const usage = `newsflow: an event-driven pipeline for news articles

usage: newsflow COMMAND [flags] [args]

commands:
  up            run NATS, MongoDB (embedded unless NATS_URL / MONGO_URI are set) and the three services
  drop PATH...  publish raw articles (files, folders, or - for stdin) to articles.raw
  tail          follow enriched articles, or the quotes of a speaker or the mentions of an entity
  process PATH  parse and enrich files in-process and print one enriched JSON article per line
  eval DIR      score parse+enrich against gold annotations (--errors: each error and the rule behind it)
  dead-letters  list, show and replay dead letters
  bench         measure the pipeline against the in-process ceiling
  status        show stages, streams, documents and running service instances
  reenrich      run stored articles through the current enricher and publish them as revisions
  history ID    list the versions of an article that later versions replaced, and bring one back

Run 'newsflow COMMAND -h' for a command's flags.
`

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmds := map[string]func(context.Context, env, []string) error{
		"up":           cmdUp,
		"drop":         cmdDrop,
		"tail":         cmdTail,
		"process":      cmdProcess,
		"eval":         cmdEval,
		"dead-letters": cmdDeadLetters,
		"bench":        cmdBench,
		"status":       cmdStatus,
		"reenrich":     cmdReenrich,
		"history":      cmdHistory,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
			fmt.Fprint(stdout, usage)
			return nil
		}
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
		return errUsage
	}
	// "newsflow up --help": the command's usage on stdout, exit status 0
	// (it is what was asked for; a wrong flag still gets it on stderr).
	if helpAsked(args[1:]) {
		e.stderr = stdout
		if err := cmd(ctx, e, args[1:]); err != nil && !errors.Is(err, errUsage) {
			return err
		}
		return nil
	}
	return cmd(ctx, e, args[1:])
}

// helpAsked reports a help flag among a command's arguments (before "--").
func helpAsked(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}
