package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
)

// TestStatus runs the stack of 'newsflow up' (real NATS and FerretDB, the
// three stages), drops six good articles and one that cannot be parsed,
// and checks what 'newsflow status' reports, in JSON and as a table, and
// that the stages are listed on the NATS services API as 'nats micro list'
// asks for them.
func TestStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	dir := t.TempDir()
	for i := range 6 {
		body := fmt.Sprintf("Lighthouse keepers meet in Aberdeen, gathering %d\n\n"+
			"Keepers of the northern lighthouses met in Aberdeen on Friday for gathering number %d. "+
			"\"The lamps still need people,\" said keeper Alasdair Grant.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A headline and no text: ingest dead-letters it.
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), []byte("Just a headline\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := s.run("drop", "--wait", "--timeout", "2m", dir) // the bad file makes drop exit non-zero
	t.Logf("drop: %s", out)

	status := func(args ...string) string {
		t.Helper()
		var buf bytes.Buffer
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := run(ctx, append([]string{"status"}, args...), s.getenv, strings.NewReader(""), &buf, &buf); err != nil {
			t.Fatalf("status: %v\n%s", err, buf.String())
		}
		return buf.String()
	}
	var r statusReport
	if err := json.Unmarshal([]byte(status("--json", "--interval", "500ms")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Mongo.Err != "" || r.Mongo.Documents != 6 {
		t.Errorf("mongo: %+v, want 6 documents", r.Mongo)
	}
	byStage := map[string]stageStatus{}
	for _, st := range r.Stages {
		byStage[st.Stage] = st
		if st.Err != "" {
			t.Errorf("%s: %s", st.Stage, st.Err)
		}
		if st.Pending != 0 || st.InFlight != 0 {
			t.Errorf("%s: pending %d in flight %d after the drop finished", st.Stage, st.Pending, st.InFlight)
		}
		if st.Instances != 1 {
			t.Errorf("%s: %d instances, want 1 (up runs each stage once)", st.Stage, st.Instances)
		}
	}
	if d := byStage[jsbus.StageIngest].Dead; d != 1 {
		t.Errorf("ingest dead letters %d, want 1", d)
	}
	if d := byStage[jsbus.StageEnrich].Dead + byStage[jsbus.StageStore].Dead; d != 0 {
		t.Errorf("enrich+store dead letters %d, want 0", d)
	}
	var msgs uint64
	for _, st := range r.Streams {
		if st.Name != jsbus.StreamEvents {
			msgs += st.Msgs
		} else if st.Msgs == 0 {
			t.Errorf("no quote or entity events in %s", st.Name)
		}
		if st.Replicas != 1 || st.Err != "" {
			t.Errorf("stream %+v", st)
		}
	}
	// 7 raw, 6 parsed, 6 enriched, 6 stored notices, 1 dead letter.
	if msgs != 26 {
		t.Errorf("stream messages %d, want 26", msgs)
	}
	okBy := map[string]uint64{}
	for _, i := range r.Instances {
		okBy[i.Stats.Stage] += i.Stats.OK
		if i.Version != service.Version || i.Service != service.ServiceName(i.Stats.Stage) {
			t.Errorf("instance %+v", i)
		}
	}
	if okBy[jsbus.StageIngest] != 6 || okBy[jsbus.StageEnrich] != 6 || okBy[jsbus.StageStore] != 6 {
		t.Errorf("instances' ok counts %v, want 6 each", okBy)
	}

	table := status("--interval", "0")
	t.Logf("newsflow status:\n%s", table)
	for _, want := range []string{"STAGE", "PENDING", "IN FLIGHT", "REDELIVERED", "DEAD LETTERS", "RATE/S", "MAX AGE", "MAX BYTES", "6 documents", "newsflow-enrich"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}

	// What 'nats micro list' sends: a PING to every service.
	nc, err := nats.Connect(s.NATSURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	subj, _ := micro.ControlSubject(micro.PingVerb, "", "")
	inbox := nc.NewInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.PublishRequest(subj, inbox, nil); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	streams := map[string]string{}
	for {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			break
		}
		var p micro.Ping
		if err := json.Unmarshal(m.Data, &p); err == nil {
			seen[p.Name] = true
			streams[p.Name] = p.Metadata["stream"]
		}
	}
	// Each says the stream its input is in: ingest reads ARTICLES_IN.
	for stage, want := range map[string]string{"ingest": jsbus.StreamIn, "enrich": jsbus.StreamName, "store": jsbus.StreamName} {
		if got := streams[service.ServiceName(stage)]; got != want {
			t.Errorf("%s announces stream %q, want %q", stage, got, want)
		}
	}
	for _, stage := range []string{"ingest", "enrich", "store"} {
		if !seen[service.ServiceName(stage)] {
			t.Errorf("micro ping: %s did not answer (got %v)", service.ServiceName(stage), seen)
		}
	}
}

func TestStageRate(t *testing.T) {
	inst := func(id, stage string, ok, dead uint64) instanceStatus {
		return instanceStatus{ID: id, Stats: service.InstanceStats{Stage: stage, OK: ok, Dead: dead}}
	}
	tests := []struct {
		name          string
		before, after []instanceStatus
		interval      time.Duration
		wantInst      int
		wantRate      float64
	}{
		{"two instances", []instanceStatus{inst("a", "enrich", 10, 0), inst("b", "enrich", 5, 1)},
			[]instanceStatus{inst("a", "enrich", 20, 0), inst("b", "enrich", 9, 2)}, 2 * time.Second, 2, 7.5},
		{"other stages ignored", []instanceStatus{inst("a", "store", 1, 0)},
			[]instanceStatus{inst("a", "store", 100, 0), inst("c", "enrich", 4, 0)}, time.Second, 1, 0},
		{"new instance counts from its first sample", nil,
			[]instanceStatus{inst("n", "enrich", 50, 0)}, time.Second, 1, 0},
		{"restarted counter is not negative", []instanceStatus{inst("a", "enrich", 50, 0)},
			[]instanceStatus{inst("a", "enrich", 3, 0)}, time.Second, 1, 0},
		{"no interval", []instanceStatus{inst("a", "enrich", 1, 0)},
			[]instanceStatus{inst("a", "enrich", 9, 0)}, 0, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, r := stageRate(tc.before, tc.after, "enrich", tc.interval)
			if n != tc.wantInst || r != tc.wantRate {
				t.Errorf("got %d instances %.2f/s, want %d %.2f/s", n, r, tc.wantInst, tc.wantRate)
			}
		})
	}
}

// TestStatusMongoUnreachable: with NATS up and MongoDB down, status still
// prints its report, names the database's error in it and exits non-zero,
// so that a script or a health check sees the outage; --no-mongo does not ask.
func TestStatusMongoUnreachable(t *testing.T) {
	ep := startServers(t, upOptions{dataDir: t.TempDir(), natsPort: -1, servers: "nats"})
	// A port nothing listens on: the listener is closed before status runs.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mongoURI := "mongodb://" + l.Addr().String() + "/"
	l.Close()
	getenv := func(k string) string {
		switch k {
		case "NATS_URL":
			return ep.NATSURL
		case "MONGO_URI":
			return mongoURI
		}
		return ""
	}
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr bool
		want    string
	}{
		{"table", []string{"--interval", "0"}, true, "MONGODB"},
		{"json", []string{"--json", "--interval", "0"}, true, `"error"`},
		{"no-mongo", []string{"--no-mongo", "--interval", "0"}, false, "STREAM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			sctx, scancel := context.WithTimeout(context.Background(), time.Minute)
			defer scancel()
			err := run(sctx, append([]string{"status"}, tc.args...), getenv, strings.NewReader(""), &buf, &buf)
			if got := errors.Is(err, errMongoUnreachable); got != tc.wantErr {
				t.Fatalf("status %v: err %v, want MongoDB unreachable: %v\n%s", tc.args, err, tc.wantErr, buf.String())
			}
			if !tc.wantErr && err != nil {
				t.Fatalf("status %v: %v", tc.args, err)
			}
			if !strings.Contains(buf.String(), tc.want) {
				t.Errorf("status %v: no %q in the report:\n%s", tc.args, tc.want, buf.String())
			}
		})
	}
}
