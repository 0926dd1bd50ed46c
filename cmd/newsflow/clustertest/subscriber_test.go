package clustertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// TestClusterSubscriberSurvivesANode: "newsflow tail" as the subscriber
// user, ephemeral and durable, keeps following articles.enriched while
// the node that leads its consumer is killed with SIGKILL and restarted,
// and prints every event once. Before, the ephemeral tail (its consumer
// has one replica, on the node killed) fell silent and exited with "no
// heartbeat received", and the durable one with "no responders".
func TestClusterSubscriberSurvivesANode(t *testing.T) {
	s := newStack(t, false)
	ctx := context.Background()
	cfg := jsbus.DefaultStreamConfig()
	cfg.Replicas = 3
	waitFor(t, 60*time.Second, "the streams with 3 replicas", func() (bool, string) {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if _, err := jsbus.EnsureStream(cctx, s.js, cfg); err != nil {
			return false, err.Error()
		}
		return true, ""
	})

	tails := []*proc{}
	for _, tc := range []struct{ name, durable string }{
		{name: "tail-ephemeral"},
		{name: "tail-durable", durable: "desk"},
	} {
		args := []string{"tail", "--all"}
		if tc.durable != "" {
			args = append(args, "--durable", tc.durable)
		}
		p := &proc{
			name: tc.name, bin: filepath.Join(binDir, "newsflow"), args: args,
			logPath: filepath.Join(s.dir, tc.name+".log"),
			env: []string{
				"NATS_URL=" + s.urls, "NATS_TLS_CA=" + s.ca,
				"NATS_USER=subscriber", "NATS_PASSWORD=" + operatorPass + "-subscriber", "NATS_INBOX_PREFIX=_INBOX.subscriber",
			},
		}
		p.start(t)
		t.Cleanup(func() { _ = p.stop(syscall.SIGKILL, 10*time.Second) })
		tails = append(tails, p)
	}
	const each = 20
	published := 0
	publishSome := func() {
		t.Helper()
		for range each {
			publishEnriched(t, s, published)
			published++
		}
		for _, p := range tails {
			waitFor(t, 90*time.Second, p.name+" to print every event", func() (bool, string) {
				ids := printedIDs(t, p)
				if !p.running() {
					t.Fatalf("%s exited with %d of %d events:\n%s", p.name, len(ids), published, p.tail(5))
				}
				return len(ids) >= published, fmt.Sprintf("%d of %d", len(ids), published)
			})
		}
	}
	publishSome()
	// Kill the node that leads each tail's consumer, one after the other.
	for _, p := range tails {
		n := s.consumerLeader(ctx, p.name)
		t.Logf("killing %s, which leads the consumer of %s", n.name, p.name)
		s.restart(n, syscall.SIGKILL, 5*time.Second)
		publishSome()
	}
	for _, p := range tails {
		ids := printedIDs(t, p)
		if len(ids) != published {
			t.Errorf("%s printed %d distinct events, want %d", p.name, len(ids), published)
		}
		for id, k := range ids {
			if k != 1 {
				t.Errorf("%s printed %s %d times", p.name, id, k)
			}
		}
	}
}

// consumerLeader returns the node that leads the consumer of the tail
// named name on the articles stream: the durable's by its name, the
// ephemeral's as the one other consumer there.
func (s *stack) consumerLeader(ctx context.Context, name string) *node {
	s.t.Helper()
	var leader string
	waitFor(s.t, 30*time.Second, "the leader of "+name+"'s consumer", func() (bool, string) {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		st, err := s.js.Stream(cctx, jsbus.StreamName)
		if err != nil {
			return false, err.Error()
		}
		infos := st.ListConsumers(cctx)
		for ci := range infos.Info() {
			durable := ci.Config.Durable == "desk"
			if durable == (name == "tail-durable") && ci.Cluster != nil && ci.Cluster.Leader != "" {
				leader = ci.Cluster.Leader
			}
		}
		if err := infos.Err(); err != nil {
			return false, err.Error()
		}
		return leader != "", "no consumer with a leader yet"
	})
	for _, n := range s.nodes {
		if n.name == leader {
			return n
		}
	}
	s.t.Fatalf("consumer leader %q is not one of ours", leader)
	return nil
}

// publishEnriched publishes the i-th enriched article as enrich does,
// retrying while the cluster elects a leader.
func publishEnriched(t *testing.T, s *stack, i int) {
	t.Helper()
	id := fmt.Sprintf("%024x", i+1)
	data, err := json.Marshal(map[string]any{
		"id": id, "schema_version": 1, "headline": fmt.Sprintf("Ferry timetable %d", i),
		"body": "The council approved it.", "language": "en", "ingested_at": time.Now().UTC(),
	})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		pctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := s.js.Publish(pctx, jsbus.SubjectEnriched, data, jetstream.WithMsgID("enrich:"+id+":r0"))
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("publish %d: %v", i, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

var idField = regexp.MustCompile(`\bid=([0-9a-f]{24})\b`)

// printedIDs counts the article ids a tail printed, each line's id= field.
func printedIDs(t *testing.T, p *proc) map[string]int {
	t.Helper()
	b, err := os.ReadFile(p.logPath)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for line := range strings.SplitSeq(string(b), "\n") {
		if m := idField.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "===") {
			ids[m[1]]++
		}
	}
	return ids
}
