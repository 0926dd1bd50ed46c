package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nats.go/micro"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/logging"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/store/store"
)

// statusReport is what 'newsflow status' shows; --json prints it as is.
type statusReport struct {
	Streams   []streamStatus   `json:"streams"`
	Stages    []stageStatus    `json:"stages"`
	Mongo     mongoStatus      `json:"mongo"`
	Instances []instanceStatus `json:"instances"`
	// Interval is how long the rates were measured over.
	Interval time.Duration `json:"interval_ns"`
}

type streamStatus struct {
	Name     string        `json:"name"`
	Subjects []string      `json:"subjects"`
	Msgs     uint64        `json:"msgs"`
	Bytes    uint64        `json:"bytes"`
	MaxAge   time.Duration `json:"max_age_ns"`
	MaxBytes int64         `json:"max_bytes"`
	MaxMsgs  int64         `json:"max_msgs"`
	Discard  string        `json:"discard"`
	Replicas int           `json:"replicas"`
	Leader   string        `json:"leader,omitempty"`
	Err      string        `json:"error,omitempty"`
}

type stageStatus struct {
	Stage       string  `json:"stage"`
	Input       string  `json:"input"`
	Pending     uint64  `json:"pending"`
	InFlight    int     `json:"in_flight"`
	Redelivered int     `json:"redelivered"`
	Dead        uint64  `json:"dead_letters"`
	Rate        float64 `json:"rate_per_s"`
	Instances   int     `json:"instances"`
	Err         string  `json:"error,omitempty"`
}

type mongoStatus struct {
	URI        string `json:"uri"`
	Database   string `json:"database"`
	Collection string `json:"collection"`
	Documents  int64  `json:"documents"`
	Err        string `json:"error,omitempty"`
}

type instanceStatus struct {
	Service string                `json:"service"`
	ID      string                `json:"id"`
	Version string                `json:"version"`
	Stats   service.InstanceStats `json:"stats"`
}

func cmdStatus(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	interval := fs.Duration("interval", 2*time.Second, "time over which processing rates are measured (0: no rates)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	noMongo := fs.Bool("no-mongo", false, "do not count documents in MongoDB")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, `usage: newsflow status [flags]

Shows per stage the messages pending and in flight, redeliveries, dead
letters and the processing rate; each stream's messages, bytes and limits;
the documents in MongoDB; and the running instances of ingest, enrich and
store (from the NATS services API, as 'nats micro list' shows them).
Reads NATS_* and MONGO_* like the services. Exits 1 after the report
when MongoDB cannot be reached (--no-mongo: not asked).`)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if *interval < 0 {
		fmt.Fprintf(e.stderr, "status: --interval %v: want a time to measure rates over, or 0 for none\n", *interval)
		return errUsage
	}
	if fs.NArg() > 0 {
		return strayArgs(e, fs)
	}
	cc, err := jsbus.ConnConfigFromEnv(e.getenv, "newsflow-status")
	if err != nil {
		return err
	}
	log, _ := logging.New(e.stderr, logging.Config{Level: "error"})
	nc, err := jsbus.Connect(ctx, cc, log)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jsbus.NewJetStream(nc)
	if err != nil {
		return err
	}
	r := statusReport{Interval: *interval}
	first, err := instances(ctx, nc)
	if err != nil {
		return err
	}
	if *interval > 0 {
		select {
		case <-time.After(*interval):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	r.Instances, err = instances(ctx, nc)
	if err != nil {
		return err
	}
	r.Streams = streams(ctx, js)
	r.Stages = stages(ctx, js, first, r.Instances, *interval)
	if !*noMongo {
		r.Mongo = countDocuments(ctx, e.getenv)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		printStatus(e.stdout, r, !*noMongo)
	}
	// The report is printed either way; the exit status tells a script
	// or a health check that the database the store writes to is down.
	if r.Mongo.Err != "" {
		return fmt.Errorf("%w: %s", errMongoUnreachable, r.Mongo.Err)
	}
	return nil
}

// errMongoUnreachable: status could not count the stored documents (the
// server down, refused credentials, a MONGO_URI_FILE not read).
var errMongoUnreachable = errors.New("MongoDB could not be reached or asked")

// instances asks every running stage instance for its stats on the NATS
// services API and gathers the answers that arrive within a short wait.
func instances(ctx context.Context, nc *nats.Conn) ([]instanceStatus, error) {
	var out []instanceStatus
	for _, stage := range []string{jsbus.StageIngest, jsbus.StageEnrich, jsbus.StageStore} {
		name := service.ServiceName(stage)
		subj, err := micro.ControlSubject(micro.StatsVerb, name, "")
		if err != nil {
			return nil, err
		}
		inbox := nc.NewInbox()
		sub, err := nc.SubscribeSync(inbox)
		if err != nil {
			return nil, fmt.Errorf("services API: %w", err)
		}
		if err := nc.PublishRequest(subj, inbox, nil); err != nil {
			_ = sub.Unsubscribe()
			return nil, fmt.Errorf("services API: %w", err)
		}
		// Replies come at once; wait a little longer after each one for
		// the next instance.
		wait := time.Second
		for {
			mctx, cancel := context.WithTimeout(ctx, wait)
			m, err := sub.NextMsgWithContext(mctx)
			cancel()
			if err != nil {
				break
			}
			wait = 250 * time.Millisecond
			var st micro.Stats
			if err := json.Unmarshal(m.Data, &st); err != nil {
				continue
			}
			is := instanceStatus{Service: st.Name, ID: st.ID, Version: st.Version}
			for _, ep := range st.Endpoints {
				if len(ep.Data) > 0 {
					_ = json.Unmarshal(ep.Data, &is.Stats)
				}
			}
			out = append(out, is)
		}
		_ = sub.Unsubscribe()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	slices.SortFunc(out, func(a, b instanceStatus) int { return strings.Compare(a.Service+a.ID, b.Service+b.ID) })
	return out, nil
}

// streams lists every stream that holds newsflow subjects.
func streams(ctx context.Context, js jetstream.JetStream) []streamStatus {
	var out []streamStatus
	lister := js.ListStreams(ctx)
	for info := range lister.Info() {
		if !slices.ContainsFunc(info.Config.Subjects, func(s string) bool { return strings.HasPrefix(s, "articles.") }) {
			continue
		}
		s := streamStatus{
			Name: info.Config.Name, Subjects: info.Config.Subjects, Msgs: info.State.Msgs, Bytes: info.State.Bytes,
			MaxAge: info.Config.MaxAge, MaxBytes: info.Config.MaxBytes, MaxMsgs: info.Config.MaxMsgs,
			Discard: strings.ToLower(strings.TrimPrefix(info.Config.Discard.String(), "Discard")), Replicas: info.Config.Replicas,
		}
		if info.Cluster != nil {
			s.Leader = info.Cluster.Leader
		}
		out = append(out, s)
	}
	if err := lister.Err(); err != nil {
		out = append(out, streamStatus{Name: "?", Err: err.Error()})
	}
	slices.SortFunc(out, func(a, b streamStatus) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// stages reads each stage's durable consumer and dead letters; the rate is
// the messages the instances finished (ok or dead) per second between the
// two samples of their counters.
func stages(ctx context.Context, js jetstream.JetStream, before, after []instanceStatus, interval time.Duration) []stageStatus {
	var out []stageStatus
	for _, stage := range []string{jsbus.StageIngest, jsbus.StageEnrich, jsbus.StageStore} {
		in, _ := jsbus.InputSubject(stage)
		s := stageStatus{Stage: stage, Input: in}
		s.Instances, s.Rate = stageRate(before, after, stage, interval)
		err := func() error {
			name, err := js.StreamNameBySubject(ctx, in)
			if err != nil {
				return fmt.Errorf("stream of %s: %w", in, err)
			}
			cons, err := js.Consumer(ctx, name, stage)
			if err != nil {
				return fmt.Errorf("consumer %s: %w", stage, err)
			}
			ci, err := cons.Info(ctx)
			if err != nil {
				return fmt.Errorf("consumer %s: %w", stage, err)
			}
			s.Pending, s.InFlight, s.Redelivered = ci.NumPending, ci.NumAckPending, ci.NumRedelivered
			dead := jsbus.DeadSubject(stage)
			dname, err := js.StreamNameBySubject(ctx, dead)
			if errors.Is(err, jetstream.ErrStreamNotFound) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("stream of %s: %w", dead, err)
			}
			st, err := js.Stream(ctx, dname)
			if err != nil {
				return err
			}
			info, err := st.Info(ctx, jetstream.WithSubjectFilter(dead))
			if err != nil {
				return err
			}
			s.Dead = info.State.Subjects[dead]
			return nil
		}()
		switch {
		case errors.Is(err, jetstream.ErrConsumerNotFound):
			s.Err = "no consumer yet: no " + stage + " service has started on this server"
		case err != nil:
			s.Err = err.Error()
		}
		out = append(out, s)
	}
	return out
}

// stageRate counts the instances of stage in the second sample and the
// messages they finished (ok or dead) per second since the first. An
// instance that started or restarted in between counts from zero only once
// it is in both samples, so a restart never shows as a burst.
func stageRate(before, after []instanceStatus, stage string, interval time.Duration) (instances int, rate float64) {
	prev := map[string]uint64{}
	for _, i := range before {
		if i.Stats.Stage == stage {
			prev[i.ID] = i.Stats.OK + i.Stats.Dead
		}
	}
	var delta uint64
	for _, i := range after {
		if i.Stats.Stage != stage {
			continue
		}
		instances++
		n := i.Stats.OK + i.Stats.Dead
		if m, ok := prev[i.ID]; ok && n >= m {
			delta += n - m
		}
	}
	if interval <= 0 {
		return instances, 0
	}
	return instances, float64(delta) / interval.Seconds()
}

// countDocuments counts the stored articles, with the store's settings.
func countDocuments(ctx context.Context, getenv func(string) string) mongoStatus {
	cfg, err := storeConfigFromEnv(getenv)
	if err != nil {
		return mongoStatus{Err: err.Error()}
	}
	ms := mongoStatus{URI: store.RedactURI(cfg.URI), Database: cfg.Database, Collection: cfg.Collection}
	c, err := mongo.Connect(options.Client().ApplyURI(cfg.URI).SetServerSelectionTimeout(3 * time.Second))
	if err != nil {
		ms.Err = err.Error()
		return ms
	}
	defer c.Disconnect(context.WithoutCancel(ctx))
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	ms.Documents, err = c.Database(cfg.Database).Collection(cfg.Collection).CountDocuments(cctx, bson.D{})
	if err != nil {
		ms.Err = err.Error()
	}
	return ms
}

func printStatus(w io.Writer, r statusReport, withMongo bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STREAM\tSUBJECTS\tMSGS\tBYTES\tMAX AGE\tMAX BYTES\tMAX MSGS\tDISCARD\tREPLICAS\tLEADER")
	for _, s := range r.Streams {
		if s.Err != "" {
			fmt.Fprintf(tw, "%s\terror: %s\n", s.Name, s.Err)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", s.Name, strings.Join(s.Subjects, " "), s.Msgs, bytesString(int64(s.Bytes)),
			limit(s.MaxAge > 0, s.MaxAge.String()), limit(s.MaxBytes > 0, bytesString(s.MaxBytes)), limit(s.MaxMsgs > 0, fmt.Sprint(s.MaxMsgs)),
			s.Discard, s.Replicas, orDash(s.Leader))
	}
	if len(r.Streams) == 0 {
		fmt.Fprintln(tw, "(no stream yet: start a service or 'newsflow up')")
	}
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "STAGE\tINPUT\tPENDING\tIN FLIGHT\tREDELIVERED\tDEAD LETTERS\tRATE/S\tINSTANCES\n")
	for _, s := range r.Stages {
		if s.Err != "" {
			fmt.Fprintf(tw, "%s\t%s\terror: %s\t\t\t\t\t%d\n", s.Stage, s.Input, s.Err, s.Instances)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%.1f\t%d\n", s.Stage, s.Input, s.Pending, s.InFlight, s.Redelivered, s.Dead, s.Rate, s.Instances)
	}
	fmt.Fprintln(tw)
	if withMongo {
		if r.Mongo.Err != "" {
			fmt.Fprintf(tw, "MONGODB\t%s\terror: %s\n", r.Mongo.URI, r.Mongo.Err)
		} else {
			fmt.Fprintf(tw, "MONGODB\t%s\t%s.%s\t%d documents\n", r.Mongo.URI, r.Mongo.Database, r.Mongo.Collection, r.Mongo.Documents)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintln(tw, "SERVICE\tINSTANCE\tVERSION\tUP\tOK\tRETRIED\tDEAD\tIN FLIGHT")
	for _, i := range r.Instances {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n", i.Service, i.ID, i.Version, time.Since(i.Stats.Started).Round(time.Second),
			i.Stats.OK, i.Stats.Retried, i.Stats.Dead, i.Stats.InFlight)
	}
	if len(r.Instances) == 0 {
		fmt.Fprintln(tw, "(no running instance answered)")
	}
	_ = tw.Flush()
}

func limit(set bool, s string) string {
	if !set {
		return "none"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// bytesString prints a size in binary units.
func bytesString(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
